// Wrong solution for conc-8: a read's write-back waits for R acknowledgements, as if R replicas holding a value were enough for every later read to meet it.
package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Quorums;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Exercise conc-8: a quorum register node (replica and coordinator). */
public final class QuorumRegisterNode implements Node {

    // ---- the messages (the test speaks the client ones) ----
    public record ClientRead(long op) { }
    public record ClientWrite(long op, long value) { }
    public record ReadOk(long op, long value) { }
    public record WriteOk(long op) { }
    public record Query(long req) { }
    public record QueryReply(long req, long value, long version) { }
    public record Store(long req, long value, long version) { }
    public record StoreAck(long req) { }

    public static final Codec CODEC = Codec.builder()
            .register(1, ClientRead.class).register(2, ClientWrite.class).register(3, ReadOk.class).register(4, WriteOk.class)
            .register(5, Query.class).register(6, QueryReply.class).register(7, Store.class).register(8, StoreAck.class)
            .withChecksum().build();

    private static final Duration RESEND = Duration.ofMillis(50);

    private final List<Address> replicas;
    private final Quorums quorums;

    // replica state
    private long value;
    private long version;

    // the one operation this node coordinates (its client waits for each reply)
    private Address client;
    private long op = -1;
    private boolean isWrite;
    private long writeValue;
    private long req;
    private boolean storing;
    private final Set<Address> answered = new HashSet<>();
    private long bestValue;
    private long bestVersion;

    public QuorumRegisterNode(List<Address> replicas, Quorums quorums) {
        this.replicas = List.copyOf(replicas);
        this.quorums = quorums;
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] frame) {
        Object m = CODEC.receive(ctx, frame).orElse(null);
        if (m instanceof Query q) {
            ctx.send(from, CODEC.encode(new QueryReply(q.req(), value, version)));
        } else if (m instanceof Store s) {
            if (s.version() > version) {
                value = s.value();
                version = s.version();
            }
            ctx.send(from, CODEC.encode(new StoreAck(s.req())));
        } else if (m instanceof ClientRead r && r.op() != op) {
            begin(ctx, from, r.op(), false, 0);
        } else if (m instanceof ClientWrite w && w.op() != op) {
            begin(ctx, from, w.op(), true, w.value());
        } else if (m instanceof QueryReply r && r.req() == req && !storing && answered.add(from)) {
            if (r.version() > bestVersion) {
                bestVersion = r.version();
                bestValue = r.value();
            }
            if (answered.size() == quorums.r()) {
                if (isWrite) {
                    int index = replicas.indexOf(ctx.self());
                    bestVersion = (bestVersion / replicas.size() + 1) * replicas.size() + index;
                    bestValue = writeValue;
                }
                phase(ctx, true);
            }
        } else if (m instanceof StoreAck a && a.req() == req && storing && answered.add(from) && answered.size() == (isWrite ? quorums.w() : quorums.r())) {
            ctx.send(client, CODEC.encode(isWrite ? new WriteOk(op) : new ReadOk(op, bestValue)));
            op = -1;
            req++; // late replies of this operation are ignored
        }
    }

    private void begin(Context ctx, Address from, long newOp, boolean write, long v) {
        client = from;
        op = newOp;
        isWrite = write;
        writeValue = v;
        bestValue = 0;
        bestVersion = 0;
        phase(ctx, false);
    }

    private void phase(Context ctx, boolean store) {
        req++;
        storing = store;
        answered.clear();
        resend(ctx);
    }

    private void resend(Context ctx) {
        Object m = storing ? new Store(req, bestValue, bestVersion) : new Query(req);
        byte[] bytes = CODEC.encode(m);
        for (Address r : replicas) {
            if (!answered.contains(r)) {
                ctx.send(r, bytes);
            }
        }
        ctx.setTimer(RESEND, req);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (op >= 0 && tag.equals(req)) {
            resend(ctx);
        }
    }
}
