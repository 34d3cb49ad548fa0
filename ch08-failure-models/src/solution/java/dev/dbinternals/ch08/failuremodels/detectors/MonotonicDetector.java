package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exercise failures-2, reference solution: measure silence with the monotonic clock, and add the
 * initial timeout to a peer's timeout after every mistake about it.
 *
 * <p>Why the monotonic clock: the wall clock is set from outside (NTP, an operator, a VM resume)
 * and may jump either way; an interval measured on it is wrong by the jump. The monotonic clock
 * only moves forward, at the rate of the local oscillator, so an interval measured on it is off
 * only by the clock's drift: a few parts per million of the interval.
 *
 * <p>Why the growing timeout: under partial synchrony (Dwork, Lynch and Stockmeyer 1988) there
 * is a bound on delay and processing that holds from some time on, but nobody knows the bound
 * or the time. From then on the silence between two heartbeats of a live peer is bounded too,
 * say by {@code G}. A heartbeat that arrives after the timeout has passed is a mistake, and each
 * mistake adds the initial timeout to that peer's, so at most {@code G / timeout + 1} more
 * mistakes can happen: the detector is eventually accurate (◇P, Chandra and Toueg 1996). It stays complete: the timeout only grows after a heartbeat, and
 * a crashed peer sends none, so its silence passes its last timeout and is suspected for good.
 */
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
            timeoutNanos.put(from, timeoutOf(from) + timeout.toNanos()); // it was alive: we were wrong
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
