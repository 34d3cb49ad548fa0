// Wrong solution for links-8: a number at or below the highest seen is a duplicate, so the receiver keeps only the maximum.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

public final class PerfectLinkNode implements Node {

    public record Data(long seq, String payload) {
    }

    public record Ack(long seq) {
    }

    public static final Codec CODEC = Codec.builder().register(1, Data.class).register(2, Ack.class).withChecksum().build();

    public interface Upper {
        void deliver(Context ctx, Address from, String payload);
    }

    private static final Duration PERIOD = Duration.ofMillis(20);

    private final Upper upper;
    private final Map<Address, Long> nextSeq = new TreeMap<>();
    private final Map<Address, TreeMap<Long, String>> unacked = new TreeMap<>();
    private final Map<Address, Long> highest = new TreeMap<>();
    private boolean armed;

    public PerfectLinkNode(Upper upper) {
        this.upper = upper;
    }

    public void send(Context ctx, Address to, String payload) {
        long seq = nextSeq.merge(to, 1L, Long::sum);
        unacked.computeIfAbsent(to, a -> new TreeMap<>()).put(seq, payload);
        ctx.send(to, CODEC.encode(new Data(seq, payload)));
        if (!armed) {
            ctx.setTimer(PERIOD, "tick");
            armed = true;
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = CODEC.receive(ctx, message).orElse(null);
        if (m instanceof Data d) {
            if (d.seq() > highest.getOrDefault(from, 0L)) {
                highest.put(from, d.seq());
                upper.deliver(ctx, from, d.payload());
            }
            ctx.send(from, CODEC.encode(new Ack(d.seq())));
        } else if (m instanceof Ack a && unacked.containsKey(from)) {
            unacked.get(from).remove(a.seq());
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        armed = false;
        unacked.forEach((to, u) -> u.forEach((seq, p) -> ctx.send(to, CODEC.encode(new Data(seq, p)))));
        if (unacknowledged() > 0) {
            ctx.setTimer(PERIOD, "tick");
            armed = true;
        }
    }

    public long nConsecutive(Address from) {
        return highest.getOrDefault(from, 0L);
    }

    public int remembered(Address from) {
        return 0;
    }

    public int unacknowledged() {
        return unacked.values().stream().mapToInt(TreeMap::size).sum();
    }
}
