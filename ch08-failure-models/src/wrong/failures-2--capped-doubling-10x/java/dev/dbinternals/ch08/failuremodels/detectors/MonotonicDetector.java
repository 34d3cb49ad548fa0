// Wrong solution for failures-2: the timeout doubles after each mistake but never beyond 10 times the initial one, so a system that settles on a larger bound fools it forever.
package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A wrong solution of exercise failures-2: the first line says what it gets wrong. */
public final class MonotonicDetector implements FailureDetector {

    private final Duration timeout;
    private final Map<Address, Long> lastHeard = new TreeMap<>();
    private final Map<Address, Long> timeoutNanos = new TreeMap<>();

    public MonotonicDetector(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void start(List<Address> peers, LocalClock clock) {
        long now = clock.monotonicNanos();
        peers.forEach(p -> lastHeard.put(p, now));
    }

    @Override
    public void heartbeat(Address from, LocalClock clock) {
        long now = clock.monotonicNanos();
        Long last = lastHeard.get(from);
        if (last != null && now - last > timeoutOf(from)) {
            timeoutNanos.put(from, Math.min(2 * timeoutOf(from), 10 * timeout.toNanos())); // it was alive: double, up to 10x
        }
        lastHeard.put(from, now);
    }

    @Override
    public boolean suspects(Address peer, LocalClock clock) {
        Long last = lastHeard.get(peer);
        return last != null && clock.monotonicNanos() - last > timeoutOf(peer);
    }

    private long timeoutOf(Address peer) {
        return timeoutNanos.getOrDefault(peer, timeout.toNanos());
    }

    @Override
    public String name() {
        return "exercise failures-2, timeout " + timeout.toMillis() + " ms";
    }
}
