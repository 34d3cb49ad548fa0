package dev.dbinternals.ch08.harness.example;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.example.RegisterMessages.Query;
import dev.dbinternals.ch08.harness.example.RegisterMessages.QueryReply;
import dev.dbinternals.ch08.harness.example.RegisterMessages.Store;
import dev.dbinternals.ch08.harness.example.RegisterMessages.StoreAck;
import java.nio.ByteBuffer;

/**
 * One replica of the register: it keeps the value with the newest tag it has seen, and answers.
 *
 * <p>It answers a {@link Query} with its tag and value, and a {@link Store} by keeping the stored
 * value if its tag is newer, then acknowledging either way (an older store is not an error: a newer
 * write got here first). The state is synced to durable storage <em>before</em> the acknowledgement:
 * the algorithm (Attiya, Bar-Noy and Dolev, 1995) assumes processes that crash and stop, and here the
 * nemesis crashes replicas and restarts them; a replica that came back having forgotten an
 * acknowledged store would break the quorum intersection the correctness rests on. With the sync, a
 * restarted replica is only a slow one.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유) and "Crash
 * faults" (충돌). Not thread-safe: driven by its runtime.
 */
public final class RegisterReplica implements Node {

    private long counter;
    private long writer = -1;
    private long value;

    @Override
    public void onStart(Context ctx) {
        ctx.storage().get("register").ifPresent(bytes -> {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            counter = b.getLong();
            writer = b.getLong();
            value = b.getLong();
        });
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        Object m = RegisterMessages.CODEC.receive(ctx, bytes).orElse(null);
        if (m instanceof Query q) {
            ctx.send(from, RegisterMessages.CODEC.encode(new QueryReply(q.request(), counter, writer, value)));
        } else if (m instanceof Store s) {
            if (RegisterMessages.newer(s.counter(), s.writer(), counter, writer)) {
                counter = s.counter();
                writer = s.writer();
                value = s.value();
                ctx.storage().put("register", ByteBuffer.allocate(24).putLong(counter).putLong(writer).putLong(value).array());
                ctx.storage().sync();
            }
            ctx.send(from, RegisterMessages.CODEC.encode(new StoreAck(s.request())));
        }
    }
}
