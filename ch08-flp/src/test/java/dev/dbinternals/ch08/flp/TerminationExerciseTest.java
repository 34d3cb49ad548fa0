package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

// Wrong solutions this must reject (src/wrong/flp-2--*): delegate (ConsensusProperties.termination, never
// "not yet"), all-decided (crashed processes must decide
// too, the notes' version), no-not-yet (an undecided correct process is a violation even while the
// run can go on), message-to-the-dead (a message to a crashed process still counts as a step left).
@Tag("exercise")
@DisplayName("flp-2: termination, stated correctly, and only when the run is over")
class TerminationExerciseTest {

    private static final int NONE = Reaction.NONE;
    private static final Message P0_TO_P1 = new Message(0, 1, "value", 0);
    private static final Message P1_TO_P2 = new Message(1, 2, "value", 1);

    private static ProcessState decided(int input, int decision) {
        return new ProcessState(input, List.of(), List.of(), decision, false);
    }

    private static ProcessState waiting(int input, List<Message> outbox) {
        return new ProcessState(input, List.of(), outbox, NONE, false);
    }

    private static ProcessState crashed(int input) {
        return new ProcessState(input, List.of(), List.of(), NONE, true);
    }

    @Test
    void shouldHoldWhenOnlyACrashedProcessIsUndecided() {
        var c = new Configuration(List.of(decided(0, 1), decided(1, 1), crashed(1)), List.of(), 1);
        assertThat(Termination.of(c)).as(t("a crashed process need not decide", "충돌한 프로세스는 결정하지 않아도 돼요")).isEqualTo(Termination.Verdict.HOLDS);
    }

    @Test
    void shouldBeViolatedWhenACorrectProcessIsUndecidedAndNothingCanHappen() {
        var c = new Configuration(List.of(decided(0, 1), waiting(1, List.of()), crashed(1)), List.of(), 1);
        assertThat(Termination.of(c)).as(t("p1 is correct, undecided, and no step is left", "p1은 정상이고 결정하지 않았으며, 남은 단계가 없어요")).isEqualTo(Termination.Verdict.VIOLATED);
    }

    @Test
    void shouldBeTooEarlyToSayWhileAMessageToALiveProcessIsInFlight() {
        var c = new Configuration(List.of(decided(0, 0), waiting(0, List.of()), decided(0, 0)), List.of(P0_TO_P1), 0);
        assertThat(Termination.of(c)).as(t("p1 is undecided, but p0's message to it is still on the way", "p1은 결정하지 않았지만 p0가 보낸 메시지가 아직 오는 중이에요")).isEqualTo(Termination.Verdict.NOT_YET);
    }

    @Test
    void shouldBeTooEarlyToSayWhileALiveProcessStillHasAMessageToSend() {
        var c = new Configuration(List.of(decided(0, 0), waiting(1, List.of(P1_TO_P2)), waiting(1, List.of())), List.of(), 0);
        assertThat(Termination.of(c)).as(t("p1 and p2 are undecided, but p1 can still send", "p1과 p2는 결정하지 않았지만 p1은 아직 보낼 수 있어요")).isEqualTo(Termination.Verdict.NOT_YET);
    }

    @Test
    void shouldBeViolatedWhenTheOnlyMessageLeftIsForACrashedProcess() {
        var c = new Configuration(List.of(decided(0, 0), waiting(1, List.of()), crashed(1)), List.of(new Message(0, 2, "value", 0)), 1);
        assertThat(Termination.of(c)).as(t("the message in flight goes to crashed p2: nothing can happen for p1", "전송 중인 메시지는 충돌한 p2에게 가요: p1에게는 아무 일도 일어날 수 없어요")).isEqualTo(Termination.Verdict.VIOLATED);
    }

    @Test
    void shouldAgreeWithTheExplorerOnEveryConfigurationOfWaitForAll() {
        // every configuration WaitForAll can reach from 011: a terminal one is over, any other can still go on
        var model = new ConsensusModel(new WaitForAll(), 3, 1);
        var result = model.explorer("011").explore();
        List<Configuration> terminal = result.terminalStates();
        for (Configuration c : result.states()) {
            boolean over = terminal.contains(c) || model.next(c).stream().allMatch(t -> t.label().startsWith("crash"));
            boolean decided = c.processes().stream().allMatch(p -> p.crashed() || p.decided());
            var expected = decided ? Termination.Verdict.HOLDS : over ? Termination.Verdict.VIOLATED : Termination.Verdict.NOT_YET;
            if (Termination.of(c) != expected) {
                fail(t("your verdict " + Termination.of(c) + " does not fit this configuration (every correct process decided: "
                        + decided + "; a step other than a crash is left: " + !over + "), reached by this run:",
                        "판정 " + Termination.of(c) + "는 이 구성에 맞지 않아요(모든 정상 프로세스가 결정함: "
                        + decided + "; 충돌 말고 남은 단계가 있음: " + !over + "). 이 구성에 이른 실행:")
                        + Runs.describe("011", result.shortestPathTo(c), c));
            }
        }
    }
}
