// Wrong solution for failures-2: the module's own TimeoutDetector on the monotonic clock, whose fixed timeout repeats the same mistake forever.
package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.time.Duration;
import java.util.List;

/** A wrong solution of exercise failures-2: the first line says what it gets wrong. */
public final class MonotonicDetector implements FailureDetector {

    private final Duration timeout;
    private final TimeoutDetector main;

    public MonotonicDetector(Duration timeout) {
        this.timeout = timeout;
        this.main = new TimeoutDetector(timeout, TimeSource.MONOTONIC);
    }

    @Override
    public void start(List<Address> peers, LocalClock clock) {
        main.start(peers, clock);
    }

    @Override
    public void heartbeat(Address from, LocalClock clock) {
        main.heartbeat(from, clock);
    }

    @Override
    public boolean suspects(Address peer, LocalClock clock) {
        return main.suspects(peer, clock);
    }

    @Override
    public String name() {
        return "exercise failures-2, timeout " + timeout.toMillis() + " ms";
    }
}
