// Wrong solution for links-9: the main EffectReceiver already processes exactly once across crashes.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.links.exactlyonce.DeliverySemantics;
import dev.dbinternals.ch08.links.exactlyonce.EffectReceiver;
import java.nio.ByteBuffer;

public final class ExactlyOnceReceiver implements Node {

    public record Pay(long id, long cents) {
    }

    public record Paid(long id) {
    }

    public static final Codec CODEC = Codec.builder().register(1, Pay.class).register(2, Paid.class).withChecksum().build();

    public static final String BALANCE = "balance";

    private final EffectReceiver inner = new EffectReceiver(DeliverySemantics.EXACTLY_ONCE);

    @Override
    public void onStart(Context ctx) {
        inner.onStart(ctx);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        inner.onMessage(ctx, from, message);
    }

    public static long readLong(DurableStorage storage, String key) {
        return storage.get(key).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
    }

    public static void writeLong(DurableStorage storage, String key, long value) {
        storage.put(key, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }
}
