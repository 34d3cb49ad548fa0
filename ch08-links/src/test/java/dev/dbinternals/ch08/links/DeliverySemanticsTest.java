package dev.dbinternals.ch08.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * At-most-once, at-least-once and exactly-once (정확히 한 번만 전달): the same workload under the
 * same faults, counting lost and duplicated effects; then the receiver crashed at every step
 * of its handler.
 */
class DeliverySemanticsTest {

    static final int OPS = 30;

    @Test
    void shouldLoseWithAtMostOnceDoubleWithAtLeastOnceAndDoNeitherWithExactlyOnce() {
        Map<DeliverySemantics, long[]> totals = new EnumMap<>(DeliverySemantics.class);
        Seeds.check("delivery semantics", 50, seed -> {
            for (DeliverySemantics s : new DeliverySemantics[] {DeliverySemantics.AT_MOST_ONCE,
                    DeliverySemantics.AT_LEAST_ONCE, DeliverySemantics.EXACTLY_ONCE}) {
                EffectTally t = Experiments.semantics(seed, s, true, OPS);
                long[] sum = totals.computeIfAbsent(s, k -> new long[2]);
                sum[0] += t.lost();
                sum[1] += t.duplicated();
                if (s == DeliverySemantics.AT_LEAST_ONCE) {
                    assertThat(t.lost()).as("at-least-once loses nothing: %s", t).isZero();
                }
                if (s == DeliverySemantics.EXACTLY_ONCE) {
                    assertThat(t.isExactlyOnce()).as("exactly-once: %s", t).isTrue();
                }
            }
        });
        totals.forEach((s, v) -> System.out.printf("%-14s over 50 seeds x %d ops: %d lost, %d duplicated%n", s, OPS, v[0], v[1]));
        assertThat(totals.get(DeliverySemantics.AT_MOST_ONCE)[0]).as("at-most-once loses effects").isPositive();
        assertThat(totals.get(DeliverySemantics.AT_LEAST_ONCE)[1]).as("at-least-once duplicates effects").isPositive();
    }

    @ParameterizedTest(name = "crash {0}")
    @EnumSource(CrashPlan.Step.class)
    void shouldApplyEveryEffectExactlyOnceWhenTheReceiverCrashesAtThisStep(CrashPlan.Step step) {
        for (long seq = 1; seq <= 6; seq++) {
            EffectTally t = Experiments.crashAt(DeliverySemantics.EXACTLY_ONCE, step, seq, 6);
            assertThat(t.isExactlyOnce()).as("crash %s of message #%d: %s", step, seq, t).isTrue();
        }
    }

    @Test
    void shouldApplyAnEffectTwiceUnderAtLeastOnceWhenTheCrashComesAfterPersistingBeforeTheAck() {
        EffectTally t = Experiments.crashAt(DeliverySemantics.AT_LEAST_ONCE, CrashPlan.Step.AFTER_PERSIST_BEFORE_ACK, 3, 6);
        assertThat(t.duplicated()).as("no dedup: the retransmission applies m3 again: %s", t).isEqualTo(1);
    }

    @Test
    void shouldApplyAnEffectTwiceWhenEffectAndDedupStateAreSyncedSeparately() {
        EffectTally t = Experiments.crashAt(DeliverySemantics.EXACTLY_ONCE_NON_ATOMIC, CrashPlan.Step.AFTER_PROCESSING_BEFORE_PERSIST, 3, 6);
        assertThat(t.duplicated()).as("effect durable, n_processed not: m3 applied again: %s", t).isEqualTo(1);
    }
}
