package dev.dbinternals.ch08.cascading.processing;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise cascading-4: measure the three quantities of Little's law (리틀의 법칙), L = λ·W,
 * independently, over an observation window [from, to), from the arrival and departure times of
 * requests.
 *
 * <ul>
 *   <li>λ: the requests that arrived in the window, per second of the window;</li>
 *   <li>W: the mean time in the system (departure − arrival) of those same requests, however long
 *   after the window they left;</li>
 *   <li>L: the <em>time average</em> over the window of n(t), the number of requests inside at
 *   time t (arrived at or before t, not yet departed), counting requests that arrived before the
 *   window or leave after it for the part of the window they spent inside.</li>
 * </ul>
 * Book: Chapter 8, "Processing" (프로세싱): a queue's length, its arrival rate and its waiting time
 * are tied together, which is how a queue is sized from measurements. Measured this way, L and λ·W
 * differ in a short window and agree over a long one: that agreement is the law, so nothing may be
 * computed from the other two. Not thread-safe.
 */
public final class LittleMeter {

    private static final String FILE = "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/processing/LittleMeter.java";

    /** A meter for the window [fromNanos, toNanos). @throws IllegalArgumentException if toNanos &lt;= fromNanos */
    public LittleMeter(long fromNanos, long toNanos) {
        // keep the window; reject an empty one
    }

    /** One request arrived at {@code arrivalNanos} and left at {@code departureNanos} (departure &gt;= arrival). */
    public void record(long arrivalNanos, long departureNanos) {
        throw new NotDoneYet("cascading-4", FILE, "keep what you need of this request (refuse a departure before its arrival)",
                "이 요청에서 필요한 것을 보관하세요(도착보다 이른 출발은 거부하세요).");
    }

    /** λ in requests per second. */
    public double arrivalRatePerSecond() {
        throw new NotDoneYet("cascading-4", FILE, "return λ as the class javadoc defines it",
                "클래스 javadoc의 정의대로 λ를 돌려주세요.");
    }

    /** W in nanoseconds (0 when no request arrived in the window). */
    public double meanTimeInSystemNanos() {
        throw new NotDoneYet("cascading-4", FILE, "return W as the class javadoc defines it",
                "클래스 javadoc의 정의대로 W를 돌려주세요.");
    }

    /** L: the time-averaged number inside over the window. */
    public double averageInSystem() {
        throw new NotDoneYet("cascading-4", FILE, "return L as the class javadoc defines it, measured from the requests, not from λ and W",
                "클래스 javadoc의 정의대로 L을 돌려주세요. λ와 W로 계산하지 말고 요청들로부터 재세요.");
    }
}
