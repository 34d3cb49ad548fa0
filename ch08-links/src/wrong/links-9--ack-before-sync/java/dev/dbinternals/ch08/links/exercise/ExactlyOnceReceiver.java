// Wrong solution for links-9: the answer can go out first and the sync after it, since the sync follows at once.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import java.nio.ByteBuffer;

/**
 * Exercise links-9, a wrong solution (see the first line): the answer goes out before the sync that makes the balance and the record
 * durable; a crash in between loses an answered payment.
 */
public final class ExactlyOnceReceiver implements Node {

    public record Pay(long id, long cents) {
    }

    public record Paid(long id) {
    }

    public static final Codec CODEC = Codec.builder().register(1, Pay.class).register(2, Paid.class).withChecksum().build();

    public static final String BALANCE = "balance";

    private static final String PROCESSED = "processed/";

    @Override
    public void onStart(Context ctx) {
        // nothing to load: everything this node knows is read from storage when needed
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Pay p = CODEC.receive(ctx, message, Pay.class).orElse(null);
        if (p == null) {
            return;
        }
        DurableStorage st = ctx.storage();
        String done = PROCESSED + p.id();
        ctx.send(from, CODEC.encode(new Paid(p.id())));
        if (st.get(done).isEmpty()) {
            writeLong(st, BALANCE, readLong(st, BALANCE) + p.cents());
            st.put(done, new byte[] {1});
            st.sync(); // effect and record: both or neither survive a crash
        }

    }

    public static long readLong(DurableStorage storage, String key) {
        return storage.get(key).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
    }

    public static void writeLong(DurableStorage storage, String key, long value) {
        storage.put(key, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }
}
