package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.hotspots.KeySampler;
import dev.dbinternals.ch08.cascading.hotspots.LoadPlanner;
import dev.dbinternals.ch08.cascading.checksums.Replication;
import dev.dbinternals.ch08.cascading.storm.RetryStorm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CascadingFailuresTest {

    private static final Duration B = RetryStorm.BUCKET;

    @Test
    void shouldTurnAShortPauseIntoALastingCollapseWhenClientsRetryImmediately() {
        List<RetryStorm.Strategy> s = Demo06RetryStorm.strategies();
        RetryStorm.Result none = RetryStorm.run(1, s.get(0), Duration.ofMillis(300), Duration.ofSeconds(3));
        RetryStorm.Result storm = RetryStorm.run(1, s.get(1), Duration.ofMillis(300), Duration.ofSeconds(3));
        assertThat(none.goodput(20, 30, B)).as("without retries the cluster is back to ~1800 ok/s").isGreaterThan(1600);
        assertThat(storm.amplification()).as("attempts per request with immediate retries").isGreaterThan(2.5);
        assertThat(storm.goodput(20, 30, B)).as("goodput a second after the pause ended").isLessThan(100);
    }

    @Test
    void shouldRecoverFromTheSamePauseBehindCircuitBreakers() {
        RetryStorm.Strategy withBreaker = Demo06RetryStorm.strategies().get(6);
        Seeds.check("retry storm with breakers recovers", 3, seed -> {
            RetryStorm.Result r = RetryStorm.run(seed, withBreaker, Duration.ofMillis(300), Duration.ofSeconds(3));
            assertThat(r.amplification()).as("attempts per request").isLessThan(1.2);
            assertThat(r.goodput(20, 30, B)).as("goodput after the pause").isGreaterThan(1600);
        });
    }

    @Test
    void shouldNotRecoverWithBackoffAndJitterAloneButRecoverWithARetryBudget() {
        List<RetryStorm.Strategy> s = Demo06RetryStorm.strategies();
        RetryStorm.Result jitter = RetryStorm.run(2, s.get(3), Duration.ofMillis(300), Duration.ofSeconds(3));
        RetryStorm.Result budget = RetryStorm.run(2, s.get(5), Duration.ofMillis(300), Duration.ofSeconds(3));
        assertThat(s.get(3).name()).isEqualTo("full jitter, 5");
        assertThat(jitter.goodput(20, 30, B)).as("full jitter alone, goodput after the pause").isLessThan(100);
        assertThat(budget.amplification()).as("attempts per request with a 10%% budget").isLessThan(1.15);
        assertThat(budget.goodput(20, 30, B)).as("goodput after the pause with the budget").isGreaterThan(1600);
    }

    @Test
    void shouldSpreadCorruptedRecordsWithoutChecksumsAndNeverWithThem() {
        long spreadWithout = 0;
        for (long seed = 1; seed <= 4; seed++) {
            spreadWithout += Replication.run(seed, false, 0.01, 800).corruptSlots();
        }
        assertThat(spreadWithout).as("corrupt records stored without validation, over 4 seeds").isGreaterThan(4);
        Seeds.check("checksummed replication stores nothing corrupt", 4, seed -> {
            Replication.Result r = Replication.run(seed, true, 0.01, 800);
            assertThat(r.corruptSlots()).as("corrupt records stored").isZero();
            assertThat(r.keysPerReplica()).as("every key still present").isEqualTo(40);
        });
    }

    @Test
    void shouldBalanceSkewedLoadByPastLoadAndCapacity() {
        long[] load = new long[64];
        KeySampler z = KeySampler.zipf(64, 1.0);
        for (int k = 0; k < 64; k++) {
            load[k] = Math.round(z.probability(k) * 100_000);
        }
        double[] cap = {1, 1, 1, 0.5};
        double hash = LoadPlanner.maxOverMean(LoadPlanner.utilisation(LoadPlanner.byHash(64, 4), load, cap));
        double plan = LoadPlanner.maxOverMean(LoadPlanner.utilisation(LoadPlanner.byPastLoad(load, cap), load, cap));
        assertThat(hash).as("max/mean utilisation by hash").isGreaterThan(1.2);
        assertThat(plan).as("max/mean utilisation by the coordinator's plan").isLessThan(1.05);
    }

    @Test
    void shouldRunEveryDemoQuicklyAndWriteItsFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var outputs = dev.dbinternals.ch08.harness.demo.DemoList.runAllQuick(dir);
        assertThat(outputs).hasSizeGreaterThanOrEqualTo(8);
        outputs.forEach((d, text) -> assertThat(text).as("output of %s", d.name()).contains("==").doesNotContain("Exception"));
    }
}
