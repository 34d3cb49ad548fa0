package dev.dbinternals.ch08.cascading.processing;

import java.util.Arrays;

/**
 * Exercise cascading-4 (reference solution): λ, W and L measured independently. Not thread-safe.
 */
public final class LittleMeter {

    private long[] arrivals = new long[64];
    private long[] departures = new long[64];
    private int n;

    public void record(long arrivalNanos, long departureNanos) {
        if (departureNanos < arrivalNanos) {
            throw new IllegalArgumentException("departure " + departureNanos + " before arrival " + arrivalNanos);
        }
        if (n == arrivals.length) {
            arrivals = Arrays.copyOf(arrivals, n * 2);
            departures = Arrays.copyOf(departures, n * 2);
        }
        arrivals[n] = arrivalNanos;
        departures[n] = departureNanos;
        n++;
    }

    private long windowStart() {
        return Arrays.stream(arrivals, 0, n).min().orElse(0);
    }

    private long windowEnd() {
        return Arrays.stream(departures, 0, n).max().orElse(0);
    }

    public double arrivalRatePerSecond() {
        long len = windowEnd() - windowStart();
        return len == 0 ? 0 : n * 1e9 / len;
    }

    public double meanTimeInSystemNanos() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += departures[i] - arrivals[i];
        }
        return n == 0 ? 0 : sum / n;
    }

    public double averageInSystem() {
        long len = windowEnd() - windowStart();
        if (len == 0) {
            return 0;
        }
        // each request adds 1 to n(t) for exactly (departure - arrival): the integral is the sum
        // of residence times, which is why L = λW holds whatever the order of events
        long[] a = Arrays.copyOf(arrivals, n);
        long[] d = Arrays.copyOf(departures, n);
        Arrays.sort(a);
        Arrays.sort(d);
        double area = 0;
        int i = 0;
        int j = 0;
        int inside = 0;
        long last = a[0];
        while (j < n) {
            long t = i < n && a[i] <= d[j] ? a[i] : d[j];
            area += (double) inside * (t - last);
            last = t;
            if (i < n && a[i] <= d[j]) {
                inside++;
                i++;
            } else {
                inside--;
                j++;
            }
        }
        return area / len;
    }
}
