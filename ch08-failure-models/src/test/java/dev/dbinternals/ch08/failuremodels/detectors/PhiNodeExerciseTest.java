package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
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
 * Grades the reader's {@link PhiNode}, a phi-accrual failure detector node (Hayashibara, Défago,
 * Yared and Katayama, "The φ Accrual Failure Detector", SRDS 2004), over a thousand seeded runs.
 *
 * <p>The timing model: every process heartbeats every 100 ms; every link delays each frame by a
 * uniform 1 ms to 21, 41 or 81 ms (by seed) and sends one frame in five twice (each copy with its
 * own delay); clocks drift by up to 100 ppm, wall clocks start offset and are stepped by seconds
 * during the run. One process crashes for good between 1.5 s and 2.5 s. So the interval between
 * the arrivals of two consecutive heartbeats is 100 ms plus the difference of two uniform delays:
 * a triangular distribution around 100 ms, never a normal one. For the thresholds tested (0.5, 1,
 * 1.5) the normal distribution fitted to it puts nearly the true probability beyond the point
 * where phi passes the threshold (triangular 0.324, 0.114, 0.029; normal 10^-threshold = 0.316,
 * 0.1, 0.032; the same on every link, since the shape scales with the spread). So over many
 * intervals, a node that computes phi as defined suspects a live peer in about one interval in
 * {@code 10^threshold} on every link; the test accepts half to twice that, per threshold and link.
 * (At threshold 3 the triangular tail ends at the longest interval and the normal one does not:
 * there the fitted normal overstates the chance of a late heartbeat and no live peer would be suspected,
 * so the test does not go there.)
 *
 * <p>Wrong solutions this test rejects (each in {@code src/wrong/failures-6--<slug>}):
 * <ul>
 *   <li>{@code every-arrival}: every heartbeat that arrives is an arrival, duplicates included;
 *       a copy a few milliseconds after the original puts a tiny interval into the sample, the
 *       fitted spread widens, and live peers are suspected far less often than phi claims (the
 *       rates);
 *   <li>{@code exponential}: phi from the mean interval alone, as for exponentially distributed
 *       intervals (phi grows linearly with the silence; Cassandra's choice, not this exercise's):
 *       a crash is noticed late (completeness);
 *   <li>{@code last-interval}: the last interval taken as the expected one, the spread fitted to
 *       the window: the threshold moves with every heartbeat (the rates);
 *   <li>{@code fixed-spread}: the mean fitted, the spread a constant guess: phi does not adapt to
 *       how much the link varies (the rates);
 *   <li>{@code wall-clock}: intervals and silence on the wall clock; a step of seconds becomes an
 *       interval of seconds (completeness);
 *   <li>{@code delegate}: the module's {@link HeartbeatSender}, {@link MonitorNode} and
 *       {@link PhiAccrualDetector} glued together; the monitor feeds every copy to the detector
 *       (the rates).
 * </ul>
 */
@Tag("exercise")
@DisplayName("failures-6: a phi-accrual failure detector node (PhiNode)")
class PhiNodeExerciseTest {

    static final Duration PERIOD = Duration.ofMillis(100);
    static final Duration CHECK = Duration.ofMillis(5);
    static final Duration MIN_DELAY = Duration.ofMillis(1);
    /** The longest delay of a run's links, one of these by seed: a detector tuned to one spread is wrong on the others. */
    static final Duration[] MAX_DELAYS = {Duration.ofMillis(21), Duration.ofMillis(41), Duration.ofMillis(81)};
    static final double DUPLICATION = 0.2;
    static final double[] THRESHOLDS = {0.5, 1, 1.5};
    /** Completeness: a process that crashed at t is suspected by every live one by t + DETECT. */
    static final Duration DETECT = PERIOD.multipliedBy(3);
    /** Suspicions before this are not counted in the rates: the estimate has too few intervals yet. */
    static final Duration WARM_UP = Duration.ofSeconds(1);
    static final Duration RUN = Duration.ofSeconds(3);
    static final int NODES = 4;
    static final int SEEDS = 1_000;

    /** One change of mind a node told the test, at true time {@code at}. */
    record Event(long at, Address monitor, Address peer, boolean suspects) {
    }

    static String at(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    static String ms(Duration d) {
        return d.toMillis() + " ms";
    }

    static Simulation build(long seed, double threshold, Duration maxDelay, List<Address> nodes, List<Event> events) {
        Simulation sim = new Simulation(seed);
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 6);
        sim.network().setDefaults(LinkFaults.none().withDelay(Delay.uniform(MIN_DELAY, maxDelay)).withDuplication(DUPLICATION));
        for (int i = 1; i <= NODES; i++) {
            Address a = Address.of("N" + i);
            nodes.add(a);
            sim.addNode(a, () -> new PhiNode(PERIOD, threshold, CHECK, (peer, s) -> events.add(new Event(sim.nowNanos(), a, peer, s))));
            sim.clock(a).setDriftPpm(r.nextDouble(-100, 100));
            sim.clock(a).setOffset(Duration.ofMillis(r.nextLong(-5_000, 5_001)));
        }
        for (int i = 0; i < 2; i++) { // wall clocks stepped by seconds, either way
            Address a = nodes.get(r.nextInt(NODES));
            long stepMs = (r.nextBoolean() ? 1 : -1) * r.nextLong(1_000, 60_001);
            sim.at(Duration.ofMillis(r.nextLong(200, RUN.toMillis() - 200)), () -> sim.clock(a).step(Duration.ofMillis(stepMs)));
        }
        return sim;
    }

    /** Runs two nodes for a moment outside {@link Seeds}, so an unwritten node fails with its own message (the file to open). */
    private static void runsAtAll() {
        try {
            build(0, 1, MAX_DELAYS[0], new ArrayList<>(), new ArrayList<>()).runFor(PERIOD);
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof NotDoneYet notDone) {
                    throw notDone;
                }
            }
            throw e;
        }
    }

    @Test
    void shouldSuspectACrashInTimeAndLivePeersAsOftenAsPhiSays() {
        runsAtAll();
        long[][] falseSuspicions = new long[THRESHOLDS.length][MAX_DELAYS.length];
        double[][] intervals = new double[THRESHOLDS.length][MAX_DELAYS.length];
        int ran = Seeds.check("failures-6/phi", SEEDS, seed -> {
            // given four processes, one threshold for all of them; one process crashes for good
            int k = (int) Math.floorMod(seed, (long) THRESHOLDS.length);
            double threshold = THRESHOLDS[k];
            List<Address> nodes = new ArrayList<>();
            List<Event> events = new ArrayList<>();
            int d = (int) Math.floorMod(seed / THRESHOLDS.length, (long) MAX_DELAYS.length);
            Duration maxDelay = MAX_DELAYS[d];
            // a suspicion of a live process ends within this: its next heartbeat comes at most period + (max - min delay) after the last
            long ends = PERIOD.plus(maxDelay).plus(CHECK).plus(Duration.ofMillis(5)).toNanos();
            Simulation sim = build(seed, threshold, maxDelay, nodes, events);
            SplittableRandom r = new SplittableRandom(seed * 31 + 7);
            Address dead = nodes.get(r.nextInt(NODES));
            long crashAt = Duration.ofMillis(r.nextLong(1_500, 2_501)).toNanos();
            sim.at(Duration.ofNanos(crashAt), () -> sim.crash(dead));
            // when the run goes on
            sim.runFor(RUN);
            long end = sim.nowNanos();
            String run = t(" (threshold " + threshold + ", delays " + ms(MIN_DELAY) + " to " + ms(maxDelay) + ")",
                    " (임계값 " + threshold + ", 지연 " + ms(MIN_DELAY) + "~" + ms(maxDelay) + ")");
            // then every live process suspects the crashed one in time, and to the end
            for (Address q : nodes) {
                if (q.equals(dead)) {
                    continue;
                }
                boolean suspects = false;
                long since = -1;
                for (Event e : events) {
                    if (e.monitor().equals(q) && e.peer().equals(dead)) {
                        suspects = e.suspects();
                        if (e.at() >= crashAt && e.suspects() && since < 0) {
                            since = e.at();
                        }
                    }
                }
                boolean already = suspectsAt(events, q, dead, crashAt);
                if (!already && (since < 0 || since > crashAt + DETECT.toNanos())) {
                    throw new AssertionError(t(dead + " crashed for good at " + at(crashAt) + ", and " + q + " did not suspect it by "
                            + at(crashAt + DETECT.toNanos()) + run + " (completeness: with heartbeats every " + ms(PERIOD)
                            + " and these delays, phi passes the threshold well within "
                            + ms(DETECT) + " of the crash)",
                            dead + "가 " + at(crashAt) + "에 영영 충돌했는데, " + q + "가 " + at(crashAt + DETECT.toNanos())
                            + "까지 의심하지 않았어요" + run + " (완전성: 하트비트가 " + ms(PERIOD) + "마다 오고 지연이 이 정도면 phi는 충돌 뒤 "
                            + ms(DETECT) + "보다 한참 전에 임계값을 넘어요)"));
                }
                if (!suspects) {
                    throw new AssertionError(t(dead + " crashed for good at " + at(crashAt) + ", but at the end of the run " + q
                            + " trusts it again" + run + " (a crashed process must stay suspected: its silence only grows)",
                            dead + "가 " + at(crashAt) + "에 영영 충돌했는데, 실행이 끝날 때 " + q + "가 다시 신뢰하고 있어요" + run
                            + " (충돌한 프로세스는 계속 의심받아야 해요: 그 침묵은 길어지기만 하니까요)"));
                }
            }
            // and every suspicion of a live process ends once its next heartbeat is in
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                boolean live = !e.peer().equals(dead) || e.at() < crashAt;
                long limit = e.at() + ends;
                if (!e.suspects() || !live || e.monitor().equals(dead) && limit >= crashAt || e.peer().equals(dead) && limit >= crashAt || limit > end) {
                    continue;
                }
                long ended = -1;
                for (int j = i + 1; j < events.size() && ended < 0; j++) {
                    Event f = events.get(j);
                    if (f.monitor().equals(e.monitor()) && f.peer().equals(e.peer())) {
                        ended = f.at();
                    }
                }
                if (ended < 0 || ended > limit) {
                    throw new AssertionError(t(e.monitor() + " began to suspect " + e.peer() + " at " + at(e.at()) + " and still did at "
                            + at(limit) + run + ", though " + e.peer() + " was running and heartbeats reach " + e.monitor() + " at most "
                            + ms(PERIOD.plus(maxDelay).minus(MIN_DELAY)) + " apart (a heartbeat that arrives ends the silence phi measures)",
                            e.monitor() + "가 " + at(e.at()) + "에 " + e.peer() + "를 의심하기 시작해 " + at(limit) + "에도 여전히 의심했어요"
                            + run + ". 그런데 " + e.peer() + "는 살아 있었고 하트비트는 " + e.monitor() + "에 많아야 "
                            + ms(PERIOD.plus(maxDelay).minus(MIN_DELAY)) + " 간격으로 도착해요 (도착한 하트비트는 phi가 재는 침묵을 끝내요)"));
                }
            }
            // and count the suspicions of live processes, against the heartbeat intervals they could fall in
            long warm = WARM_UP.toNanos();
            for (Address q : nodes) {
                for (Address p : nodes) {
                    if (!q.equals(p)) {
                        long until = q.equals(dead) || p.equals(dead) ? crashAt : end;
                        intervals[k][d] += Math.max(0, until - warm) / (double) PERIOD.toNanos();
                    }
                }
            }
            for (Event e : events) {
                if (e.suspects() && e.at() >= warm && (!e.peer().equals(dead) || e.at() < crashAt)) {
                    falseSuspicions[k][d]++;
                }
            }
        });
        if (ran < SEEDS) {
            return; // one replayed seed: the rates need the thousand
        }
        // then, over all the seeds: phi means what it says, on every link, so the rate falls as the threshold rises
        for (int j = 0; j < MAX_DELAYS.length; j++) {
            double previous = Double.MAX_VALUE;
            for (int k = 0; k < THRESHOLDS.length; k++) {
                double rate = falseSuspicions[k][j] / intervals[k][j];
                double claim = Math.pow(10, -THRESHOLDS[k]);
                String measured = String.format(Locale.ROOT, t("over the seeds with threshold %s and delays %s to %s, live processes were"
                        + " suspected %d time(s) in %.0f heartbeat intervals (after the first %s of each run): %.2f%% of them",
                        "임계값 %s, 지연 %s~%s인 시드 전체에서 살아 있는 프로세스가 하트비트 간격 %5$.0f개 동안"
                        + " %4$d번 의심받았어요(각 실행의 처음 %6$s 이후): 간격의 %7$.2f%%"), THRESHOLDS[k],
                        ms(MIN_DELAY), ms(MAX_DELAYS[j]), falseSuspicions[k][j], intervals[k][j], ms(WARM_UP), 100 * rate);
                if (rate > 2 * claim || rate < claim / 2) {
                    throw new AssertionError(measured + t(". Suspecting at phi > " + THRESHOLDS[k] + " says: under the distribution fitted to"
                            + " the intervals, the current silence is longer than all but a 10^-" + THRESHOLDS[k] + " share of intervals,"
                            + " so a live process is suspected in about that share of intervals; the share measured is "
                            + (rate > 2 * claim ? "more than twice" : "less than half") + " that (which intervals are samples,"
                            + " which distribution, which clock, and how often is phi looked at?)",
                            ". phi > " + THRESHOLDS[k] + "에서 의심한다는 것은 간격들에 맞춘 분포에서 지금의 침묵이 10^-" + THRESHOLDS[k]
                            + " 비율을 뺀 모든 간격보다 길다는 뜻이에요. 그러니 살아 있는 프로세스는 대략 그 비율의 간격에서 의심받아야 하는데,"
                            + " 잰 비율은 그 " + (rate > 2 * claim ? "두 배가 넘어요" : "절반이 안 돼요")
                            + " (어떤 간격이 표본인지, 어떤 분포인지, 어떤 클럭인지, phi를 얼마나 자주 보는지 확인하세요)"));
                }
                if (rate >= previous) {
                    throw new AssertionError(measured + t(", no fewer than at the lower threshold " + THRESHOLDS[k - 1]
                            + " (a higher threshold waits longer, so it must be wrong less often)",
                            ". 더 낮은 임계값 " + THRESHOLDS[k - 1] + "보다 적지 않아요"
                            + " (임계값이 높으면 더 오래 기다리므로 덜 자주 틀려야 해요)"));
                }
                previous = rate;
            }
        }
    }

    /** Whether {@code q}'s events say it suspects {@code p} at {@code t}. */
    static boolean suspectsAt(List<Event> events, Address q, Address p, long t) {
        boolean s = false;
        for (Event e : events) {
            if (e.at() <= t && e.monitor().equals(q) && e.peer().equals(p)) {
                s = e.suspects();
            }
        }
        return s;
    }
}
