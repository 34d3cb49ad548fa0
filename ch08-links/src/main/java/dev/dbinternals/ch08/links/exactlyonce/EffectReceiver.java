package dev.dbinternals.ch08.links.exactlyonce;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.ladder.Frame;
import dev.dbinternals.ch08.links.ladder.LinkStats;
import dev.dbinternals.ch08.links.ladder.Payloads;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import dev.dbinternals.ch08.links.ladder.Received;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A receiver whose messages have <em>effects</em> (each message {@code mK} adds one to a durable
 * counter {@code effect/mK}), processed with one of the {@link DeliverySemantics}, and which can
 * be made to crash at any {@link Step} of its handler.
 *
 * <p>Book: Chapter 8, Links → Exactly-once delivery (정확히 한 번만 전달). Between correct
 * processes a perfect link already delivers each message exactly once (reliable delivery plus
 * no duplication). What no protocol over a lossy link can give is certainty at both ends: the
 * sender <em>knows</em> that a message was delivered only once an acknowledgement comes back,
 * and whoever sends the last message of an exchange (that acknowledgement, say) cannot know
 * that it arrived, so the two never reach common knowledge. What a system wants is exactly-once <em>processing</em> of each message's effect, also when the
 * receiver crashes and recovers: at-least-once delivery (the sender retries until
 * acknowledged) plus deduplication on the receiver. This needs no common knowledge (the
 * obstacle of Two Generals): the receiver alone decides, from its own dedup state, whether a
 * copy is new. With crash-recovery that dedup state must survive the crash, and it must become
 * durable <em>together with</em> the effect:
 * <ol>
 *   <li>a message arrives ({@link Step#BEFORE_PROCESSING});</li>
 *   <li>apply the effect, written but not synced ({@link Step#AFTER_PROCESSING_BEFORE_PERSIST});</li>
 *   <li>write {@code n_processed} and sync both in one go ({@link Step#AFTER_PERSIST_BEFORE_ACK});</li>
 *   <li>acknowledge.</li>
 * </ol>
 * A crash before step 3 loses both the effect and the dedup record, so the retransmission
 * applies it once; a crash after it keeps both, so the retransmission is recognised as a
 * duplicate and only acknowledged. Processing is in order (FIFO), so the book's single number
 * {@code n_processed} is the whole dedup table.
 *
 * <p>A perfect link's receiver gives none of this across a crash: its {@code n_processed} lives
 * in memory, so a restarted {@link WindowedPerfectLink} receiver delivers again messages an earlier
 * life delivered (see its class comment; the book's {@link PerfectLink} does not even recover from
 * a restart). Here the dedup number is
 * durable, so no crash of the receiver, at any step, applies an effect twice or loses one.
 *
 * <p>The dedup number counts the sender's sequence numbers. If the <em>sender</em> crashes, its
 * new life numbers messages from 1 again; this is still exactly-once only because the sender
 * resends the same operations under the same numbers (here {@code mK} is always message K, as
 * a sender replaying a durable outbox would). A sender whose numbering changes after a restart
 * needs an identity per operation instead: an idempotency key (exercise links-4, Demo 07).
 *
 * <p>Speaks the {@link Frame} protocol of {@link WindowedPerfectLink}: pair it with a {@link LinkNode}
 * running a {@code WindowedPerfectLink} (at-least-once, exactly-once) or a {@code FairLossLink}
 * (at-most-once). The windowed sender, because its data frames carry its acknowledged prefix
 * ({@code upTo}), which the at-least-once receiver, keeping no durable state, needs after a
 * restart.
 *
 * <p>Crashing inside the handler: given a {@link CrashPoint}, the handler for that message
 * stops at that step and calls the harness's {@link Simulation#crashAfterHandler}: the node dies
 * when the handler ends, before it handles anything else, and what it wrote without syncing is
 * lost, as in a real crash. Not thread-safe.
 */
public final class EffectReceiver implements Node {

    /** The steps of the receiver's handler, in order: where a crash can land. */
    public enum Step {
        /** The message arrived; nothing done yet. */
        BEFORE_PROCESSING,
        /** The effect is applied (written, not yet synced in the atomic version); dedup state not yet persisted. */
        AFTER_PROCESSING_BEFORE_PERSIST,
        /** Effect and dedup state are durable; the acknowledgement has not been sent. */
        AFTER_PERSIST_BEFORE_ACK
    }

    /** Where this life of the receiver dies: when its handler for message number {@code seq} reaches {@code step}. */
    public record CrashPoint(Step step, long seq) {
        @Override
        public String toString() {
            return step + " of message #" + seq;
        }
    }

    static final String N_PROCESSED_KEY = "dedup/n_processed";
    static final String EFFECT_PREFIX = "effect/";

    private final DeliverySemantics semantics;
    private final Simulation sim;
    private final CrashPoint crashPoint;
    private final Map<String, Integer> effects = new TreeMap<>();
    private final Set<Long> seenThisLife = new HashSet<>();
    private final TreeSet<Long> ackedAbove = new TreeSet<>();
    private long ackedPrefix;
    private long nProcessed;
    private final LinkStats stats = new LinkStats(); // only corruptDropped: frames that failed their CRC32C

    /** A receiver of {@code sim} that dies at {@code crashPoint} ({@code null}: never). */
    public EffectReceiver(DeliverySemantics semantics, Simulation sim, CrashPoint crashPoint) {
        this.semantics = semantics;
        this.sim = sim;
        this.crashPoint = crashPoint;
    }

    /** A receiver that never crashes by itself. */
    public EffectReceiver(DeliverySemantics semantics) {
        this(semantics, null, null);
    }

    @Override
    public void onStart(Context ctx) {
        DurableStorage st = ctx.storage();
        nProcessed = st.get(N_PROCESSED_KEY).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
        for (String k : st.keys()) {
            if (k.startsWith(EFFECT_PREFIX)) {
                effects.put(k.substring(EFFECT_PREFIX.length()), ByteBuffer.wrap(st.get(k).orElseThrow()).getInt());
            }
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        Frame f = Received.frame(bytes, stats);
        if (f == null || f.kind() != Frame.Kind.DATA) {
            return; // corrupted (counted, treated as lost), or not a data frame
        }
        switch (semantics) {
            case AT_MOST_ONCE -> atMostOnce(ctx, f);
            case AT_LEAST_ONCE -> atLeastOnce(ctx, from, f);
            case EXACTLY_ONCE, EXACTLY_ONCE_NON_ATOMIC -> exactlyOnce(ctx, from, f);
        }
    }

    private void atMostOnce(Context ctx, Frame f) {
        if (seenThisLife.contains(f.seq())) {
            return; // a duplicate, in this life
        }
        if (die(ctx, Step.BEFORE_PROCESSING, f)) {
            return;
        }
        applyEffect(ctx, f);
        ctx.storage().sync();
        if (die(ctx, Step.AFTER_PROCESSING_BEFORE_PERSIST, f)) {
            return;
        }
        seenThisLife.add(f.seq()); // memory only: at-most-once keeps no durable dedup state
        die(ctx, Step.AFTER_PERSIST_BEFORE_ACK, f); // no ack is ever sent
    }

    private void atLeastOnce(Context ctx, Address from, Frame f) {
        if (die(ctx, Step.BEFORE_PROCESSING, f)) {
            return;
        }
        applyEffect(ctx, f);
        ctx.storage().sync();
        if (die(ctx, Step.AFTER_PROCESSING_BEFORE_PERSIST, f) || die(ctx, Step.AFTER_PERSIST_BEFORE_ACK, f)) {
            return;
        }
        // A cumulative ack lets the sender slide its window. Everything up to the sender's own
        // acknowledged prefix (f.upTo) was processed by this or an earlier life; above it, this
        // life counts what it processed. Memory only: at-least-once keeps no durable dedup state.
        ackedPrefix = Math.max(ackedPrefix, f.upTo());
        ackedAbove.add(f.seq());
        ackedAbove.headSet(ackedPrefix, true).clear();
        while (!ackedAbove.isEmpty() && ackedAbove.first() == ackedPrefix + 1) {
            ackedAbove.pollFirst();
            ackedPrefix++;
        }
        // never more than f.seq(): a restarted sender drops an ack for numbers it has not sent in its new life
        ctx.send(from, Frame.ack(f.incarnation(), f.seq(), Math.min(ackedPrefix, f.seq())).encode());
    }

    private void exactlyOnce(Context ctx, Address from, Frame f) {
        if (f.seq() <= nProcessed) {
            // A duplicate: not applied again. Everything up to f.seq() was processed (processing is in order). Acknowledge that
            // much, not all of n_processed: a sender that restarted numbers from 1 again and
            // drops an ack naming a number it has not sent (yet) in its new life.
            ctx.send(from, Frame.ack(f.incarnation(), f.seq(), f.seq()).encode());
            return;
        }
        if (f.seq() != nProcessed + 1) {
            return; // ahead of a gap: no ack, the sender retransmits it after the gap is filled
        }
        if (die(ctx, Step.BEFORE_PROCESSING, f)) {
            return;
        }
        applyEffect(ctx, f);
        if (semantics == DeliverySemantics.EXACTLY_ONCE_NON_ATOMIC) {
            ctx.storage().sync(); // the bug: the effect becomes durable on its own
        }
        if (die(ctx, Step.AFTER_PROCESSING_BEFORE_PERSIST, f)) {
            return;
        }
        nProcessed = f.seq();
        ctx.storage().put(N_PROCESSED_KEY, ByteBuffer.allocate(8).putLong(nProcessed).array());
        ctx.storage().sync(); // effect and n_processed become durable in one step
        if (die(ctx, Step.AFTER_PERSIST_BEFORE_ACK, f)) {
            return;
        }
        ctx.send(from, Frame.ack(f.incarnation(), f.seq(), nProcessed).encode());
    }

    private void applyEffect(Context ctx, Frame f) {
        String name = Payloads.describe(f.payload());
        int count = effects.merge(name, 1, Integer::sum);
        ctx.storage().put(EFFECT_PREFIX + name, ByteBuffer.allocate(4).putInt(count).array());
    }

    /** True if this handler must stop here: the node then dies when the handler returns. */
    private boolean die(Context ctx, Step step, Frame f) {
        if (crashPoint == null || crashPoint.step() != step || crashPoint.seq() != f.seq()) {
            return false;
        }
        ctx.note("crash point " + crashPoint + ": the process dies here");
        sim.crashAfterHandler(ctx.self());
        return true;
    }

    /** How many times each message's effect was applied (this life's view, durable state plus unsynced writes). */
    public Map<String, Integer> effects() {
        return Collections.unmodifiableMap(effects);
    }

    /** The durable {@code n_processed} as last written. */
    public long nProcessed() {
        return nProcessed;
    }

    public DeliverySemantics semantics() {
        return semantics;
    }
}
