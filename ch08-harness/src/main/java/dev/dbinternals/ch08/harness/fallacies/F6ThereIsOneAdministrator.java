package dev.dbinternals.ch08.harness.fallacies;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.List;

/**
 * Fallacy 6, "There is one administrator": nodes A and B are run by different operators. A's
 * operator sends heartbeats every 500 ms to save traffic; B's operator set a 300 ms failure
 * detection timeout, tuned for the 100 ms heartbeats B itself sends. Nothing ever fails, yet B
 * suspects A over and over. The fix used here: the nodes exchange their configuration at
 * connect time (a hello carrying the heartbeat interval), and each derives its timeout for a
 * peer from the interval that peer announced (3 intervals), logging the mismatch instead of
 * trusting its own operator's number for someone else's node.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류), and "State
 * Consistency" (상태 일관성): the notes say, in paraphrase, that systems assume the schema and the
 * cluster view agree everywhere without enforcing it; configuration is the same kind of shared
 * assumption. The alternative fix, a shared configuration version checked at connect time that
 * refuses to connect on a mismatch, fails fast instead of adapting.
 *
 * <p>What it shows, counted from the run: false suspicions (suspecting a node that never
 * failed) with each node's own configuration, and with the exchanged one. Stateless and
 * thread-safe.
 */
public final class F6ThereIsOneAdministrator implements Fallacy {

    /** Sent first on a new connection: "this is how often I will send heartbeats". */
    record Hello(long heartbeatMillis) {
    }

    record Heartbeat() {
    }

    static final Codec CODEC = Codec.builder().register(1, Hello.class).register(2, Heartbeat.class).build();
    /** A's operator: heartbeats every 500 ms, and a timeout of 3 x 500 ms for its peers. */
    static final Config A_CONFIG = new Config(Duration.ofMillis(500), Duration.ofMillis(1500));
    /** B's operator: heartbeats every 100 ms, and a 300 ms timeout, assuming everyone does the same. */
    static final Config B_CONFIG = new Config(Duration.ofMillis(100), Duration.ofMillis(300));
    /** The fix's rule: suspect a peer after this many of its own announced intervals of silence. */
    static final int MISSED_HEARTBEATS = 3;

    /** One operator's settings for one node. */
    public record Config(Duration heartbeatEvery, Duration suspectAfter) {
    }

    /** What one run counted: suspicions raised by each node, though neither node ever failed. */
    public record Result(int falseSuspicionsByA, int falseSuspicionsByB, Duration bTimeoutForA) {
        public int falseSuspicions() {
            return falseSuspicionsByA + falseSuspicionsByB;
        }
    }

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String fallacy() {
        return t("There is one administrator", "관리자는 한 명이다");
    }

    /** Heartbeats its peer and suspects it after a silence; {@code exchange} = use the peer's announced interval. */
    static final class Monitor implements Node {
        final Address peer;
        final Config mine;
        final boolean exchange;
        Duration timeout;
        TimerId suspicionTimer;
        boolean suspected;
        int suspicions;

        Monitor(Address peer, Config mine, boolean exchange) {
            this.peer = peer;
            this.mine = mine;
            this.exchange = exchange;
            this.timeout = mine.suspectAfter();
        }

        @Override
        public void onStart(Context ctx) {
            if (exchange) {
                ctx.send(peer, CODEC.encode(new Hello(mine.heartbeatEvery().toMillis())));
            }
            ctx.setTimer(mine.heartbeatEvery(), "beat");
            suspicionTimer = ctx.setTimer(timeout, "suspect");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            if (tag.equals("beat")) {
                ctx.send(peer, CODEC.encode(new Heartbeat()));
                ctx.setTimer(mine.heartbeatEvery(), "beat");
            } else if (!suspected) {
                suspected = true;
                suspicions++;
                ctx.note("suspects " + peer + " (no heartbeat for " + timeout.toMillis() + " ms)");
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            if (CODEC.decode(message) instanceof Hello h) {
                Duration derived = Duration.ofMillis(h.heartbeatMillis() * MISSED_HEARTBEATS);
                if (!derived.equals(timeout)) {
                    ctx.note("config mismatch: " + from + " beats every " + h.heartbeatMillis() + " ms; my operator's timeout "
                            + mine.suspectAfter().toMillis() + " ms, using " + derived.toMillis() + " ms for " + from);
                    timeout = derived;
                }
            }
            // any message from the peer shows it is alive
            if (suspected) {
                suspected = false;
                ctx.note("trusts " + peer + " again");
            }
            ctx.cancelTimer(suspicionTimer);
            suspicionTimer = ctx.setTimer(timeout, "suspect");
        }
    }

    public static Result naive(long seed, Duration runFor) {
        return run(seed, runFor, false);
    }

    public static Result fix(long seed, Duration runFor) {
        return run(seed, runFor, true);
    }

    private static Result run(long seed, Duration runFor, boolean exchange) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(false);
        sim.network().setDefaults(LinkFaults.none().withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(5))));
        Address a = Address.of("A");
        Address b = Address.of("B");
        sim.addNode(a, () -> new Monitor(b, A_CONFIG, exchange));
        sim.addNode(b, () -> new Monitor(a, B_CONFIG, exchange));
        sim.runFor(runFor); // no crash, no loss, no partition: every suspicion is false
        Monitor ma = sim.node(a, Monitor.class);
        Monitor mb = sim.node(b, Monitor.class);
        return new Result(ma.suspicions, mb.suspicions, mb.timeout);
    }

    @Override
    public Outcome run(long seed, boolean quick) {
        Duration runFor = Duration.ofSeconds(quick ? 5 : 30);
        Result naive = naive(seed, runFor);
        Result fix = fix(seed, runFor);
        return new Outcome(
                List.of(String.format(t("A's operator: heartbeat every %d ms, timeout %d ms. B's operator: heartbeat every %d ms, timeout %d ms.",
                                "A의 운영자: 하트비트 %d ms마다, 타임아웃 %d ms. B의 운영자: 하트비트 %d ms마다, 타임아웃 %d ms."),
                                A_CONFIG.heartbeatEvery().toMillis(), A_CONFIG.suspectAfter().toMillis(),
                                B_CONFIG.heartbeatEvery().toMillis(), B_CONFIG.suspectAfter().toMillis()),
                        String.format(t("Both run for %d s; nothing crashes, nothing is lost.", "둘 다 %d 초 동안 실행된다; 아무것도 충돌하지 않고, 아무것도 잃지 않는다."), runFor.toSeconds())),
                List.of(String.format(t("each node trusts its own operator: B falsely suspected A %d times, A suspected B %d times.",
                        "각 노드가 자기 운영자만 믿는다: B는 A를 %d번 잘못 의심했고, A는 B를 %d번 의심했다."),
                        naive.falseSuspicionsByB(), naive.falseSuspicionsByA())),
                List.of(String.format(t("configuration exchanged at connect time (hello with the heartbeat interval; timeout = %d x the peer's):",
                                "연결할 때 설정을 교환한다 (하트비트 간격을 담은 hello; 타임아웃 = 상대 간격의 %d배):"),
                                MISSED_HEARTBEATS),
                        String.format(t("B's timeout for A became %d ms; false suspicions: B %d, A %d.",
                                "A에 대한 B의 타임아웃은 %d ms가 되었다; 잘못된 의심: B %d번, A %d번."),
                                fix.bTimeoutForA().toMillis(), fix.falseSuspicionsByB(), fix.falseSuspicionsByA())),
                naive.falseSuspicions() > 0,
                fix.falseSuspicions() == 0,
                t("each node uses its own operator's timeout", "각 노드가 자기 운영자의 타임아웃을 쓴다"),
                t("exchange config at connect time; timeout from the peer's interval", "연결할 때 설정을 교환; 타임아웃은 상대의 간격에서"));
    }
}
