package dev.dbinternals.ch08.failuremodels;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.util.List;

/**
 * A failure detector (장애 검출기): from the heartbeats it has received, a <em>guess</em> about
 * which processes have failed.
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리): "you do not always know the exact
 * reason a remote process does not respond: a crash, a network failure, a slow process or
 * link"; failure detectors and heartbeats "guess" which processes are alive and reachable. A
 * detector can only <em>suspect</em>: every suspicion of a paused, slow or cut-off process is a
 * false positive, and the only way to have fewer is to wait longer before suspecting, which
 * makes detecting a real crash slower.
 *
 * <p>Implementations read time only through the {@link LocalClock} they are given. Not
 * thread-safe: called from one node's handlers.
 */
public interface FailureDetector {

    /** Starts watching {@code peers}, as if each had just sent a heartbeat. */
    void start(List<Address> peers, LocalClock clock);

    /** A heartbeat from {@code from} arrived now. */
    void heartbeat(Address from, LocalClock clock);

    /** Whether {@code peer} is suspected now. */
    boolean suspects(Address peer, LocalClock clock);

    /** A short name for tables. */
    String name();
}
