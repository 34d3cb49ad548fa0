package dev.dbinternals.ch08.failuremodels.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Heartbeat;
import dev.dbinternals.ch08.failuremodels.detectors.ClockStepScenario.Outcome;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Wrong solutions this test rejects (each in {@code src/wrong/failures-2--<slug>}):
 * <ul>
 *   <li>{@code wall-clock}: silence measured on the wall clock; a step fools it
 *       ({@link #shouldNotSuspectAnyoneWhenTheWallClockJumpsForward} and the step scenarios);
 *   <li>{@code delegate}: the module's {@link TimeoutDetector} on the monotonic clock, with its
 *       fixed timeout, repeats the same mistake forever
 *       ({@link #shouldNotBeFooledTwiceByTheSameSilence} and
 *       {@link #shouldStopMakingMistakesOnceTheSystemBehavesAndStillSuspectACrash});
 *   <li>{@code raise-when-suspecting}: the timeout grows whenever the detector suspects, not when
 *       a heartbeat proves it wrong, so a crashed peer is suspected, then trusted again
 *       ({@link #shouldStopMakingMistakesOnceTheSystemBehavesAndStillSuspectACrash});
 *   <li>{@code capped-5x} and {@code capped-doubling-10x}: the timeout grows after each mistake,
 *       but only up to 5 (or 10) times the initial one; the bound the system settles on is not
 *       told, and in a third of the runs it is up to 33 times the timeout, so the cap repeats the same
 *       mistake forever ({@link #shouldStopMakingMistakesOnceTheSystemBehavesAndStillSuspectACrash}).
 * </ul>
 */
@Tag("exercise")
@DisplayName("failures-2: a failure detector that clock steps cannot fool and that learns from its mistakes (MonotonicDetector)")
class MonotonicDetectorExerciseTest {

    private static final Address P = Address.of("P");

    @Test
    void shouldSuspectASilentPeerOnlyAfterTheTimeoutAndTrustItAgainOnAHeartbeat() {
        FakeClock clock = new FakeClock();
        MonotonicDetector d = new MonotonicDetector(Duration.ofMillis(300));
        d.start(List.of(P), clock);
        assertThat(d.suspects(P, clock.advanceMillis(299))).as(t("suspected before the timeout", "타임아웃 전에 의심했는가")).isFalse();
        assertThat(d.suspects(P, clock.advanceMillis(2))).as(t("suspected just after the timeout", "타임아웃 직후에 의심했는가")).isTrue();
        d.heartbeat(P, clock);
        assertThat(d.suspects(P, clock)).as(t("suspected right after a heartbeat", "하트비트 직후에 의심했는가")).isFalse();
    }

    @Test
    void shouldNotBeFooledTwiceByTheSameSilence() {
        // given a peer suspected after 301 ms of silence, whose heartbeat then proves it alive
        FakeClock clock = new FakeClock();
        MonotonicDetector d = new MonotonicDetector(Duration.ofMillis(300));
        d.start(List.of(P), clock);
        assertThat(d.suspects(P, clock.advanceMillis(301))).as(t("suspected after 301 ms of silence (timeout 300 ms)", "301 ms 침묵 뒤 의심했는가(타임아웃 300 ms)")).isTrue();
        d.heartbeat(P, clock);
        // then the same silence no longer makes it suspect P
        assertThat(d.suspects(P, clock.advanceMillis(301))).as(t("suspected after 301 ms of silence again, right after that mistake", "그 실수 직후 다시 301 ms 침묵 뒤 의심했는가"))
                .isFalse();
        // but a peer that has really stopped is suspected, and stays suspected
        assertThat(d.suspects(P, clock.advanceMillis(60_000))).as(t("suspected after a minute of silence", "1분 침묵 뒤 의심했는가")).isTrue();
        assertThat(d.suspects(P, clock.advanceMillis(10))).as(t("still suspected 10 ms later", "10 ms 뒤에도 여전히 의심하는가")).isTrue();
    }

    @Test
    void shouldNotSuspectAnyoneWhenTheWallClockJumpsForward() {
        FakeClock clock = new FakeClock();
        MonotonicDetector d = new MonotonicDetector(Duration.ofMillis(300));
        d.start(List.of(P), clock);
        d.heartbeat(P, clock.advanceMillis(100));
        assertThat(d.suspects(P, clock.advanceMillis(50).stepWallMillis(60_000)))
                .as(t("suspected 50 ms after a heartbeat, when the wall clock jumped a minute ahead", "벽시계가 1분 앞으로 뛰었을 때, 하트비트 50 ms 뒤 의심했는가")).isFalse();
    }

    @Test
    void shouldDetectACrashPromptlyEvenThoughTheWallClockWentBack() {
        Outcome o = ClockStepScenario.run(() -> new MonotonicDetector(Duration.ofMillis(500)), 1);
        assertThat(o.falseSuspicions()).as(t("live senders suspected", "의심받은 살아 있는 송신자")).isZero();
        assertThat(o.detectionMillis()).as(t("ms from S1's crash to its suspicion (timeout 500 ms)", "S1의 충돌에서 그 의심까지의 ms(타임아웃 500 ms)")).isBetween(0L, 520L);
    }

    @Test
    void shouldStayAccurateUnderRandomWallClockStepsOnEverySeed() {
        // an unwritten detector fails here with its own message (the file to open), not a seed's
        new MonotonicDetector(Duration.ofMillis(300)).start(List.of(P), new FakeClock());
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
            assertThat(suspicions).as(t("suspicions of live senders while the wall clock jumped", "벽시계가 뛰는 동안 살아 있는 송신자에 대한 의심")).isEmpty();
        });
    }

    static final Duration PERIOD = Duration.ofMillis(100);
    static final Duration TIMEOUT = Duration.ofMillis(300);
    static final Duration GST = Duration.ofSeconds(4);
    /** The longest stall after GST, in periods: 100 periods is 10 s, over 33 times the timeout. */
    static final int MAX_STALL = 100;

    /**
     * How long a detector gets to learn a bound of {@code stall} periods: enough for one that adds
     * the initial timeout after each mistake (the slowest correct growth), which needs about
     * {@code stall x period / timeout} mistakes, one per stall, and a stall comes every
     * {@code stall + 9} periods. At least 20 s.
     */
    static Duration learning(int stall) {
        long mistakes = stall * PERIOD.toMillis() / TIMEOUT.toMillis() + 2;
        return PERIOD.multipliedBy(Math.max(200, mistakes * (stall + 10)));
    }

    /**
     * A test sender: a heartbeat every period, with stalls. Before {@link #settle} it stalls at
     * random, for up to 15 periods; after, every tenth heartbeat is followed by a stall of
     * exactly {@code stallPeriods} periods: slow, but within a bound the detector is not told,
     * and which may be many times its initial timeout.
     */
    static final class StallingSender implements Node {
        private final Address monitor;
        private int stallPeriods = -1;
        private long beats;

        StallingSender(Address monitor) {
            this.monitor = monitor;
        }

        void settle(int periods) {
            stallPeriods = periods;
        }

        @Override
        public void onStart(Context ctx) {
            beat(ctx);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            beat(ctx);
        }

        private void beat(Context ctx) {
            ctx.send(monitor, Messages.encode(new Heartbeat(0, ++beats)));
            long next;
            if (stallPeriods < 0) {
                next = ctx.random().nextDouble() < 0.1 ? 1 + ctx.random().nextInt(15) : 1;
            } else {
                next = beats % 10 == 0 ? stallPeriods : 1;
            }
            ctx.setTimer(PERIOD.multipliedBy(next), "beat");
        }
    }

    @Test
    void shouldStopMakingMistakesOnceTheSystemBehavesAndStillSuspectACrash() {
        // an unwritten detector fails here with its own message (the file to open), not a seed's
        new MonotonicDetector(Duration.ofMillis(300)).start(List.of(P), new FakeClock());
        Seeds.check("failures-2/partial-synchrony", 300, seed -> {
            // given a monitor with timeout 300 ms and three senders; until GST (4 s) links lose a
            // fifth of the frames and delay them long-tailed, and senders stall at random; from
            // GST on each stalls for a bound of its own, 2 to 10 periods, and in a third of the runs
            // one of them up to 100 periods (10 s): a detector cannot know how large
            Simulation sim = new Simulation(seed);
            SplittableRandom r = new SplittableRandom(seed * 31 + 7);
            Address monitor = Address.of("monitor");
            List<long[]> suspicions = new ArrayList<>(); // {time, sender number, 1 = suspects / 0 = trusts}
            sim.addNode(monitor, MonitorNode.with(() -> new MonotonicDetector(TIMEOUT), Duration.ofMillis(50),
                    (peer, s) -> suspicions.add(new long[] {sim.nowNanos(), Long.parseLong(peer.name().substring(1)), s ? 1 : 0})));
            sim.network().setDefaults(LinkFaults.none().withLoss(0.2).withDelay(Delay.longTailed(Duration.ofMillis(20), Duration.ofMillis(600))));
            List<Address> senders = new ArrayList<>();
            int[] stalls = new int[4];
            int slow = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0;
            for (int i = 1; i <= 3; i++) {
                Address s = sim.addNode("S" + i, () -> new StallingSender(monitor));
                senders.add(s);
                stalls[i] = i == slow ? 11 + r.nextInt(MAX_STALL - 10) : 2 + r.nextInt(9);
                int k = stalls[i];
                sim.at(GST, () -> sim.node(s, StallingSender.class).settle(k));
                sim.clock(s).setDriftPpm(r.nextDouble(-100, 100));
            }
            sim.clock(monitor).setDriftPpm(r.nextDouble(-100, 100));
            Duration learning = learning(Math.max(stalls[1], Math.max(stalls[2], stalls[3])));
            Duration learned = GST.plus(learning);
            // after S1's crash: time for the largest timeout a correct detector may have reached
            Duration end = learned.plus(Duration.ofSeconds(26)).plus(PERIOD.multipliedBy(2L * stalls[1]));
            for (int i = 0; i < 4; i++) {
                long stepMs = (r.nextBoolean() ? 1 : -1) * r.nextLong(1_000, 60_001);
                sim.at(Duration.ofMillis(r.nextLong(100, end.toMillis())), () -> sim.clock(monitor).step(Duration.ofMillis(stepMs)));
            }
            // from GST on: no loss, 5 ms delay, each sender's stalls bounded; S1 crashes once the detector had time to learn
            sim.at(GST, () -> sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofMillis(5))));
            sim.at(learned, () -> sim.crash(senders.get(0)));
            sim.runFor(end);
            // then no live sender was suspected after the detector had time to learn
            for (long[] e : suspicions) {
                boolean crashed = e[1] == 1 && e[0] >= learned.toNanos();
                if (e[2] == 1 && e[0] >= learned.toNanos() && !crashed) {
                    throw new AssertionError(String.format(Locale.ROOT, t("S%d was suspected at %.3f s though it was alive: from %.0f s on no "
                                    + "frame was lost, every one took 5 ms, and S%d's heartbeats were never more than %d periods of %d ms apart; "
                                    + "a detector must stop making mistakes once that holds (eventual accuracy; it had %d s to learn)",
                                    "S%1$d가 살아 있었는데 %2$.3f s에 의심받았어요: %3$.0f s부터는 잃어버린 프레임이 없고 모두 5 ms 걸렸으며, "
                                    + "S%4$d의 하트비트 사이는 %6$d ms 주기 %5$d개보다 벌어진 적이 없어요. 이 조건이 성립하면 장애 검출기는 "
                                    + "실수를 멈춰야 해요 (결국 정확성(eventual accuracy), 배울 시간은 %7$d s였어요)"),
                            e[1], e[0] / 1e9, GST.toMillis() / 1e3, e[1], stalls[(int) e[1]], PERIOD.toMillis(), learning.toSeconds()));
                }
            }
            // and the crashed one is suspected for good
            long[] last = null;
            for (long[] e : suspicions) {
                if (e[1] == 1) {
                    last = e;
                }
            }
            if (last == null || last[2] != 1 || last[0] < learned.toNanos()) {
                throw new AssertionError(String.format(Locale.ROOT, t("S1 crashed at %.0f s, and at %.0f s the monitor %s (completeness: "
                        + "a crashed process is eventually suspected, and stays suspected)",
                        "S1이 %.0f s에 충돌했는데, %.0f s에 모니터는 %s (완전성: 충돌한 프로세스는 결국 의심받고, 계속 의심받아야 해요)"),
                        learned.toMillis() / 1e3, end.toMillis() / 1e3,
                        last != null && last[2] == 0 && last[0] >= learned.toNanos()
                                ? t("had trusted it again at " + String.format(Locale.ROOT, "%.3f s", last[0] / 1e9),
                                        String.format(Locale.ROOT, "%.3f s", last[0] / 1e9) + "에 다시 신뢰했어요")
                                : t("did not suspect it", "의심하지 않고 있었어요")));
            }
        });
    }
}
