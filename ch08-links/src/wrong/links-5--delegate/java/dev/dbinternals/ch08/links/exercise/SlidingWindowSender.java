// Wrong solution for links-5: the main WindowedPerfectLink already is a sliding window with backpressure.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.TimerId;
import dev.dbinternals.ch08.links.ladder.Frame;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

public final class SlidingWindowSender {

    private static final Address PEER = Address.of("peer");
    private static final LocalClock LocalClock_ZERO = new LocalClock() {
        public long wallMillis() { return 0; }
        public long monotonicNanos() { return 0; }
    };
    private final WindowedPerfectLink link;
    private long next = 1;

    private final Context ctx = new Context() {
        public Address self() { return Address.of("me"); }
        public List<Address> nodes() { return List.of(); }
        public void send(Address to, byte[] message) { }
        public TimerId setTimer(Duration delay, Object tag) { return null; }
        public void cancelTimer(TimerId timer) { }
        public LocalClock clock() { return LocalClock_ZERO; }
        public RandomGenerator random() { return null; }
        public DurableStorage storage() { return null; }
        public void note(String text) { }
    };

    public SlidingWindowSender(int window) {
        link = new WindowedPerfectLink(WindowedPerfectLink.Config.defaults().withWindow(window).withPersistIncarnation(false), (c, f, p) -> { });
        link.onStart(ctx);
    }

    public OptionalLong trySend() {
        return link.send(ctx, PEER, new byte[] {1}) ? OptionalLong.of(next++) : OptionalLong.empty();
    }

    public void ack(long seq) {
        link.onFrame(ctx, PEER, Frame.ack(link.incarnation(), seq, 0).encode());
    }

    public long base() {
        return next - link.inFlight(PEER);
    }

    public int inFlight() {
        return link.inFlight(PEER);
    }

    public List<Long> unacked() {
        List<Long> out = new ArrayList<>();
        for (long s = base(); s < next; s++) {
            out.add(s);
        }
        return out;
    }
}
