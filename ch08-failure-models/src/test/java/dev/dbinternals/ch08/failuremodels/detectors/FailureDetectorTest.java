package dev.dbinternals.ch08.failuremodels.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.failuremodels.detectors.ClockStepScenario.Outcome;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment.Config;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment.Result;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Failure detectors (장애 검출기) and the clocks they read (클럭과 시간)")
class FailureDetectorTest {

    private static final Address P = Address.of("P");

    @Test
    void shouldSuspectASilentPeerOnlyAfterTheTimeout() {
        FakeClock clock = new FakeClock();
        TimeoutDetector d = new TimeoutDetector(Duration.ofMillis(500), TimeSource.MONOTONIC);
        d.start(List.of(P), clock);
        assertThat(d.suspects(P, clock.advanceMillis(500))).as("exactly the timeout").isFalse();
        assertThat(d.suspects(P, clock.advanceMillis(1))).as("just past the timeout").isTrue();
        d.heartbeat(P, clock);
        assertThat(d.suspects(P, clock)).as("right after a heartbeat").isFalse();
    }

    @Test
    void shouldBeFooledByAWallClockStepOnlyWhenMeasuringWithTheWallClock() {
        FakeClock clock = new FakeClock();
        TimeoutDetector wall = new TimeoutDetector(Duration.ofMillis(500), TimeSource.WALL);
        TimeoutDetector mono = new TimeoutDetector(Duration.ofMillis(500), TimeSource.MONOTONIC);
        wall.start(List.of(P), clock);
        mono.start(List.of(P), clock);
        clock.advanceMillis(100).stepWallMillis(10_000);
        assertThat(wall.suspects(P, clock)).as("wall-clock detector after a forward step").isTrue();
        assertThat(mono.suspects(P, clock)).as("monotonic detector after a forward step").isFalse();
    }

    @Test
    void shouldSuspectLivePeersAndDetectTheCrashLateWhenTheWallClockSteps() {
        Outcome o = ClockStepScenario.run(() -> new TimeoutDetector(Duration.ofMillis(500), TimeSource.WALL), 1);
        assertThat(o.falseSuspicions()).as("live senders suspected after the forward step").isEqualTo(3);
        assertThat(o.detectionMillis()).as("ms from S1's crash to its suspicion").isGreaterThan(3_000);
    }

    @Test
    void shouldIgnoreWallClockStepsWhenMeasuringWithTheMonotonicClock() {
        Seeds.check("detector/monotonic-vs-steps", 10, seed -> {
            Outcome o = ClockStepScenario.run(() -> new TimeoutDetector(Duration.ofMillis(500), TimeSource.MONOTONIC), seed);
            assertThat(o.falseSuspicions()).as("false suspicions").isZero();
            assertThat(o.detectionMillis()).as("ms from S1's crash to its suspicion").isBetween(0L, 520L);
        });
    }

    @Test
    void shouldNeverSuspectALivePeerAndAlwaysDetectTheCrashWhenDelaysStayBelowTheSlack() {
        // given no pauses and delays well below timeout - period
        Config calm = new Config(3, Duration.ofMillis(100), Duration.ofMillis(10),
                Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(20)), Duration.ofDays(1), Duration.ofMillis(1),
                Duration.ofMillis(2), Duration.ofSeconds(10));
        // when measured over seeds
        Result r = DetectorExperiment.run(calm, () -> new TimeoutDetector(Duration.ofMillis(300), TimeSource.MONOTONIC), 1, 10);
        // then, in these calm runs (delays and processing bounded well within the timeout), no live peer is suspected and
        // every crash is detected
        assertThat(r.falseSuspicions()).as("false suspicions without pauses").isZero();
        assertThat(r.missedCrashes()).as("crashes never detected").isZero();
        assertThat(r.maxDetectionMillis()).as("worst detection time, ms").isLessThanOrEqualTo(300 + 10 + 1);
    }

    @Test
    void shouldTradeFalseSuspicionsForDetectionTimeAsTheTimeoutGrows() {
        Config cfg = Config.standard(Duration.ofSeconds(30));
        Result eager = DetectorExperiment.run(cfg, () -> new TimeoutDetector(Duration.ofMillis(150), TimeSource.MONOTONIC), 1, 6);
        Result patient = DetectorExperiment.run(cfg, () -> new TimeoutDetector(Duration.ofMillis(1000), TimeSource.MONOTONIC), 1, 6);
        assertThat(eager.falseSuspicions()).as("false suspicions, 150 ms vs 1000 ms").isGreaterThan(patient.falseSuspicions());
        assertThat(eager.meanDetectionMillis()).as("mean detection, 150 ms vs 1000 ms").isLessThan(patient.meanDetectionMillis());
    }

    @Test
    void shouldMeasureTheSilenceAtSuspicionAsTheTimeoutPlusAtMostOneCheckInterval() {
        // given no pauses, delays below the slack, a 300 ms timeout checked every 10 ms
        Config calm = new Config(3, Duration.ofMillis(100), Duration.ofMillis(10),
                Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(20)), Duration.ofDays(1), Duration.ofMillis(1),
                Duration.ofMillis(2), Duration.ofSeconds(10));
        // when measured over seeds
        Result r = DetectorExperiment.run(calm, () -> new TimeoutDetector(Duration.ofMillis(300), TimeSource.MONOTONIC), 1, 10);
        // then each suspicion (here only the crash's) began after more than 300 ms and at most 310 ms of silence
        assertThat(r.silenceAtSuspicionMillis()).as("silences at suspicion, ms").hasSize(10)
                .allSatisfy(ms -> assertThat(ms).isGreaterThan(300.0).isLessThanOrEqualTo(310.0));
    }

    @Test
    void shouldRaisePhiAsSilenceGrows() {
        FakeClock clock = new FakeClock();
        PhiAccrualDetector d = new PhiAccrualDetector(8, 50, 100_000_000L, 10_000_000L);
        d.start(List.of(P), clock);
        for (int i = 0; i < 20; i++) {
            d.heartbeat(P, clock.advanceMillis(100));
        }
        double at50 = d.phi(P, clock.advanceMillis(50));
        double at150 = d.phi(P, clock.advanceMillis(100));
        double at300 = d.phi(P, clock.advanceMillis(150));
        assertThat(at50).as("phi half-way through a period").isLessThan(1);
        assertThat(at150).as("phi 50 ms late").isGreaterThan(at50);
        assertThat(at300).as("phi 200 ms late").isGreaterThan(8);
        assertThat(d.suspects(P, clock)).isTrue();
    }

    @Test
    void shouldApproximateTheNormalTailClosely() {
        assertThat(PhiAccrualDetector.Normal.upperTail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(PhiAccrualDetector.Normal.upperTail(1.959964)).isCloseTo(0.025, within(1e-7));
        assertThat(PhiAccrualDetector.Normal.upperTail(-1.959964)).isCloseTo(0.975, within(1e-7));
        assertThat(PhiAccrualDetector.Normal.upperTail(5)).isCloseTo(2.8665e-7, within(1e-9));
    }
}
