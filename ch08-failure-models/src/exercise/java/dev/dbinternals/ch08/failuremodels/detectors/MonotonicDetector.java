package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.time.Duration;
import java.util.List;

/**
 * Exercise failures-2: a timeout failure detector (장애 검출기) that no wall-clock step can fool
 * (클럭과 시간).
 *
 * <p>Suspect a peer when nothing came from it for longer than {@code timeout}; stop suspecting
 * it when a heartbeat comes. {@link LocalClock} offers two clocks; demo 3 shows what the
 * wrong one does when NTP steps it. Try not to peek at {@link TimeoutDetector}.
 */
public final class MonotonicDetector implements FailureDetector {

    private static final String FILE = "ch08-failure-models/src/exercise/java/dev/dbinternals/ch08/failuremodels/detectors/MonotonicDetector.java";

    private final Duration timeout;

    public MonotonicDetector(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void start(List<Address> peers, LocalClock clock) {
        throw new NotDoneYet("failures-2", FILE, "make start() remember, for each peer, the time as if it had just sent a heartbeat");
    }

    @Override
    public void heartbeat(Address from, LocalClock clock) {
        throw new NotDoneYet("failures-2", FILE, "make heartbeat() remember when the last heartbeat from the peer arrived");
    }

    @Override
    public boolean suspects(Address peer, LocalClock clock) {
        throw new NotDoneYet("failures-2", FILE, "make suspects() say whether more than the timeout passed since the peer's last heartbeat");
    }

    @Override
    public String name() {
        return "exercise failures-2, timeout " + timeout.toMillis() + " ms";
    }
}
