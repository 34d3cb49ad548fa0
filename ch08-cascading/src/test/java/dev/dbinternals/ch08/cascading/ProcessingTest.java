package dev.dbinternals.ch08.cascading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessingTest {

    private static final Duration S = Duration.ofMillis(1);

    private static QueueExperiment.Result overload(int capacity) {
        return QueueExperiment.run(1, new ServerNode.Config(capacity, S),
                s -> LoadGenerator.Config.openLoop(s, 2000, Duration.ofSeconds(1)), Duration.ofSeconds(5));
    }

    @Test
    void shouldCapThroughputAtTheServiceRateWhateverTheQueueCapacity() {
        for (int cap : new int[] {0, 10, 100, ServerNode.UNBOUNDED}) {
            assertThat(overload(cap).throughputPerSecond()).as("served/s with capacity %d", cap).isBetween(990.0, 1000.0);
        }
    }

    @Test
    void shouldOnlyAddLatencyWithABiggerQueue() {
        QueueExperiment.Result small = overload(10);
        QueueExperiment.Result big = overload(100);
        assertThat(big.throughputPerSecond()).as("no more throughput").isCloseTo(small.throughputPerSecond(), within(2.0));
        assertThat(big.p99()).as("p99 grows with the queue: about capacity x service time + 3 ms").isBetween(100_000_000L, 106_000_000L);
        assertThat(small.p99()).isBetween(10_000_000L, 16_000_000L);
        assertThat(big.rejected()).as("fewer rejections, paid for in latency").isLessThan(small.rejected());
    }

    @Test
    void shouldKeepLatencyBoundedAndRejectNothingWithCreditBackpressure() {
        QueueExperiment.Result r = QueueExperiment.run(1, new ServerNode.Config(1000, S),
                s -> LoadGenerator.Config.openLoop(s, 2000, Duration.ofSeconds(1)).withCreditWindow(8), Duration.ofSeconds(5));
        assertThat(r.rejected()).isZero();
        assertThat(r.server().maxInSystem()).as("never more inside than the window").isLessThanOrEqualTo(8);
        assertThat(r.throughputPerSecond()).as("the server stays busy").isGreaterThan(990);
        assertThat(r.max()).as("max latency ~ window x service + round trip").isLessThanOrEqualTo(10_000_000L);
    }

    @Test
    void shouldAbsorbABurstWithAQueueSizedByTheCalculatorThatFailingFastRejects() {
        Burst burst = new Burst(Duration.ofMillis(300), Duration.ofMillis(400), 3);
        long room = QueueSizing.burstCapacity(2100, S, Duration.ofMillis(100));
        QueueExperiment.Result failFast = QueueExperiment.run(1, new ServerNode.Config(0, S),
                s -> LoadGenerator.Config.openLoop(s, 700, Duration.ofSeconds(1)).withBursts(burst), Duration.ofSeconds(5));
        QueueExperiment.Result queued = QueueExperiment.run(1, new ServerNode.Config((int) room + 10, S),
                s -> LoadGenerator.Config.openLoop(s, 700, Duration.ofSeconds(1)).withBursts(burst), Duration.ofSeconds(5));
        assertThat(room).isEqualTo(110);
        assertThat(failFast.rejected()).as("fail fast refuses part of the burst").isGreaterThan(50);
        assertThat(queued.rejected()).as("the sized queue absorbs it").isZero();
    }

    @Test
    void shouldMatchLittlesLawAndTheMd1FormulaOnTheSimulator() {
        Seeds.check("Little's law on the simulated server", 5, seed -> {
            QueueExperiment.Result r = QueueExperiment.run(seed, new ServerNode.Config(ServerNode.UNBOUNDED, S),
                    s -> LoadGenerator.Config.openLoop(s, 800, Duration.ofSeconds(2)).withPoisson(true), Duration.ofSeconds(5));
            ServerNode.Stats st = r.server();
            double lw = st.arrivalRatePerSecond() * st.meanResidenceNanos() / 1e9;
            assertThat(st.averageInSystem()).as("time-averaged L vs λW").isCloseTo(lw, within(0.01 * lw));
            double md1 = QueueSizing.md1TimeInSystem(800, S).toNanos();
            assertThat(st.meanResidenceNanos()).as("W vs the M/D/1 formula (%.0f ns)", md1).isCloseTo(md1, within(0.25 * md1));
        });
    }

    @Test
    void shouldComputeTheQueueSizingFormulas() {
        assertThat(QueueSizing.utilization(800, S)).isCloseTo(0.8, within(1e-12));
        assertThat(QueueSizing.littlesL(1000, Duration.ofMillis(5))).isCloseTo(5.0, within(1e-12));
        assertThat(QueueSizing.littlesW(5, 1000)).isEqualTo(Duration.ofMillis(5));
        assertThat(QueueSizing.maxWait(19, S)).isEqualTo(Duration.ofMillis(19));
        assertThat(QueueSizing.capacityForLatencyBudget(S, Duration.ofMillis(20))).isEqualTo(19);
        assertThat(QueueSizing.burstCapacity(900, S, Duration.ofSeconds(1))).as("below the service rate").isZero();
        assertThat(QueueSizing.md1TimeInSystem(500, S)).isEqualTo(Duration.ofNanos(1_500_000));
        assertThatThrownBy(() -> QueueSizing.md1TimeInSystem(1000, S)).hasMessageContaining("grows without bound");
        assertThatThrownBy(() -> QueueSizing.capacityForLatencyBudget(S, Duration.ofNanos(10))).hasMessageContaining("no queue");
        assertThatThrownBy(() -> QueueSizing.utilization(-1, S)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFinishAParallelJobAtTheSpeedOfTheSlowestNode() {
        List<FanOut.JobResult> even = FanOut.run(1, new double[] {1, 1, 1, 1}, 400, 1, false, S);
        List<FanOut.JobResult> slow = FanOut.run(1, new double[] {1, 1, 1, 4}, 400, 2, true, S);
        long evenMs = even.get(0).completionNanos() / 1_000_000;
        long slowMs = slow.get(0).completionNanos() / 1_000_000;
        assertThat(slowMs).as("one 4x slower node: ~4x the time").isBetween(4 * evenMs - 30, 4 * evenMs + 10);
        assertThat(slow.get(1).completionNanos()).as("speed-aware split").isLessThan(slow.get(0).completionNanos() / 3);
        assertThat(slow.get(1).parts()).containsExactly(124, 123, 123, 30);
    }

    @Test
    void shouldGiveTheSameResultsForTheSameSeed() {
        QueueExperiment.Result a = QueueExperiment.run(9, new ServerNode.Config(50, S),
                s -> LoadGenerator.Config.openLoop(s, 1200, Duration.ofMillis(500)).withPoisson(true), Duration.ofSeconds(2));
        QueueExperiment.Result b = QueueExperiment.run(9, new ServerNode.Config(50, S),
                s -> LoadGenerator.Config.openLoop(s, 1200, Duration.ofMillis(500)).withPoisson(true), Duration.ofSeconds(2));
        assertThat(b.p99()).isEqualTo(a.p99());
        assertThat(b.rejected()).isEqualTo(a.rejected());
        assertThat(b.server()).isEqualTo(a.server());
    }
}
