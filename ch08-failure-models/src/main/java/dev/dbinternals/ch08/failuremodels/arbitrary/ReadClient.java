package dev.dbinternals.ch08.failuremodels.arbitrary;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Answer;
import dev.dbinternals.ch08.failuremodels.Messages.Query;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * Sends each query to every replica and either trusts the first answer or waits until
 * {@code f + 1} replicas agree ({@link Tally}).
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애). Trusting one reply is as good as the
 * fastest replica is honest; voting costs waiting for {@code f + 1} replies instead of one.
 * Not thread-safe.
 */
public final class ReadClient implements Node {

    /** How the client decides. */
    public enum Strategy {
        TRUST_FIRST, VOTE
    }

    /** One query's outcome: the value decided (or none in time) and how long it took. */
    public record Decision(long x, boolean decided, long value, long latencyNanos) {
        public boolean correct() {
            return decided && value == Replica.correct(x);
        }
    }

    private final List<Address> replicas;
    private final Strategy strategy;
    private final int f;
    private final int queries;
    private final Duration every;
    private final List<Decision> decisions = new ArrayList<>();
    private long requestId;
    private long x;
    private long sentAt;
    private Tally tally;
    private boolean open;

    public ReadClient(List<Address> replicas, Strategy strategy, int f, int queries, Duration every) {
        this.replicas = List.copyOf(replicas);
        this.strategy = strategy;
        this.f = f;
        this.queries = queries;
        this.every = every;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(every, "query");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (open) {
            decisions.add(new Decision(x, false, 0, ctx.clock().monotonicNanos() - sentAt)); // no decision in time
            open = false;
        }
        if (requestId >= queries) {
            return;
        }
        requestId++;
        x = 1 + ctx.random().nextInt(1000);
        tally = new Tally(f);
        sentAt = ctx.clock().monotonicNanos();
        open = true;
        byte[] q = Messages.encode(new Query(requestId, x));
        replicas.forEach(r -> ctx.send(r, q));
        ctx.setTimer(every, "query");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        if (!(Messages.decode(bytes) instanceof Answer a) || !open || a.requestId() != requestId
                || !replicas.contains(from)) {
            return;
        }
        OptionalLong d = strategy == Strategy.TRUST_FIRST ? OptionalLong.of(a.value()) : tally.offer(from, a.value());
        if (d.isPresent()) {
            decisions.add(new Decision(x, true, d.getAsLong(), ctx.clock().monotonicNanos() - sentAt));
            open = false;
        }
    }

    public List<Decision> decisions() {
        return Collections.unmodifiableList(decisions);
    }
}
