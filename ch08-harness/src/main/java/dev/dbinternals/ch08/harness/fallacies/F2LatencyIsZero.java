package dev.dbinternals.ch08.harness.fallacies;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import java.time.Duration;
import java.util.List;

/**
 * Fallacy 2, "Latency is zero": a client that makes n remote calls one after the other, as if
 * each returned at once, takes n round trips; sending the n independent requests together
 * (pipelining) takes about one.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류): a remote call
 * cannot be faster than a local one, and latency must never be assumed to be zero; and "Local
 * and Remote Execution" (로컬 실행과 원격 실행): latency is why remote execution cannot be
 * hidden behind a local-looking API.
 *
 * <p>What it shows, measured in virtual time: the naive client's total is n times the mean
 * round trip it measured, far over a budget that "about zero" would meet; the pipelined client
 * finishes within that budget. Stateless and thread-safe.
 */
public final class F2LatencyIsZero implements Fallacy {

    record Request(int id) {
    }

    record Reply(int id) {
    }

    static final Codec CODEC = Codec.builder().register(1, Request.class).register(2, Reply.class).build();
    /** One way, each frame: a data-centre hop between 2 and 4 ms. */
    static final Delay ONE_WAY = Delay.uniform(Duration.ofMillis(2), Duration.ofMillis(4));
    /** What the page may take: generous if calls cost about nothing, as the naive client assumes. */
    static final Duration BUDGET = Duration.ofMillis(20);

    /** What one run measured: total time for the n calls and the sum of their round trips. */
    public record Result(int calls, long totalNanos, long sumOfRoundTripsNanos, long slowestRoundTripNanos) {
        public long meanRoundTripNanos() {
            return sumOfRoundTripsNanos / calls;
        }
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String fallacy() {
        return t("Latency is zero", "레이턴시는 0이다");
    }

    /** Answers every request. */
    static final class Server implements Node {
        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            ctx.send(from, CODEC.encode(new Reply(CODEC.decode(message, Request.class).id())));
        }
    }

    /** Sends the requests and times each round trip on its own monotonic clock. */
    abstract static class Client implements Node {
        final Address server;
        final int n;
        final long[] sentAt;
        int replies;
        long sumRtt;
        long maxRtt;

        Client(Address server, int n) {
            this.server = server;
            this.n = n;
            this.sentAt = new long[n + 1];
        }

        void call(Context ctx, int id) {
            sentAt[id] = ctx.clock().monotonicNanos();
            ctx.send(server, CODEC.encode(new Request(id)));
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            int id = CODEC.decode(message, Reply.class).id();
            long rtt = ctx.clock().monotonicNanos() - sentAt[id];
            sumRtt += rtt;
            maxRtt = Math.max(maxRtt, rtt);
            replies++;
            onReply(ctx, id);
        }

        abstract void onReply(Context ctx, int id);

        boolean done() {
            return replies == n;
        }
    }

    /** The naive client: call 1, wait for its reply, call 2, ... as a loop of local calls would. */
    static final class Sequential extends Client {
        Sequential(Address server, int n) {
            super(server, n);
        }

        @Override
        public void onStart(Context ctx) {
            call(ctx, 1);
        }

        @Override
        void onReply(Context ctx, int id) {
            if (id < n) {
                call(ctx, id + 1);
            }
        }
    }

    /** The fix: the calls do not depend on each other, so all n leave at once (pipelining). */
    static final class Pipelined extends Client {
        Pipelined(Address server, int n) {
            super(server, n);
        }

        @Override
        public void onStart(Context ctx) {
            for (int id = 1; id <= n; id++) {
                call(ctx, id);
            }
        }

        @Override
        void onReply(Context ctx, int id) {
        }
    }

    public static Result naive(long seed, int n) {
        return run(seed, n, false);
    }

    public static Result fix(long seed, int n) {
        return run(seed, n, true);
    }

    private static Result run(long seed, int n, boolean pipelined) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(false);
        sim.network().setDefaults(LinkFaults.none().withDelay(ONE_WAY));
        Address s = sim.addNode("S", Server::new);
        Address c = sim.addNode("C", () -> pipelined ? new Pipelined(s, n) : new Sequential(s, n));
        Client client = sim.node(c, Client.class);
        sim.runUntil(client::done, Duration.ofMinutes(1));
        return new Result(n, sim.nowNanos(), client.sumRtt, client.maxRtt);
    }

    @Override
    public Outcome run(long seed, boolean quick) {
        int n = 10;
        Result naive = naive(seed, n);
        Result fix = fix(seed, n);
        long budget = BUDGET.toNanos();
        return new Outcome(
                List.of(String.format(t("C needs %d independent answers from S within a %s budget; each way takes 2..4 ms.",
                        "C는 S로부터 서로 독립인 응답 %d개를 %s 예산 안에 받아야 한다; 편도마다 2..4 ms 걸린다."),
                        n, Trace.formatNanos(budget))),
                List.of(String.format(t("one call after another (\"calls are free\"): %s in total, about %d x the mean round trip %s,",
                                "호출을 하나씩 차례로 (\"호출은 공짜다\"): 합계 %1$s, 평균 왕복 시간 %3$s의 약 %2$d배로,"),
                                Trace.formatNanos(naive.totalNanos()), n, Trace.formatNanos(naive.meanRoundTripNanos())),
                        String.format(t("%s the %s budget.", "%2$s 예산을 %1$s."), naive.totalNanos() > budget ? t("over", "넘었다") : t("within", "지켰다"),
                                Trace.formatNanos(budget))),
                List.of(String.format(t("all %d requests at once (pipelining): %s in total, about one round trip (the slowest was %s); %s the budget.",
                        "요청 %d개를 한꺼번에 (파이프라이닝): 합계 %s, 왕복 한 번 정도 (가장 느린 것은 %s); 예산을 %s."),
                        n, Trace.formatNanos(fix.totalNanos()), Trace.formatNanos(fix.slowestRoundTripNanos()),
                        fix.totalNanos() <= budget ? t("within", "지켰다") : t("over", "넘었다"))),
                naive.totalNanos() > budget,
                fix.totalNanos() <= budget,
                t("n sequential calls: n x RTT", "순차 호출 n번: n x RTT"),
                t("pipeline the independent calls: ~1 RTT", "독립 호출을 파이프라이닝: ~1 RTT"));
    }
}
