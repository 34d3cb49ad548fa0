package dev.dbinternals.ch08.cascading.processing;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise cascading-4: measure the three quantities of Little's law (리틀의 법칙), L = λ·W,
 * independently, from the arrival and departure times of requests.
 *
 * <ul>
 *   <li>λ: requests per second over the observation window;</li>
 *   <li>W: the mean of (departure − arrival);</li>
 *   <li>L: the <em>time average</em> of the number of requests inside: the integral of n(t)
 *   over the window divided by the window's length (not the average of snapshots taken at
 *   arrivals).</li>
 * </ul>
 * The window runs from the first arrival to the last departure. If your three numbers are
 * right, λ·W equals L (exactly, when every request that arrived has left). Not thread-safe.
 */
public final class LittleMeter {

    /** One request arrived at {@code arrivalNanos} and left at {@code departureNanos} (departure &gt;= arrival). */
    public void record(long arrivalNanos, long departureNanos) {
        throw new NotDoneYet("cascading-4", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/processing/LittleMeter.java",
                "keep the arrival and departure (reject departure < arrival)");
    }

    /** λ in requests per second. */
    public double arrivalRatePerSecond() {
        throw new NotDoneYet("cascading-4", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/processing/LittleMeter.java",
                "return requests / window length in seconds");
    }

    /** W in nanoseconds. */
    public double meanTimeInSystemNanos() {
        throw new NotDoneYet("cascading-4", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/processing/LittleMeter.java",
                "return the mean of departure - arrival");
    }

    /** L: the time-averaged number inside over the window. */
    public double averageInSystem() {
        throw new NotDoneYet("cascading-4", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/processing/LittleMeter.java",
                "integrate n(t) over the window (sweep the sorted arrivals and departures) and divide by its length");
    }
}
