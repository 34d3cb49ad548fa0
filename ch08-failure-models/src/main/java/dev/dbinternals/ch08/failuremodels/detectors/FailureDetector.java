package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.util.List;

/**
 * A failure detector (장애 검출기): from the heartbeats it has received, a <em>guess</em> about
 * which processes have failed.
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리). The book says, in paraphrase, that
 * you cannot always tell why a remote process does not respond (a crash, a network failure, a
 * slow process or link), and that heartbeats and failure detectors are used to guess which
 * processes are alive and reachable. A detector can only <em>suspect</em>: every suspicion of a
 * paused, slow or cut-off process is a false positive. For a given heartbeat period and network,
 * fewer false positives cost a longer wait before suspecting, which makes detecting a real crash
 * slower (demo 4 measures the trade).
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
