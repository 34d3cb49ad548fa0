package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.time.Duration;
import java.util.List;

/**
 * Exercise failures-2: a timeout failure detector (장애 검출기) that no wall-clock step can fool
 * (클럭과 시간), and that stops making mistakes once the system behaves (시스템 동기성).
 *
 * <p>Suspect a peer when nothing came from it for longer than its timeout (at first, the
 * {@code timeout} given); stop suspecting it when a heartbeat comes. {@link LocalClock} offers
 * two clocks; demo 3 shows what the wrong one does when NTP steps it.
 *
 * <p>A heartbeat from a peer that had already been silent for longer than its timeout proves
 * the timeout too short for that peer: it was alive when it sent that heartbeat. After such a mistake, the silence that fooled it must
 * no longer make it suspect that peer. The test runs it in a partially synchronous system:
 * delays and stalls are wild for a while, then bounded by a limit the detector is not told; twenty
 * seconds after that it must have stopped making mistakes, and a peer that crashes must still
 * be suspected, and stay suspected. Try not to peek at {@link TimeoutDetector}.
 */
public final class MonotonicDetector implements FailureDetector {

    private static final String FILE = "ch08-failure-models/src/exercise/java/dev/dbinternals/ch08/failuremodels/detectors/MonotonicDetector.java";

    private final Duration timeout;

    public MonotonicDetector(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void start(List<Address> peers, LocalClock clock) {
        throw new NotDoneYet("failures-2", FILE, "make start() begin watching each peer as if it had just sent a heartbeat",
                "start()가 각 피어를 방금 하트비트를 보낸 것처럼 지켜보기 시작하도록 구현하세요.");
    }

    @Override
    public void heartbeat(Address from, LocalClock clock) {
        throw new NotDoneYet("failures-2", FILE, "make heartbeat() take note that the peer is alive now",
                "heartbeat()가 그 피어가 지금 살아 있다는 것을 기록하도록 구현하세요.");
    }

    @Override
    public boolean suspects(Address peer, LocalClock clock) {
        throw new NotDoneYet("failures-2", FILE, "make suspects() say whether the peer has been silent for longer than its timeout",
                "suspects()가 피어가 타임아웃보다 오래 조용했는지 답하도록 구현하세요.");
    }

    @Override
    public String name() {
        return "exercise failures-2, timeout " + timeout.toMillis() + " ms";
    }
}
