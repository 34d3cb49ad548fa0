package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exercise failures-2, reference solution: measure silence with the monotonic clock.
 *
 * <p>Why: the wall clock is set from outside (NTP, an operator, a VM resume) and may jump either
 * way; an interval measured on it is wrong by the jump. The monotonic clock only moves forward,
 * at the rate of the local oscillator, so an interval measured on it is off only by the clock's
 * drift, the rate at which it gains or loses against real time: a few parts per million of the
 * interval.
 */
public final class MonotonicDetector implements FailureDetector {

    private final Duration timeout;
    private final Map<Address, Long> lastHeard = new TreeMap<>();

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
        lastHeard.put(from, clock.monotonicNanos());
    }

    @Override
    public boolean suspects(Address peer, LocalClock clock) {
        Long last = lastHeard.get(peer);
        return last != null && clock.monotonicNanos() - last > timeout.toNanos();
    }

    @Override
    public String name() {
        return "exercise failures-2, timeout " + timeout.toMillis() + " ms";
    }
}
