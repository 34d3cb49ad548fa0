package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.processing.ServerNode;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.processing.Burst;
import dev.dbinternals.ch08.cascading.processing.QueueSizing;
import dev.dbinternals.ch08.cascading.processing.QueueExperiment;
import dev.dbinternals.ch08.cascading.processing.FanOut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.List;
import dev.dbinternals.ch08.harness.lang.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessingTest {

    private String languageBefore;

    /** Some tests read the demos' English sentences: English whatever the locale of the machine. */
    @BeforeEach
    void useEnglish() {
        languageBefore = System.getProperty(Lang.PROPERTY);
        Lang.use(Lang.EN);
    }

    @AfterEach
    void restoreLanguage() {
        if (languageBefore == null) {
            System.clearProperty(Lang.PROPERTY);
        } else {
            System.setProperty(Lang.PROPERTY, languageBefore);
        }
    }

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
    void shouldBuyLatencyNotThroughputWithABiggerQueueUnderSustainedOverload() {
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
    void shouldMatchLittlesLawForAClosedLoopWithACreditWindow() {
        // given the unloaded round trip R (network both ways + one service), measured
        QueueExperiment.Result alone = QueueExperiment.run(1, new ServerNode.Config(10, S),
                s -> LoadGenerator.Config.openLoop(s, 1, Duration.ofMillis(1)), Duration.ofSeconds(1));
        Duration r = Duration.ofNanos(alone.p50());
        assertThat(QueueSizing.closedLoopLatency(2, r, S)).as("W = 2: the round trip dominates").isEqualTo(r);
        assertThat(QueueSizing.closedLoopLatency(16, r, S)).as("W = 16: the server dominates").isEqualTo(S.multipliedBy(16));
        for (int w : new int[] {1, 2, 3, 4, 6, 16, 40}) {
            // when a producer keeps at most w requests outstanding against a 1000/s server
            QueueExperiment.Result m = QueueExperiment.run(1, new ServerNode.Config(1000, S),
                    s -> LoadGenerator.Config.openLoop(s, 2000, Duration.ofSeconds(1)).withCreditWindow(w),
                    Duration.ofSeconds(5));
            // then latency and throughput are max(R, w x S) and min(1/S, w / R)
            long predicted = QueueSizing.closedLoopLatency(w, r, S).toNanos();
            assertThat((double) m.p50()).as("p50 for window %d vs predicted %d ns", w, predicted)
                    .isCloseTo(predicted, within(0.1 * predicted));
            double perSecond = QueueSizing.closedLoopThroughput(w, r, S);
            assertThat(m.throughputPerSecond()).as("served/s for window %d", w).isCloseTo(perSecond, within(0.02 * perSecond));
        }
        assertThat(Demo01QueuesAndBackpressure.f0(QueueSizing.closedLoopThroughput(2, r, S))).isEqualTo("667");
        assertThatThrownBy(() -> QueueSizing.closedLoopLatency(0, r, S)).hasMessageContaining("window");
    }

    @Test
    void shouldNarrateTheCreditWindowsFromTheRunsNumbers() {
        Duration r = Duration.ofMillis(3);
        java.util.List<Demo01QueuesAndBackpressure.CreditRow> rows = new java.util.ArrayList<>();
        for (int w : new int[] {2, 16}) {
            QueueExperiment.Result m = QueueExperiment.run(1, new ServerNode.Config(1000, S),
                    s -> LoadGenerator.Config.openLoop(s, 2000, Duration.ofMillis(500)).withCreditWindow(w),
                    Duration.ofSeconds(5));
            rows.add(new Demo01QueuesAndBackpressure.CreditRow(w, m, QueueSizing.closedLoopLatency(w, r, S),
                    QueueSizing.closedLoopThroughput(w, r, S)));
        }
        String said = Demo01QueuesAndBackpressure.creditVerdict(rows, r, S);
        assertThat(said).contains("nothing was rejected").contains("within 10% for every window (2, 16)")
                .contains("Window 2: the server was busy 67%");
        // a prediction the run does not meet must be reported as a miss, not as a match
        rows.set(1, new Demo01QueuesAndBackpressure.CreditRow(16, rows.get(1).result(), Duration.ofMillis(3), 1000));
        assertThat(Demo01QueuesAndBackpressure.creditVerdict(rows, r, S)).contains("for windows 2, not for 16");
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
