package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.nio.ByteBuffer;

/**
 * Exercise links-9: exactly-once processing (정확히 한 번만 처리) across crashes of the receiver.
 *
 * <p>Book: Chapter 8, Links → Exactly-once delivery (정확히 한 번만 전달), and Failure Models →
 * crash-recovery (충돌-복구). A client sends payments {@link Pay} and sends each again and again
 * until a {@link Paid} for it comes back. This node is the receiver: it adds each payment's
 * {@code cents} to a balance kept in {@link Context#storage()} under the key {@link #BALANCE}.
 * It crashes at any step of any handler (before a send, a put or a sync) and restarts as a fresh
 * instance: memory and timers are gone, and only what was {@link DurableStorage#sync() synced}
 * survives. Whatever the crashes:
 * <ul>
 *   <li>every payment is applied to the durable balance <b>exactly once</b>;</li>
 *   <li>once the crashes stop, every payment is answered with a {@link Paid}.</li>
 * </ul>
 * Frames on the wire are the records below, encoded with {@link #CODEC} (you may add fields to
 * them, not new records). The test runs 1,000 seeds with loss, duplication, reordering and up
 * to three crashes, and reads the balance from durable storage after a last crash.
 */
public final class ExactlyOnceReceiver implements Node {

    private static final String FILE = "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/ExactlyOnceReceiver.java";

    /** A payment: its id (unique per payment, the same on every copy) and the amount (two payments may have the same). */
    public record Pay(long id, long cents) {
    }

    /** The receiver's answer to a payment. */
    public record Paid(long id) {
    }

    /** Encodes the records; {@code CODEC.receive(ctx, bytes)} is empty for a frame that does not decode. */
    public static final Codec CODEC = Codec.builder().register(1, Pay.class).register(2, Paid.class).withChecksum().build();

    /** The durable key of the balance: 8 bytes, see {@link #readLong} and {@link #writeLong}. */
    public static final String BALANCE = "balance";

    @Override
    public void onStart(Context ctx) {
        // a fresh instance: at the first start and after every restart
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        throw new NotDoneYet("links-9", FILE, "make onMessage() apply each payment to the durable balance exactly once and answer it, whatever step a crash hits",
                "충돌이 어느 단계를 덮치든 onMessage()가 각 결제를 영속 잔액에 정확히 한 번 적용하고 응답하게 만드세요");
    }

    /** The long stored under {@code key}, or 0. */
    public static long readLong(DurableStorage storage, String key) {
        return storage.get(key).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
    }

    /** Writes {@code value} under {@code key} (durable only after a sync). */
    public static void writeLong(DurableStorage storage, String key, long value) {
        storage.put(key, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }
}
