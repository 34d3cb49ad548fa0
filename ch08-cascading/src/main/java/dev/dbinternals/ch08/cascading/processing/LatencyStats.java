package dev.dbinternals.ch08.cascading.processing;

import java.time.Duration;
import java.util.Arrays;

/**
 * Latencies collected in a run, with the percentiles a reader looks at (p50, p99, max).
 *
 * <p>Book: Chapter 8, "Processing" (프로세싱): latency = time on the wire + time waiting in a
 * queue + time being served. Averages hide the waiting; percentiles show it.
 *
 * <p>Percentiles use the nearest-rank method on the exact values (no histogram buckets), so
 * a test can check them to the nanosecond. Not thread-safe.
 */
public final class LatencyStats {

    private long[] values = new long[256];
    private int size;
    private boolean sorted = true;
    private long sum;

    /** Records one latency in nanoseconds (must not be negative). */
    public void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a latency cannot be negative, got " + nanos + " ns");
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        if (size > 0 && values[size - 1] > nanos) {
            sorted = false;
        }
        values[size++] = nanos;
        sum += nanos;
    }

    public int count() {
        return size;
    }

    /** The mean in nanoseconds, 0 when empty. */
    public double meanNanos() {
        return size == 0 ? 0 : (double) sum / size;
    }

    /** The nearest-rank percentile {@code p} in (0, 100] in nanoseconds; 0 when empty. */
    public long percentileNanos(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile is in (0, 100], got " + p);
        }
        if (size == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return values[Math.max(0, rank - 1)];
    }

    public Duration p50() {
        return Duration.ofNanos(percentileNanos(50));
    }

    public Duration p99() {
        return Duration.ofNanos(percentileNanos(99));
    }

    public Duration max() {
        return Duration.ofNanos(percentileNanos(100));
    }

    /** Milliseconds with one decimal, for tables. */
    public static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
