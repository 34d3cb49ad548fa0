// Wrong solution for links-2: the main PerfectLink already delivers in order, so it is the reorder buffer.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.TimerId;
import dev.dbinternals.ch08.links.ladder.Frame;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

public final class InOrderReceiver {

    private static final Address SENDER = Address.of("sender");
    private static final LocalClock LocalClock_ZERO = null;
    private final List<String> ready = new ArrayList<>();
    private final PerfectLink link = new PerfectLink(Duration.ofMillis(10),
            (c, from, p) -> ready.add(new String(p, StandardCharsets.UTF_8)));

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

    public InOrderReceiver(int capacity) {
    }

    public List<String> receive(long seq, String message) {
        ready.clear();
        link.onFrame(ctx, SENDER, Frame.data(0, seq, 0, message.getBytes(StandardCharsets.UTF_8)).encode());
        return List.copyOf(ready);
    }

    public long nConsecutive() {
        return link.receiverState(SENDER).nConsecutive();
    }

    public int buffered() {
        return link.receiverState(SENDER).buffered();
    }
}
