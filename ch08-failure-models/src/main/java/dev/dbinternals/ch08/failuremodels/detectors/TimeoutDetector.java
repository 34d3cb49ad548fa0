package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The simplest heartbeat failure detector: suspect a peer once nothing came from it for
 * {@code timeout}.
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리: 하트비트 프로토콜, 장애 검출기) and
 * "Clocks and Time" (클럭과 시간). Property: with {@link TimeSource#MONOTONIC}, a peer that
 * crashed is suspected at most {@code timeout + check interval} after its last heartbeat
 * arrived, as long as the monitor itself runs its checks on time (completeness, with a bound), and a peer whose heartbeats the monitor keeps handling less than
 * {@code timeout} apart is not suspected. That condition is the catch: it needs bounded message
 * delay <em>and</em> bounded processing at both ends (a synchronous period). A delayed link, a
 * slow handler or a pause breaks it, and then a live peer is suspected (demo 2). In an
 * asynchronous system no timeout is accurate; under partial synchrony (Dwork, Lynch and
 * Stockmeyer 1988) a detector that raises its timeout after each false suspicion is eventually
 * accurate (◇P, Chandra and Toueg 1996). This one keeps its timeout fixed. With
 * {@link TimeSource#WALL} steps of the clock break both halves: a forward step larger than the
 * timeout makes every peer look silent (false suspicions), and a backward step delays noticing a
 * real crash by up to the length of the step (the bound on detection time fails; the crash is
 * still suspected in the end). Not thread-safe.
 */
public final class TimeoutDetector implements FailureDetector {

    private final Duration timeout;
    private final TimeSource time;
    private final Map<Address, Long> lastHeard = new TreeMap<>();

    public TimeoutDetector(Duration timeout, TimeSource time) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public void start(List<Address> peers, LocalClock clock) {
        long now = time.nanos(clock);
        peers.forEach(p -> lastHeard.put(p, now));
    }

    @Override
    public void heartbeat(Address from, LocalClock clock) {
        lastHeard.put(from, time.nanos(clock));
    }

    @Override
    public boolean suspects(Address peer, LocalClock clock) {
        Long last = lastHeard.get(peer);
        return last != null && time.nanos(clock) - last > timeout.toNanos();
    }

    @Override
    public String name() {
        return "timeout " + timeout.toMillis() + " ms (" + time.name().toLowerCase() + " clock)";
    }
}
