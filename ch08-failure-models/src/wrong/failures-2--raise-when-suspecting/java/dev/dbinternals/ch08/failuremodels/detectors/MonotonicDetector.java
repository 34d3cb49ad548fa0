// Wrong solution for failures-2: the timeout grows every time the detector suspects, not when a heartbeat proves it wrong, so a crashed peer keeps being trusted again.
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
        lastHeard.put(from, now);
    }

    @Override
    public boolean suspects(Address peer, LocalClock clock) {
        Long last = lastHeard.get(peer);
        boolean suspected = last != null && clock.monotonicNanos() - last > timeoutOf(peer);
        if (suspected) {
            timeoutNanos.put(peer, timeoutOf(peer) + timeout.toNanos()); // suspecting is risky: wait longer next time
        }
        return suspected;
    }

    private long timeoutOf(Address peer) {
        return timeoutNanos.getOrDefault(peer, timeout.toNanos());
    }

    @Override
    public String name() {
        return "exercise failures-2, timeout " + timeout.toMillis() + " ms";
    }
}
