// Wrong solution for cascading-4: the arrival rate computed in integer arithmetic, which truncates it.
package dev.dbinternals.ch08.cascading.processing;

import java.util.ArrayList;
import java.util.List;

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

    private final long from;
    private final long to;
    private final List<long[]> requests = new ArrayList<>();

    /** A meter for the window [fromNanos, toNanos). @throws IllegalArgumentException if toNanos &lt;= fromNanos */
    public LittleMeter(long fromNanos, long toNanos) {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("the window [" + fromNanos + ", " + toNanos + ") is empty");
        }
        this.from = fromNanos;
        this.to = toNanos;
    }

    /** One request arrived at {@code arrivalNanos} and left at {@code departureNanos} (departure &gt;= arrival). */
    public void record(long arrivalNanos, long departureNanos) {
        if (departureNanos < arrivalNanos) {
            throw new IllegalArgumentException("departure " + departureNanos + " before arrival " + arrivalNanos);
        }
        requests.add(new long[] {arrivalNanos, departureNanos});
    }

    private boolean arrivedInWindow(long[] r) {
        return r[0] >= from && r[0] < to;
    }

    /** λ in requests per second. */
    public double arrivalRatePerSecond() {
        return requests.stream().filter(this::arrivedInWindow).count() * 1_000_000_000L / (to - from);
    }

    /** W in nanoseconds (0 when no request arrived in the window). */
    public double meanTimeInSystemNanos() {
        return requests.stream().filter(this::arrivedInWindow).mapToLong(r -> r[1] - r[0]).average().orElse(0);
    }

    /** L: the time-averaged number inside over the window. */
    public double averageInSystem() {
        // the integral of n(t) over the window is the sum, over requests, of the time each spent
        // inside the window: a request adds 1 to n(t) exactly while it is inside
        double area = 0;
        for (long[] r : requests) {
            area += Math.max(0, Math.min(r[1], to) - Math.max(r[0], from));
        }
        return area / (to - from);
    }
}
