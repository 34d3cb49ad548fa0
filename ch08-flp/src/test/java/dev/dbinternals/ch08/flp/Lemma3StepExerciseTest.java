package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * flp-5, graded by the explorer (crash-free model): for bivalent configurations on random runs of
 * three protocols (two not in the module) and a step e applicable in each, the reader's schedule
 * is replayed and its end's valence checked; an empty answer is checked against an exhaustive
 * search. The cases include all three kinds: e at once works, e must wait behind other steps, and
 * no schedule exists (the protocols do not tolerate a crash).
 *
 * <p>Wrong solutions this must reject (kept in {@code src/wrong/flp-5--*}):
 * <ul>
 *   <li>{@code flp-5--at-once}: tries e immediately only (Lemma 3's adversary may put steps before e);</li>
 *   <li>{@code flp-5--valence-before-e}: checks that the configuration before e is bivalent, not the one after it;</li>
 *   <li>{@code flp-5--one-step}: looks at most one step ahead before e.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("flp-5: Lemma 3, the adversary's step")
class Lemma3StepExerciseTest {

    /** A protocol, bivalent inputs for it, and the crash-free analysis. */
    record Case(ConsensusProtocol protocol, int n, String inputs) {
        FlpAnalysis analysis() {
            return FlpAnalysis.of(protocol, n, 0, ConsensusModel.Granularity.EACH_SEND);
        }

        /** The valence of every configuration reachable from the inputs, computed once per case. */
        Map<Configuration, Valence> valences() {
            return VALENCES.computeIfAbsent(protocol.name(), x -> analysis().valences(analysis().model().initial(inputs)));
        }
    }

    private static final Map<String, Map<Configuration, Valence>> VALENCES = new java.util.concurrent.ConcurrentHashMap<>();

    static final List<Case> CASES = List.of(
            new Case(new FirstProposalWins(), 3, "001"),
            new Case(new HiddenProtocols.LastProposalWins(), 3, "010"),
            new Case(new HiddenProtocols.RelayRace(), 5, "01000"));

    @Test
    void shouldFindTheScheduleWhenThereIsOneAndNoneOtherwise() {
        Seeds.check("flp-5: Lemma 3's schedule", 40, seed -> {
            Random random = new Random(seed);
            for (Case k : CASES) {
                FlpAnalysis analysis = k.analysis();
                Map<Configuration, Valence> valences = k.valences();
                List<String> run = new ArrayList<>();
                Configuration c = analysis.model().initial(k.inputs());
                while (valences.get(c) == Valence.BIVALENT) {
                    var steps = analysis.model().next(c);
                    String e = steps.get(random.nextInt(steps.size())).label();
                    grade(analysis, valences, k.inputs(), run, c, e);
                    var t = steps.get(random.nextInt(steps.size()));
                    run.add(t.label());
                    c = t.target();
                }
            }
        });
    }

    @Test
    void shouldPutOtherStepsBeforeEWhenEAtOnceWouldFixTheOutcome() {
        // RelayRace: p4 has already forwarded p1's 1 to p0; e delivers p1's 1 to p3 as well
        Case k = CASES.get(2);
        FlpAnalysis analysis = k.analysis();
        Map<Configuration, Valence> valences = k.valences();
        List<String> run = List.of("send p1→p3 input(1)", "send p1→p4 input(1)", "deliver p1→p4 input(1)");
        Configuration c = replay(analysis.model(), analysis.model().initial(k.inputs()), run);
        grade(analysis, valences, k.inputs(), run, c, "deliver p1→p3 input(1)");
    }

    private static void grade(FlpAnalysis analysis, Map<Configuration, Valence> valences, String inputs, List<String> run,
                              Configuration c, String e) {
        String where = t(" for e = '" + e + "' in the configuration of " + analysis.model().protocol().name()
                + " reached by this run:", " (e = '" + e + "', 다음 실행으로 도달한 " + analysis.model().protocol().name()
                + "의 구성):") + Runs.describe(inputs, run, c);
        Optional<List<String>> answer = Lemma3Step.find(analysis, c, e);
        if (answer == null) {
            fail(t("the answer was null; return Optional.empty() when there is no schedule",
                    "답이 null이에요; 스케줄이 없으면 Optional.empty()를 반환하세요") + where);
        }
        if (answer.isEmpty()) {
            if (exists(analysis.model(), valences, c, e)) {
                fail(t("you returned no schedule, but one exists: some steps other than e, then e, leave both decisions reachable",
                        "스케줄이 없다고 답했지만 있어요: e가 아닌 단계 몇 개 다음 e를 밟으면 두 결정 모두에 도달할 수 있어요") + where);
            }
            return;
        }
        List<String> schedule = answer.get();
        if (schedule.isEmpty() || !schedule.get(schedule.size() - 1).equals(e)) {
            fail(t("the schedule " + schedule + " does not end with e", "스케줄 " + schedule + "이 e로 끝나지 않아요") + where);
        }
        if (schedule.subList(0, schedule.size() - 1).contains(e)) {
            fail(t("the schedule " + schedule + " takes e before its last step; Lemma 3 applies e once, last",
                    "스케줄 " + schedule + "이 마지막 단계 전에 e를 밟아요; 보조정리 3은 e를 마지막에 한 번만 적용해요") + where);
        }
        Configuration d = c;
        for (String label : schedule) {
            Configuration from = d;
            var step = analysis.model().next(from).stream().filter(t -> t.label().equals(label)).findFirst();
            if (step.isEmpty()) {
                fail(t("the step '" + label + "' of your schedule " + schedule + " cannot be taken there",
                        "스케줄 " + schedule + "의 단계 '" + label + "'는 그 자리에서 밟을 수 없어요") + where);
            }
            d = step.get().target();
        }
        if (valences.get(d) != Valence.BIVALENT) {
            fail(t("after your schedule " + schedule + " the configuration is " + valences.get(d) + ", not bivalent",
                    "스케줄 " + schedule + " 뒤의 구성은 양가가 아니라 " + valences.get(d) + "예요") + where);
        }
    }

    /** Whether some configuration reachable from c without e becomes bivalent when e is applied (exhaustive). */
    static boolean exists(ConsensusModel model, Map<Configuration, Valence> valences, Configuration c, String e) {
        Set<Configuration> seen = new HashSet<>(List.of(c));
        ArrayDeque<Configuration> queue = new ArrayDeque<>(List.of(c));
        while (!queue.isEmpty()) {
            for (var t : model.next(queue.poll())) {
                if (t.label().equals(e)) {
                    if (valences.get(t.target()) == Valence.BIVALENT) {
                        return true;
                    }
                } else if (seen.add(t.target())) {
                    queue.add(t.target());
                }
            }
        }
        return false;
    }

    private static Configuration replay(ConsensusModel model, Configuration start, List<String> run) {
        Configuration c = start;
        for (String label : run) {
            Configuration from = c;
            c = model.next(from).stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow().target();
        }
        return c;
    }
}
