// Wrong solution for links-1: the main PerfectLink already deduplicates, so a first delivery is whatever it delivers now.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.TimerId;
import dev.dbinternals.ch08.links.ladder.Frame;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

public final class DedupReceiver {

    private final Map<Address, PerfectLink> links = new TreeMap<>();
    private int deliveredNow;

    private final Context ctx = new Context() {
        public Address self() { return Address.of("me"); }
        public List<Address> nodes() { return List.of(); }
        public void send(Address to, byte[] message) { }
        public TimerId setTimer(Duration delay, Object tag) { return null; }
        public void cancelTimer(TimerId timer) { }
        public LocalClock clock() { return null; }
        public RandomGenerator random() { return null; }
        public DurableStorage storage() { return null; }
        public void note(String text) { }
    };

    public boolean firstDelivery(Address from, long seq) {
        PerfectLink link = links.computeIfAbsent(from, a -> new PerfectLink(Duration.ofMillis(10), (c, f, p) -> deliveredNow++));
        deliveredNow = 0;
        link.onFrame(ctx, from, Frame.data(0, seq, 0, new byte[] {1}).encode());
        return deliveredNow > 0;
    }

    public int remembered(Address from) {
        PerfectLink link = links.get(from);
        return link == null ? 0 : link.receiverState(from).buffered();
    }
}
