package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.TimerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A hand-driven {@link Context} for unit tests of links: records what the link sends and which timers it sets. */
final class FakeContext implements Context {

    record Sent(Address to, byte[] bytes) {
        Frame frame() {
            return Frame.decode(bytes);
        }
    }

    record Timer(TimerId id, Duration delay, Object tag) {
    }

    private final Address self;
    final List<Sent> sent = new ArrayList<>();
    final List<Timer> timers = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final MemoryStorage storage = new MemoryStorage();
    long nowNanos;
    private long nextTimer = 1;
    private final SplittableRandom random = new SplittableRandom(42);

    FakeContext(String self) {
        this.self = Address.of(self);
    }

    @Override
    public Address self() {
        return self;
    }

    @Override
    public List<Address> nodes() {
        return List.of(self);
    }

    @Override
    public void send(Address to, byte[] message) {
        sent.add(new Sent(to, message.clone()));
    }

    @Override
    public TimerId setTimer(Duration delay, Object tag) {
        TimerId id = new TimerId(nextTimer++);
        timers.add(new Timer(id, delay, tag));
        return id;
    }

    @Override
    public void cancelTimer(TimerId timer) {
        timers.removeIf(t -> t.id().equals(timer));
    }

    @Override
    public LocalClock clock() {
        return new LocalClock() {
            @Override
            public long wallMillis() {
                return nowNanos / 1_000_000;
            }

            @Override
            public long monotonicNanos() {
                return nowNanos;
            }
        };
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public DurableStorage storage() {
        return storage;
    }

    @Override
    public void note(String text) {
        notes.add(text);
    }

    void advance(Duration d) {
        nowNanos += d.toNanos();
    }

    /** Fires the most recently set timer (and forgets it). */
    Object takeLastTimerTag() {
        return timers.remove(timers.size() - 1).tag();
    }

    List<Frame> framesSent() {
        return sent.stream().map(Sent::frame).toList();
    }

    List<Sent> drain() {
        List<Sent> out = new ArrayList<>(sent);
        sent.clear();
        return out;
    }
}
