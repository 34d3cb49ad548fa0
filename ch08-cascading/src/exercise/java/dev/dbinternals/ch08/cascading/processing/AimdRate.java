package dev.dbinternals.ch08.cascading.processing;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise cascading-3: backpressure (백프레셔) by "reject, and the producer slows down".
 *
 * <p>Additive increase, multiplicative decrease (AIMD, as in TCP congestion control): each
 * accepted request raises the rate a little ({@code +increase} requests/s), each rejection
 * multiplies it by {@code decrease} (for example 0.8). The rate never leaves [min, max].
 * Plugged into a {@link LoadGenerator} in front of a {@link ServerNode}, the producer should
 * settle around the server's service rate with few rejections and short queues.
 */
public final class AimdRate implements RateController {

    /**
     * @param initial  the starting rate (requests/s), within [min, max]
     * @param min      the lowest rate, &gt; 0
     * @param max      the highest rate, &gt;= min
     * @param increase requests/s added per accepted request, &gt; 0
     * @param decrease factor applied per rejection, in (0, 1)
     */
    public AimdRate(double initial, double min, double max, double increase, double decrease) {
        // keep the settings; reject out-of-range ones with IllegalArgumentException
    }

    @Override
    public double ratePerSecond() {
        throw new NotDoneYet("cascading-3", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/processing/AimdRate.java",
                "return the current rate", "현재 속도를 돌려주세요.");
    }

    @Override
    public void onAccepted() {
        throw new NotDoneYet("cascading-3", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/processing/AimdRate.java",
                "change the rate after an accepted request, as the class javadoc says",
                "요청이 수락된 뒤 클래스 javadoc대로 속도를 바꾸세요.");
    }

    @Override
    public void onRejected() {
        throw new NotDoneYet("cascading-3", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/processing/AimdRate.java",
                "change the rate after a rejected request, as the class javadoc says",
                "요청이 거부된 뒤 클래스 javadoc대로 속도를 바꾸세요.");
    }
}
