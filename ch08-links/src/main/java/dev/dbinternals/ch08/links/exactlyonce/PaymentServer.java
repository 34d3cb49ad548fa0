package dev.dbinternals.ch08.links.exactlyonce;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.links.ladder.Received;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A server with one idempotent and one non-idempotent operation, reached over a network that
 * loses and duplicates messages, by clients that retry until they get a reply.
 *
 * <p>Book: Chapter 8, Links → Problem with retransmits (재전송 문제). {@code SHUTDOWN} is
 * idempotent (멱등): the first request starts the shutdown and every later copy changes nothing,
 * so at-least-once delivery is harmless. {@code CHARGE} (a credit-card charge) is not: every copy
 * that reaches the server charges again. With {@code deduplicate} on, the server remembers the
 * reply to each request id (an idempotency key) and answers a repeated request with the stored
 * reply instead of charging again, which turns at-least-once delivery into exactly-once
 * processing without changing what the operation means, for as long as the server keeps that
 * memory: the table lives in memory here, so a server that crashes and restarts forgets it
 * (durable dedup, synced with the effect, is {@link EffectReceiver}'s job).
 *
 * <p>Protocol (UTF-8 text): {@code SHUTDOWN <id>} and {@code CHARGE <id> <account> <cents>};
 * replies {@code DONE <id> <what happened>}. Malformed messages are noted in the trace and ignored.
 * Not thread-safe.
 */
public final class PaymentServer implements Node {

    private final boolean deduplicate;
    private final Map<String, String> repliesById = new LinkedHashMap<>();
    private final Map<String, Integer> chargesById = new TreeMap<>();
    private final Map<String, Long> chargedByAccount = new TreeMap<>();
    private boolean shuttingDown;
    private int shutdownStarts;
    private int shutdownRequests;
    private long txn;

    public PaymentServer(boolean deduplicate) {
        this.deduplicate = deduplicate;
    }

    /** A request as sent: {@code SHUTDOWN <id>} ({@code account} null) or {@code CHARGE <id> <account> <cents>}. */
    private record Request(String id, String account, long cents) {
        static Request parse(byte[] bytes) {
            String[] w = new String(bytes, StandardCharsets.UTF_8).split(" ");
            if (w.length == 2 && w[0].equals("SHUTDOWN")) {
                return new Request(w[1], null, 0);
            }
            if (w.length == 4 && w[0].equals("CHARGE")) {
                return new Request(w[1], w[2], Long.parseLong(w[3]));
            }
            throw new IllegalArgumentException("neither SHUTDOWN <id> nor CHARGE <id> <account> <cents>");
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Request r = Received.message(ctx, "request", message, Request::parse);
        if (r == null) {
            return;
        }
        String id = r.id();
        if (deduplicate && repliesById.containsKey(id)) {
            ctx.note("duplicate " + id + ": reply again, charge nothing");
            reply(ctx, from, repliesById.get(id));
            return;
        }
        String answer;
        if (r.account() == null) {
            shutdownRequests++;
            if (!shuttingDown) {
                shuttingDown = true;
                shutdownStarts++;
                answer = "DONE " + id + " shutdown-started";
            } else {
                answer = "DONE " + id + " already-shutting-down";
            }
        } else {
            chargesById.merge(id, 1, Integer::sum);
            chargedByAccount.merge(r.account(), r.cents(), Long::sum);
            answer = "DONE " + id + " charged-" + r.cents() + "-txn" + (++txn);
            ctx.note("charge " + r.account() + " " + r.cents() + " for " + id + " (charge #" + chargesById.get(id) + " of this request)");
        }
        if (deduplicate) {
            repliesById.put(id, answer);
        }
        reply(ctx, from, answer);
    }

    private static void reply(Context ctx, Address to, String text) {
        ctx.send(to, text.getBytes(StandardCharsets.UTF_8));
    }

    /** How many times each charge request was applied. */
    public Map<String, Integer> chargesById() {
        return Collections.unmodifiableMap(chargesById);
    }

    /** Charge requests applied more than once, counted once per extra charge. */
    public int doubleCharges() {
        return chargesById.values().stream().mapToInt(c -> c - 1).sum();
    }

    public long chargedTo(String account) {
        return chargedByAccount.getOrDefault(account, 0L);
    }

    /** Times the shutdown actually began: 1 however many copies arrived. */
    public int shutdownStarts() {
        return shutdownStarts;
    }

    /** Shutdown requests processed (copies included). */
    public int shutdownRequests() {
        return shutdownRequests;
    }

}
