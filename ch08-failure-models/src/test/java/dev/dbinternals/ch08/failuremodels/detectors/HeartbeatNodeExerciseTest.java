package dev.dbinternals.ch08.failuremodels.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Heartbeat;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Grades the reader's whole {@link HeartbeatNode} in the simulation, on virtual time, with many
 * nodes in one JVM and a thousand simulations in one test.
 *
 * <p>The timing model: every process heartbeats to every other; links delay each frame by 1 to
 * 50 ms (and sometimes duplicate it); a handler takes 10 µs; every clock drifts by up to
 * 100 ppm, and wall clocks start offset by up to 5 s and are stepped by up to a minute either
 * way during the run. While no process pauses and no link is cut, that is a synchronous system
 * (delay and processing are bounded, and {@code period + max delay} is well under the timeout), so
 * a timeout detector on the monotonic clock must be accurate. A pause or a cut longer than the
 * timeout takes the run out of the synchronous model and is indistinguishable from a crash, so
 * suspecting it then is required (an unavoidable false suspicion: strong accuracy only holds
 * while the bound holds); once heartbeats flow again, the suspicion must end. In an asynchronous
 * system no timeout is accurate; under partial synchrony with an unknown bound only one that
 * grows after each mistake is, and only eventually (failures-2).
 *
 * <p>Wrong solutions this test rejects (each in {@code src/wrong/failures-5--<slug>}):
 * <ul>
 *   <li>{@code wall-clock}: silence measured on the wall clock; a forward step suspects live
 *       processes, a backward step hides a crash (both tests);
 *   <li>{@code nano-time}: silence measured with {@code System.nanoTime()}; virtual time runs far
 *       faster than real time, so a crash is never noticed (both tests);
 *   <li>{@code static-state}: last-heard times kept in a static map shared by every node of the
 *       JVM and every run of the test; a process cut off from one monitor still looks alive to
 *       it, and a run inherits the last run's processes (both tests);
 *   <li>{@code never-trust-again}: a suspected process stays suspected; a paused process is
 *       never trusted again (the pause test);
 *   <li>{@code incarnation-in-memory}: the incarnation kept in a field, so every life says 1 and
 *       no restart is reported (the crash test);
 *   <li>{@code delegate}: glues {@link HeartbeatSender}, {@link MonitorNode} and
 *       {@link TimeoutDetector} together; it never reports a restart (the crash test);
 *   <li>{@code incarnation-monotonic}: the monotonic clock's reading at start as the incarnation;
 *       a restarted process's clock starts from a new arbitrary origin, often below the old one,
 *       so its restart goes unreported (the crash test);
 *   <li>{@code restart-on-different}: any other incarnation is a restart, so a late duplicate of
 *       the old life's heartbeat is reported as another
 *       ({@link #shouldNotTakeALateHeartbeatOfTheOldLifeForAnotherRestart});
 *   <li>{@code seq-went-back}: no incarnation, a falling sequence number is a restart; a late
 *       heartbeat is reported as one
 *       ({@link #shouldNotTakeALateHeartbeatOfTheOldLifeForAnotherRestart}).
 * </ul>
 */
@Tag("exercise")
@DisplayName("failures-5: a heartbeat failure detector node (HeartbeatNode)")
class HeartbeatNodeExerciseTest {

    static final Duration PERIOD = Duration.ofMillis(100);
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofMillis(50);
    /** Drift and handler time: 100 ppm of a second is 0.1 ms. */
    static final Duration SLACK = Duration.ofMillis(1);
    /** Completeness: a process silent since t is suspected by t + DETECT. */
    static final Duration DETECT = TIMEOUT.plus(PERIOD).plus(MAX_DELAY).plus(SLACK);
    /** Once a process runs again (or its link heals), it is trusted again and its restart is reported within this. */
    static final Duration BACK = PERIOD.multipliedBy(2).plus(MAX_DELAY).plus(SLACK);
    static final Duration RUN = Duration.ofSeconds(3);
    static final int SEEDS = 1_000;

    enum Kind { SUSPECTS, TRUSTS, RESTARTED }

    /** One thing a monitor told the test, at true time {@code at}. */
    record Event(long at, Address monitor, Address peer, Kind kind) {
    }

    /** One run: the simulation, its nodes, and everything they reported. */
    static final class Run {
        final Simulation sim;
        final List<Address> nodes = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final SplittableRandom r;

        Run(long seed, int n) {
            sim = new Simulation(seed);
            r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 5);
            sim.network().setDefaults(LinkFaults.none().withDelay(Delay.uniform(Duration.ofMillis(1), MAX_DELAY)).withDuplication(0.05));
            for (int i = 1; i <= n; i++) {
                Address a = Address.of("N" + i);
                nodes.add(a);
                sim.addNode(a, () -> new HeartbeatNode(PERIOD, TIMEOUT, new HeartbeatNode.Listener() {
                    @Override
                    public void suspected(Address peer, boolean s) {
                        events.add(new Event(sim.nowNanos(), a, peer, s ? Kind.SUSPECTS : Kind.TRUSTS));
                    }

                    @Override
                    public void restarted(Address peer) {
                        events.add(new Event(sim.nowNanos(), a, peer, Kind.RESTARTED));
                    }
                }));
                sim.clock(a).setDriftPpm(r.nextDouble(-100, 100));
                sim.clock(a).setOffset(Duration.ofMillis(r.nextLong(-5_000, 5_001)));
            }
            // wall clocks stepped by up to a minute, either way, at random moments
            for (int i = 0; i < 4; i++) {
                Address a = nodes.get(r.nextInt(n));
                long stepMs = (r.nextBoolean() ? 1 : -1) * r.nextLong(1_000, 60_001);
                sim.at(Duration.ofMillis(r.nextLong(50, RUN.toMillis() - 200)), () -> sim.clock(a).step(Duration.ofMillis(stepMs)));
            }
        }

        Address pick(Set<Address> not) {
            while (true) {
                Address a = nodes.get(r.nextInt(nodes.size()));
                if (!not.contains(a)) {
                    return a;
                }
            }
        }

        /** Whether {@code q}'s events say it suspects {@code p} at {@code t}, counting only its life begun at {@code lifeStart}. */
        boolean suspects(Address q, Address p, long lifeStart, long t) {
            boolean s = false;
            for (Event e : events) {
                if (e.at() >= lifeStart && e.at() <= t && e.monitor().equals(q) && e.peer().equals(p) && e.kind() != Kind.RESTARTED) {
                    s = e.kind() == Kind.SUSPECTS;
                }
            }
            return s;
        }

        /** The first time in [from, to] at which {@code q} began to suspect {@code p}, or -1. */
        long firstSuspicion(Address q, Address p, long from, long to) {
            for (Event e : events) {
                if (e.at() >= from && e.at() <= to && e.monitor().equals(q) && e.peer().equals(p) && e.kind() == Kind.SUSPECTS) {
                    return e.at();
                }
            }
            return -1;
        }
    }

    static String at(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    static String ms(Duration d) {
        return d.toMillis() + " ms";
    }

    /** Runs two nodes for a moment outside {@link Seeds}, so an unwritten node fails with its own message (the file to open). */
    private static void runsAtAll() {
        try {
            new Run(0, 2).sim.runFor(PERIOD);
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
    void shouldSuspectEveryCrashedProcessInTimeAndNeverALiveOneWhileTheRunIsSynchronous() {
        runsAtAll();
        Seeds.check("failures-5/crashes", SEEDS, seed -> {
            // given five processes; one crashes for good, another crashes and restarts quickly
            Run run = new Run(seed, 5);
            Simulation sim = run.sim;
            Address dead = run.pick(Set.of());
            long crashAt = Duration.ofMillis(run.r.nextLong(500, 2_001)).toNanos();
            Address back = run.pick(Set.of(dead));
            long downAt = Duration.ofMillis(run.r.nextLong(300, 2_301)).toNanos();
            long upAt = downAt + Duration.ofMillis(run.r.nextLong(5, 151)).toNanos();
            sim.at(Duration.ofNanos(crashAt), () -> sim.crash(dead));
            sim.at(Duration.ofNanos(downAt), () -> sim.crash(back));
            sim.at(Duration.ofNanos(upAt), () -> sim.restart(back));
            // when the run goes on
            sim.runFor(RUN);
            long end = sim.nowNanos();
            String model = t("; every heartbeat arrives within " + ms(MAX_DELAY) + " and no process pauses, so the run is synchronous",
                    ". 모든 하트비트가 " + ms(MAX_DELAY) + " 안에 도착하고 멈추는 프로세스도 없으니 이 실행은 동기적이에요");
            // then: completeness, with the bound
            for (Address q : run.nodes) {
                if (q.equals(dead)) {
                    continue;
                }
                long lifeStart = q.equals(back) && upAt <= end ? upAt : 0;
                long since = Math.max(crashAt, lifeStart);
                long deadline = since + DETECT.toNanos();
                if (run.firstSuspicion(q, dead, since, deadline) < 0 && !run.suspects(q, dead, lifeStart, since)) {
                    throw new AssertionError(t(dead + " crashed for good at " + at(crashAt) + ", and " + q + " did not suspect it by " + at(deadline)
                            + " (completeness: a crashed process is suspected within timeout " + ms(TIMEOUT) + " + period " + ms(PERIOD)
                            + " + max delay " + ms(MAX_DELAY) + " of its crash" + (since > crashAt ? ", or of the monitor's own restart" : "") + ")",
                            dead + "가 " + at(crashAt) + "에 영영 충돌했는데, " + q + "가 " + at(deadline) + "까지 의심하지 않았어요"
                            + " (완전성: 충돌한 프로세스는 충돌" + (since > crashAt ? "이나 모니터 자신의 재시작" : "") + " 뒤 타임아웃 " + ms(TIMEOUT)
                            + " + 주기 " + ms(PERIOD) + " + 최대 지연 " + ms(MAX_DELAY) + " 안에 의심받아야 해요)"));
                }
                if (!run.suspects(q, dead, lifeStart, end)) {
                    throw new AssertionError(t(dead + " crashed for good at " + at(crashAt) + ", but at the end of the run " + q
                            + " trusts it again (a crashed process must stay suspected)",
                            dead + "가 " + at(crashAt) + "에 영영 충돌했는데, 실행이 끝날 때 " + q
                            + "가 다시 신뢰하고 있어요 (충돌한 프로세스는 계속 의심받아야 해요)"));
                }
            }
            // then: accuracy, while the run is synchronous
            for (Event e : run.events) {
                if (e.kind() == Kind.SUSPECTS && !(e.peer().equals(dead) && e.at() >= crashAt)) {
                    throw new AssertionError(t(e.monitor() + " suspected " + e.peer() + " at " + at(e.at()) + " while " + e.peer()
                            + " was running" + (e.peer().equals(back) && e.at() >= downAt ? " (it restarted at " + at(upAt) + " after " + at(upAt - downAt)
                            + " down, shorter than the timeout " + ms(TIMEOUT) + ")" : "") + model + " (accuracy)",
                            e.monitor() + "가 " + at(e.at()) + "에 " + e.peer() + "를 의심했는데 " + e.peer() + "는 살아 있었어요"
                            + (e.peer().equals(back) && e.at() >= downAt ? " (" + at(upAt - downAt) + " 내려가 있다가 " + at(upAt)
                            + "에 재시작했고, 이는 타임아웃 " + ms(TIMEOUT) + "보다 짧아요)" : "") + model + " (정확성)"));
                }
            }
            // then: every restart reported once by every process that was running, and nothing else
            for (Address q : run.nodes) {
                if (q.equals(back) || q.equals(dead) && crashAt <= upAt + BACK.toNanos()) {
                    continue;
                }
                long reports = run.events.stream().filter(e -> e.monitor().equals(q) && e.kind() == Kind.RESTARTED).count();
                long inTime = run.events.stream().filter(e -> e.monitor().equals(q) && e.kind() == Kind.RESTARTED && e.peer().equals(back)
                        && e.at() >= upAt && e.at() <= upAt + BACK.toNanos()).count();
                if (inTime != 1 || reports != 1) {
                    throw new AssertionError(t(back + " crashed at " + at(downAt) + " and restarted at " + at(upAt) + "; " + q + " reported "
                            + inTime + " restart(s) of it within " + ms(BACK) + " of the restart, and " + reports
                            + " restart(s) in all (each restart of a process must be reported exactly once, "
                            + "within twice the period plus the max delay, and nothing else is a restart)",
                            back + "가 " + at(downAt) + "에 충돌하고 " + at(upAt) + "에 재시작했어요. " + q + "는 재시작 뒤 " + ms(BACK)
                            + " 안에 그 재시작을 " + inTime + "번, 모두 합쳐 재시작을 " + reports + "번 보고했어요"
                            + " (프로세스의 재시작은 주기의 두 배에 최대 지연을 더한 시간 안에 정확히 한 번 보고해야 하고,"
                            + " 그 밖의 것은 재시작이 아니에요)"));
                }
            }
        });
    }

    @Test
    void shouldSuspectAPausedOrCutOffProcessAndTrustItAgainWhenItsHeartbeatsReturn() {
        runsAtAll();
        Seeds.check("failures-5/pauses-and-cuts", SEEDS, seed -> {
            // given four processes: N1 pauses longer than the timeout; the link from N2 to N3 is cut
            // one way for longer than the timeout; N4 only watches
            Run run = new Run(seed, 4);
            Simulation sim = run.sim;
            Address paused = run.nodes.get(0);
            Address from = run.nodes.get(1);
            Address to = run.nodes.get(2);
            long pauseAt = Duration.ofMillis(run.r.nextLong(300, 1_001)).toNanos();
            long pauseEnd = pauseAt + DETECT.toNanos() + Duration.ofMillis(run.r.nextLong(50, 550)).toNanos();
            long cutAt = Duration.ofMillis(run.r.nextLong(300, 1_001)).toNanos();
            long healAt = cutAt + DETECT.toNanos() + Duration.ofMillis(run.r.nextLong(50, 550)).toNanos();
            sim.at(Duration.ofNanos(pauseAt), () -> sim.pause(paused, Duration.ofNanos(pauseEnd - pauseAt)));
            sim.at(Duration.ofNanos(cutAt), () -> sim.network().partitionOneWay(Set.of(from), Set.of(to)));
            sim.at(Duration.ofNanos(healAt), () -> sim.network().heal());
            // when the run goes on
            sim.runFor(RUN);
            long end = sim.nowNanos();
            // then the paused process is suspected by everyone else, and trusted again after its pause
            for (Address q : run.nodes) {
                if (q.equals(paused)) {
                    continue;
                }
                expectSuspectedThenTrusted(run, q, paused, pauseAt, pauseEnd, end,
                        t(paused + " was paused from " + at(pauseAt) + " to " + at(pauseEnd),
                                paused + "가 " + at(pauseAt) + "부터 " + at(pauseEnd) + "까지 멈춰 있었어요"));
            }
            // and the cut-off process by the one it was cut off from, however well the others hear it
            expectSuspectedThenTrusted(run, to, from, cutAt, healAt, end,
                    t("frames from " + from + " to " + to + " were dropped from " + at(cutAt) + " to " + at(healAt) + " (others still heard " + from + ")",
                            from + "에서 " + to + "로 가는 프레임이 " + at(cutAt) + "부터 " + at(healAt) + "까지 버려졌어요 (다른 프로세스는 "
                            + from + "의 하트비트를 계속 받았어요)"));
            // and nobody else, by anyone that was not paused itself
            for (Event e : run.events) {
                boolean expected = e.peer().equals(paused) && e.at() >= pauseAt
                        || e.monitor().equals(to) && e.peer().equals(from) && e.at() >= cutAt;
                if (e.kind() == Kind.SUSPECTS && !e.monitor().equals(paused) && !expected) {
                    throw new AssertionError(t(e.monitor() + " suspected " + e.peer() + " at " + at(e.at()) + ", but every heartbeat from "
                            + e.peer() + " to " + e.monitor() + " arrived within " + ms(MAX_DELAY) + " and neither was paused (accuracy)",
                            e.monitor() + "가 " + at(e.at()) + "에 " + e.peer() + "를 의심했는데, " + e.peer() + "에서 " + e.monitor()
                            + "로 가는 하트비트는 모두 " + ms(MAX_DELAY) + " 안에 도착했고 둘 다 멈추지 않았어요 (정확성)"));
                }
            }
        });
    }

    /**
     * A scripted peer: heartbeats every period from its first life (incarnation 1, seq 1 to 5),
     * then from its second (incarnation 2, seq 1, 2, ...), with one late duplicate of the first
     * life's last heartbeat right after the second life's first.
     */
    static final class ScriptedPeer implements Node {
        private final Address watcher;
        private int step;

        ScriptedPeer(Address watcher) {
            this.watcher = watcher;
        }

        @Override
        public void onStart(Context ctx) {
            onTimer(ctx, "beat");
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            step++;
            Heartbeat hb = step <= 5 ? new Heartbeat(1, step) : step == 7 ? new Heartbeat(1, 5) : new Heartbeat(2, step < 7 ? 1 : step - 6);
            ctx.send(watcher, Messages.encode(hb));
            ctx.setTimer(PERIOD, "beat");
        }
    }

    @Test
    void shouldNotTakeALateHeartbeatOfTheOldLifeForAnotherRestart() {
        runsAtAll();
        // given a watcher and a peer that restarts once: its heartbeats carry incarnation 1, then
        // 2, and a duplicate of its first life's last heartbeat arrives after its second life's first
        Simulation sim = new Simulation(1);
        sim.network().setDefaults(LinkFaults.none()); // 1 ms, in order
        Address watcher = Address.of("N1");
        Address peer = Address.of("N2");
        List<String> restarts = new ArrayList<>();
        List<String> suspicions = new ArrayList<>();
        sim.addNode(watcher, () -> new HeartbeatNode(PERIOD, TIMEOUT, new HeartbeatNode.Listener() {
            @Override
            public void suspected(Address p, boolean s) {
                if (s) {
                    suspicions.add(p + " at " + at(sim.nowNanos()));
                }
            }

            @Override
            public void restarted(Address p) {
                restarts.add(p + " at " + at(sim.nowNanos()));
            }
        }));
        sim.addNode(peer, () -> new ScriptedPeer(watcher));
        // when it runs for two seconds
        sim.runFor(Duration.ofSeconds(2));
        // then the one restart is reported once, and the steady heartbeats raise no suspicion
        if (restarts.size() != 1) {
            throw new AssertionError(t(peer + "'s heartbeats went from incarnation 1 (seq 1..5) to incarnation 2 at 0.500 s, and at 0.600 s"
                    + " a late duplicate of incarnation 1's seq 5 arrived; " + watcher + " reported " + restarts.size() + " restart(s): "
                    + restarts + " (one restart happened: a duplicated or late heartbeat of an earlier life is not another one)",
                    peer + "의 하트비트는 0.500 s에 세대 번호 1(seq 1..5)에서 세대 번호 2로 넘어갔고, 0.600 s에 세대 번호 1의 seq 5가"
                    + " 늦게 중복 도착했어요. " + watcher + "는 재시작을 " + restarts.size() + "번 보고했어요: " + restarts
                    + " (재시작은 한 번이었어요: 이전 생애의 중복되거나 늦은 하트비트는 또 다른 재시작이 아니에요)"));
        }
        assertThat(suspicions).as(t("suspicions of a peer whose heartbeats came every " + ms(PERIOD),
                ms(PERIOD) + "마다 하트비트가 온 피어에 대한 의심")).isEmpty();
    }

    private static void expectSuspectedThenTrusted(Run run, Address q, Address p, long silentFrom, long silentTo, long end, String what) {
        long deadline = silentFrom + DETECT.toNanos();
        if (run.firstSuspicion(q, p, silentFrom, deadline) < 0) {
            throw new AssertionError(t(what + ", and " + q + " did not suspect " + p + " by " + at(deadline)
                    + " (nothing told it apart from a crash, so it must be suspected within timeout " + ms(TIMEOUT) + " + period "
                    + ms(PERIOD) + " + max delay " + ms(MAX_DELAY) + ")",
                    what + ". 그런데 " + q + "가 " + at(deadline) + "까지 " + p + "를 의심하지 않았어요 (충돌과 구별할 단서가 없으니 타임아웃 "
                    + ms(TIMEOUT) + " + 주기 " + ms(PERIOD) + " + 최대 지연 " + ms(MAX_DELAY) + " 안에 의심해야 해요)"));
        }
        long back = silentTo + BACK.toNanos();
        for (long t : new long[] {back, end}) {
            if (run.suspects(q, p, 0, t)) {
                throw new AssertionError(t(what + "; " + q + " still suspected " + p + " at " + at(t) + ", though its heartbeats came again"
                        + " (a suspicion ends within twice the period + max delay = " + ms(BACK) + " once heartbeats return)",
                        what + ". 하트비트가 다시 왔는데도 " + q + "가 " + at(t) + "에 여전히 " + p + "를 의심했어요"
                        + " (하트비트가 돌아오면 의심은 주기의 두 배 + 최대 지연 = " + ms(BACK) + " 안에 끝나야 해요)"));
            }
        }
    }
}
