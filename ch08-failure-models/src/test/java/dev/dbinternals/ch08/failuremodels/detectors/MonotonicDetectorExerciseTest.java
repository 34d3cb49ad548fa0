package dev.dbinternals.ch08.failuremodels.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.detectors.ClockStepScenario.Outcome;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("failures-2: a failure detector that wall-clock steps cannot fool (MonotonicDetector)")
class MonotonicDetectorExerciseTest {

    private static final Address P = Address.of("P");

    @Test
    void shouldSuspectASilentPeerOnlyAfterTheTimeoutAndTrustItAgainOnAHeartbeat() {
        FakeClock clock = new FakeClock();
        MonotonicDetector d = new MonotonicDetector(Duration.ofMillis(300));
        d.start(List.of(P), clock);
        assertThat(d.suspects(P, clock.advanceMillis(299))).as("suspected before the timeout").isFalse();
        assertThat(d.suspects(P, clock.advanceMillis(2))).as("suspected just after the timeout").isTrue();
        d.heartbeat(P, clock);
        assertThat(d.suspects(P, clock)).as("suspected right after a heartbeat").isFalse();
    }

    @Test
    void shouldNotSuspectAnyoneWhenTheWallClockJumpsForward() {
        FakeClock clock = new FakeClock();
        MonotonicDetector d = new MonotonicDetector(Duration.ofMillis(300));
        d.start(List.of(P), clock);
        d.heartbeat(P, clock.advanceMillis(100));
        assertThat(d.suspects(P, clock.advanceMillis(50).stepWallMillis(60_000)))
                .as("suspected 50 ms after a heartbeat, when the wall clock jumped a minute ahead").isFalse();
    }

    @Test
    void shouldDetectACrashPromptlyEvenThoughTheWallClockWentBack() {
        Outcome o = ClockStepScenario.run(() -> new MonotonicDetector(Duration.ofMillis(500)), 1);
        assertThat(o.falseSuspicions()).as("live senders suspected").isZero();
        assertThat(o.detectionMillis()).as("ms from S1's crash to its suspicion (timeout 500 ms)").isBetween(0L, 520L);
    }

    @Test
    void shouldStayAccurateUnderRandomWallClockStepsOnEverySeed() {
        Seeds.check("failures-2/random-steps", 15, seed -> {
            Simulation sim = new Simulation(seed);
            List<String> suspicions = new ArrayList<>();
            Address monitor = Address.of("monitor");
            sim.addNode(monitor, MonitorNode.with(() -> new MonotonicDetector(Duration.ofMillis(400)), Duration.ofMillis(10),
                    (peer, s) -> {
                        if (s) {
                            suspicions.add(peer + " at " + sim.now());
                        }
                    }));
            for (int i = 1; i <= 3; i++) {
                sim.addNode("S" + i, () -> new HeartbeatSender(List.of(monitor), Duration.ofMillis(100)));
            }
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 6; i++) {
                long stepMs = r.nextLong(-30_000, 30_001);
                sim.at(Duration.ofMillis(r.nextLong(100, 5_000)), () -> sim.clock(monitor).step(Duration.ofMillis(stepMs)));
            }
            sim.runFor(Duration.ofSeconds(5));
            assertThat(suspicions).as("suspicions of live senders while the wall clock jumped").isEmpty();
        });
    }
}
