package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.TimerId;
import dev.dbinternals.ch08.flp.SyncMessages.Accept;
import dev.dbinternals.ch08.flp.SyncMessages.Accepted;
import dev.dbinternals.ch08.flp.SyncMessages.Decide;
import dev.dbinternals.ch08.flp.SyncMessages.Prepare;
import dev.dbinternals.ch08.flp.SyncMessages.Promise;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Consensus for the <em>partially synchronous</em> model: a minimal single-decree Paxos (the
 * algorithm itself is the subject of the book's Chapter 14), with timeouts used only for liveness.
 *
 * <p>Book: Chapter 8, "System Synchrony" (시스템 동기성) and "FLP Impossibility" (FLP 불가능성
 * 이론). Safety (agreement, validity) rests on majorities alone: a value is decided when a
 * majority accepted it in one ballot, and a higher ballot must first hear from a majority, which
 * overlaps the deciding one and carries its value forward. No timing assumption is needed for
 * that, so false suspicions cannot break agreement. Timeouts only decide <em>when to try a new
 * ballot</em>: too short, and proposers keep pre-empting each other (no decision, as FLP allows);
 * after the Global Stabilization Time (GST), the timeout doubles on every failed attempt until it
 * exceeds the delay bound, and then a ballot can finish before another one pre-empts it.
 * Staggered by process id, so that one proposer usually gets a clear run. There is no leader
 * election here: that the runs decide after GST is measured by the experiments, not proved.
 * Not thread-safe (runs on its runtime's thread).
 */
public final class QuorumConsensusNode implements ConsensusNode {

    private final int input;
    private final Duration initialTimeout;
    private Duration timeout;
    private Context ctx;
    private int self;
    private int n;

    // acceptor
    private long promised = -1;
    private long acceptedBallot = -1;
    private int acceptedValue = -1;
    // proposer
    private long myBallot = -1;
    private long highestSeen = -1;
    private boolean phase2;
    private final Map<Integer, Promise> promises = new HashMap<>();
    private TimerId retry;
    // learner
    private final Map<Long, Set<Integer>> votes = new HashMap<>();
    private int decision = Reaction.NONE;
    private long decidedAt = -1;
    private int falseSuspicions;
    private long startedAt;

    public QuorumConsensusNode(int input, Duration initialTimeout) {
        this.input = input;
        this.initialTimeout = initialTimeout;
        this.timeout = initialTimeout;
    }

    @Override
    public void onStart(Context ctx) {
        this.ctx = ctx;
        this.startedAt = ctx.clock().monotonicNanos();
        this.n = ctx.nodes().size();
        this.self = ctx.nodes().indexOf(ctx.self());
        if (self == 0) {
            startBallot();
        } else {
            armRetry();
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        handle(ctx.nodes().indexOf(from), SyncMessages.CODEC.decode(message));
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (decision != Reaction.NONE) {
            return;
        }
        // we gave up waiting; in these experiments no process crashes, so whoever we waited for was alive
        falseSuspicions++;
        timeout = timeout.multipliedBy(2);
        startBallot();
    }

    private void handle(int from, Object m) {
        if (m instanceof Prepare p) {
            highestSeen = Math.max(highestSeen, p.ballot());
            if (p.ballot() > promised) {
                promised = p.ballot();
                sendTo(from, new Promise(p.ballot(), acceptedBallot, acceptedValue));
            }
        } else if (m instanceof Promise p) {
            if (p.ballot() != myBallot || phase2) {
                return;
            }
            promises.put(from, p);
            if (promises.size() > n / 2) {
                phase2 = true;
                int value = input;
                long best = -1;
                for (Promise q : promises.values()) {
                    if (q.acceptedBallot() > best) {
                        best = q.acceptedBallot();
                        value = q.acceptedValue();
                    }
                }
                broadcastIncludingSelf(new Accept(myBallot, value));
            }
        } else if (m instanceof Accept a) {
            highestSeen = Math.max(highestSeen, a.ballot());
            if (a.ballot() >= promised) {
                promised = a.ballot();
                acceptedBallot = a.ballot();
                acceptedValue = a.value();
                broadcastIncludingSelf(new Accepted(a.ballot(), a.value()));
            }
        } else if (m instanceof Accepted a) {
            Set<Integer> voters = votes.computeIfAbsent(a.ballot(), b -> new HashSet<>());
            voters.add(from);
            if (voters.size() > n / 2) {
                decide(a.value());
            }
        } else if (m instanceof Decide d) {
            decide(d.value());
        }
    }

    private void startBallot() {
        long round = Math.max(highestSeen, myBallot) / n + 1;
        myBallot = round * n + self;
        highestSeen = myBallot;
        promises.clear();
        phase2 = false;
        broadcastIncludingSelf(new Prepare(myBallot));
        armRetry();
    }

    private void armRetry() {
        if (retry != null) {
            ctx.cancelTimer(retry);
        }
        // stagger by id so that, once timeouts exceed the delay bound, one proposer gets a clear run
        retry = ctx.setTimer(timeout.plus(initialTimeout.multipliedBy(self)), "retry");
    }

    private void decide(int value) {
        if (decision != Reaction.NONE) {
            return;
        }
        decision = value;
        decidedAt = ctx.clock().monotonicNanos() - startedAt;
        if (retry != null) {
            ctx.cancelTimer(retry);
        }
        ctx.note("decides " + value);
        byte[] bytes = SyncMessages.CODEC.encode(new Decide(value));
        for (int q = 0; q < n; q++) {
            if (q != self) {
                ctx.send(ctx.nodes().get(q), bytes);
            }
        }
    }

    private void sendTo(int to, Object m) {
        if (to == self) {
            handle(self, m);
        } else {
            ctx.send(ctx.nodes().get(to), SyncMessages.CODEC.encode(m));
        }
    }

    private void broadcastIncludingSelf(Object m) {
        byte[] bytes = SyncMessages.CODEC.encode(m);
        for (int q = 0; q < n; q++) {
            if (q != self) {
                ctx.send(ctx.nodes().get(q), bytes);
            }
        }
        handle(self, m);
    }

    @Override
    public int input() {
        return input;
    }

    @Override
    public int decision() {
        return decision;
    }

    @Override
    public long decidedAtNanos() {
        return decidedAt;
    }

    @Override
    public int falseSuspicions() {
        return falseSuspicions;
    }
}
