package dev.dbinternals.ch08.harness.exercise;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * harness-2, graded on traces of 200 sends over links that lose, duplicate or corrupt frames, and
 * on sends that repeat the same bytes. The wrong solutions kept as fixtures
 * (src/wrong/harness-2--*) and the test that catches each:
 * <ul>
 *   <li>{@code id-only}: a known id counts as sent whatever bytes arrived —
 *       {@link #shouldReportCorruptedDeliveriesAsCreation()};</li>
 *   <li>{@code dup-by-content}: the same bytes twice taken for a duplicate —
 *       {@link #shouldNotCallTwoSendsOfTheSameBytesADuplication()};</li>
 *   <li>{@code flags-every-copy}: the first delivery of a duplicated message flagged too —
 *       {@link #shouldReportEachDuplicateDeliveryWithItsMessageId()}.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("harness-2: a trace checker for no creation and no duplication")
class LinkCheckerExerciseTest {

    static Simulation run(LinkFaults faults) {
        return run(faults, i -> "message " + i);
    }

    static Simulation run(LinkFaults faults, java.util.function.IntFunction<String> text) {
        Simulation sim = new Simulation(5);
        Address b = Address.of("B");
        sim.addNode("A", () -> new Node() {
            @Override
            public void onStart(Context ctx) {
                for (int i = 0; i < 200; i++) {
                    ctx.send(b, text.apply(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }

            @Override
            public void onMessage(Context ctx, Address from, byte[] message) {
            }
        });
        sim.addNode(b, () -> (ctx, from, m) -> { });
        sim.network().setDefaults(faults);
        sim.runUntilQuiet(Duration.ofSeconds(10));
        return sim;
    }

    @Test
    void shouldFindNothingWrongWithACleanLossyRun() {
        Simulation sim = run(LinkFaults.none().withLoss(0.3));

        assertThat(LinkChecker.violations(sim.trace())).as(t("loss breaks neither property", "손실은 두 속성 중 어느 것도 깨지 않아요")).isEmpty();
    }

    @Test
    void shouldNotCallTwoSendsOfTheSameBytesADuplication() {
        // given 200 sends of only two different texts, over a link that only loses frames
        Simulation sim = run(LinkFaults.none().withLoss(0.3), i -> i % 2 == 0 ? "heartbeat" : "tick");

        // then nothing is delivered twice: each send is its own message, whatever it says
        assertThat(LinkChecker.violations(sim.trace()))
                .as(t("every send here is delivered at most once (no DUPLICATE in the trace), yet your checker reports", "여기서는 모든 전송이 최대 한 번 전달되는데 (트레이스에 DUPLICATE 없음), 작성한 검사기가 보고한 것"))
                .isEmpty();
    }

    @Test
    void shouldReportEachDuplicateDeliveryWithItsMessageId() {
        Simulation sim = run(LinkFaults.none().withDuplication(0.2));
        long extraCopies = sim.trace().ofKind(Kind.DUPLICATE).size();

        List<String> v = LinkChecker.violations(sim.trace());

        assertThat(v).as(t("one 'duplication' line per extra copy delivered", "전달된 추가 사본마다 'duplication' 줄이 하나씩 있어야 해요")).hasSize((int) extraCopies)
                .allMatch(s -> s.contains("duplication") && s.matches(".*#\\d+.*"));
        long firstDup = sim.trace().ofKind(Kind.DUPLICATE).get(0).messageId();
        assertThat(v).anyMatch(s -> s.contains("#" + firstDup + " ") || s.endsWith("#" + firstDup));
    }

    @Test
    void shouldReportCorruptedDeliveriesAsCreation() {
        Simulation sim = run(LinkFaults.none().withCorruption(0.1));
        long corrupted = sim.trace().ofKind(Kind.CORRUPT).size();

        List<String> v = LinkChecker.violations(sim.trace());

        assertThat(corrupted).isPositive();
        assertThat(v).as(t("a corrupted frame is a message nobody sent", "손상된 프레임은 아무도 보내지 않은 메시지예요")).hasSize((int) corrupted)
                .allMatch(s -> s.contains("creation"));
    }
}
