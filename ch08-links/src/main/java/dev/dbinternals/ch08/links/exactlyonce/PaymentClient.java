package dev.dbinternals.ch08.links.exactlyonce;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client that sends requests to a {@link PaymentServer} with at-least-once delivery: it
 * resends every unanswered request each {@code retryEvery} until a reply names it.
 *
 * <p>Book: Chapter 8, Links → Problem with retransmits (재전송 문제): until the reply comes, the
 * client cannot know whether the request was processed, will be, was lost, or the server
 * failed first. To get the request done it must send it again (asking "did it happen?" is
 * another request that can be lost just the same), and sending again is only safe if the
 * operation is idempotent or the server deduplicates. Each request keeps the same id across retries:
 * that id is the idempotency key. Not thread-safe.
 */
public final class PaymentClient implements Node {

    private static final Object RETRY = new Object() {
        @Override
        public String toString() {
            return "retry";
        }
    };

    private final Address server;
    private final Duration retryEvery;
    private final Map<String, String> unanswered = new LinkedHashMap<>();
    private long attempts;

    /** @param requests request lines, each with a unique id as its second word, e.g. {@code "CHARGE r1 alice 500"} */
    public PaymentClient(Address server, Duration retryEvery, List<String> requests) {
        this.server = server;
        this.retryEvery = retryEvery;
        for (String r : requests) {
            unanswered.put(r.split(" ")[1], r);
        }
    }

    @Override
    public void onStart(Context ctx) {
        unanswered.values().forEach(r -> send(ctx, r));
        ctx.setTimer(retryEvery, RETRY);
    }

    private void send(Context ctx, String request) {
        attempts++;
        ctx.send(server, request.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        String[] w = new String(message, StandardCharsets.UTF_8).split(" ", 3);
        if (w.length == 3 && w[0].equals("DONE")) {
            unanswered.remove(w[1]);
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (unanswered.isEmpty()) {
            return;
        }
        unanswered.values().forEach(r -> {
            ctx.note("no reply yet: retry " + r);
            send(ctx, r);
        });
        ctx.setTimer(retryEvery, RETRY);
    }

    public boolean allAnswered() {
        return unanswered.isEmpty();
    }

    /** Requests put on the wire, retries included. */
    public long attempts() {
        return attempts;
    }
}
