package dev.dbinternals.ch08.harness.sim;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Small nodes for the harness's own tests. */
final class Nodes {
    private Nodes() {
    }

    /** Sends {@code count} numbered 4-byte frames (padded to {@code size}) to {@code to} when it starts. */
    static final class Blaster implements Node {
        final Address to;
        final int count;
        final int size;

        Blaster(Address to, int count, int size) {
            this.to = to;
            this.count = count;
            this.size = size;
        }

        @Override
        public void onStart(Context ctx) {
            for (int i = 0; i < count; i++) {
                ctx.send(to, ByteBuffer.allocate(Math.max(4, size)).putInt(i).array());
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }
    }

    /** Records what it receives and when (true time is read from the trace; here the monotonic clock). */
    static final class Sink implements Node {
        final List<byte[]> received = new ArrayList<>();
        final List<Address> senders = new ArrayList<>();
        final List<Long> at = new ArrayList<>();

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            received.add(message);
            senders.add(from);
            at.add(ctx.clock().monotonicNanos());
        }
    }

    /** Sends one "hello" to every other node every {@code periodMillis}. */
    static final class Gossip implements Node {
        final long periodMillis;
        final List<Address> heardFrom = new ArrayList<>();

        Gossip(long periodMillis) {
            this.periodMillis = periodMillis;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(java.time.Duration.ofMillis(periodMillis), "tick");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            for (Address a : ctx.nodes()) {
                if (!a.equals(ctx.self())) {
                    ctx.send(a, ("hello from " + ctx.self()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            ctx.setTimer(java.time.Duration.ofMillis(periodMillis), "tick");
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            heardFrom.add(from);
        }
    }
}
