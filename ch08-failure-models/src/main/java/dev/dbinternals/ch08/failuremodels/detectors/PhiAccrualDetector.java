package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The phi-accrual failure detector (Hayashibara et al., 2004): instead of a yes/no timeout it
 * outputs a suspicion level {@code phi = -log10(P_later(t))}, where {@code t} is the time since
 * the last heartbeat and {@code P_later(t) = 1 - F(t)} is the probability, under a normal
 * distribution {@code F} with the mean and spread of the recent inter-arrival times, that an
 * interval is longer than {@code t}; the application suspects when {@code phi} passes a threshold.
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리, 장애 검출기); the book returns to it
 * in Chapter 9. Property: the timeout adapts to the network it observes: with jittery links
 * the same threshold waits longer than with steady ones. In the paper's reading, {@code phi = 1}
 * means about a 10% chance that suspecting now is a mistake (a heartbeat still comes) under the
 * fitted distribution, {@code phi = 3} about 0.1%.
 * Uses the monotonic clock only. Not thread-safe.
 */
public final class PhiAccrualDetector implements FailureDetector {

    private final double threshold;
    private final int window;
    private final double minStdNanos;
    private final Map<Address, Window> peers = new TreeMap<>();

    /** A bounded ring of recent inter-arrival times. */
    private static final class Window {
        final long[] intervals;
        int size;
        int next;
        double sum;
        double sumSq;
        long last;

        Window(int capacity, long now, long firstGuess) {
            intervals = new long[capacity];
            last = now;
            add(firstGuess);
        }

        void add(long interval) {
            if (size == intervals.length) {
                long old = intervals[next];
                sum -= old;
                sumSq -= (double) old * old;
            } else {
                size++;
            }
            intervals[next] = interval;
            next = (next + 1) % intervals.length;
            sum += interval;
            sumSq += (double) interval * interval;
        }
    }

    private final long expectedIntervalNanos;

    /**
     * @param threshold           suspect when phi exceeds this (8 is a common default; 1..3 is eager)
     * @param window              how many recent intervals to remember
     * @param expectedIntervalNanos the heartbeat period, as the first sample
     * @param minStdNanos         a floor for the standard deviation, so a perfectly steady
     *                            sender does not make one late heartbeat look fatal
     */
    public PhiAccrualDetector(double threshold, int window, long expectedIntervalNanos, long minStdNanos) {
        if (!(threshold > 0) || window < 2 || expectedIntervalNanos <= 0 || minStdNanos <= 0) {
            throw new IllegalArgumentException("need threshold > 0, window >= 2, positive interval and min std");
        }
        this.threshold = threshold;
        this.window = window;
        this.expectedIntervalNanos = expectedIntervalNanos;
        this.minStdNanos = minStdNanos;
    }

    @Override
    public void start(List<Address> list, LocalClock clock) {
        long now = clock.monotonicNanos();
        list.forEach(p -> peers.put(p, new Window(window, now, expectedIntervalNanos)));
    }

    @Override
    public void heartbeat(Address from, LocalClock clock) {
        long now = clock.monotonicNanos();
        Window w = peers.get(from);
        if (w == null) {
            peers.put(from, new Window(window, now, expectedIntervalNanos));
            return;
        }
        w.add(now - w.last);
        w.last = now;
    }

    /** The current suspicion level of {@code peer} (0 for an unknown peer). */
    public double phi(Address peer, LocalClock clock) {
        Window w = peers.get(peer);
        if (w == null) {
            return 0;
        }
        double mean = w.sum / w.size;
        double variance = Math.max(0, w.sumSq / w.size - mean * mean);
        double std = Math.max(Math.sqrt(variance), minStdNanos);
        double since = clock.monotonicNanos() - w.last;
        return -Math.log10(Normal.upperTail((since - mean) / std));
    }

    /**
     * How many standard deviations past the mean interval the silence must reach before
     * {@code phi} passes {@code threshold}, under the normal model: the z with
     * {@code -log10(P(Z > z)) = threshold} (about 1.28 for 1, 3.09 for 3, 5.61 for 8). Found by
     * bisection on the same tail function the detector uses.
     */
    public static double standardDeviationsPastMean(double threshold) {
        if (!(threshold > 0) || threshold > 300) {
            throw new IllegalArgumentException("threshold must be in (0, 300], got " + threshold);
        }
        double lo = -10;
        double hi = 40;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (-Math.log10(Normal.upperTail(mid)) < threshold) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    @Override
    public boolean suspects(Address peer, LocalClock clock) {
        return phi(peer, clock) > threshold;
    }

    @Override
    public String name() {
        return "phi-accrual, threshold " + threshold;
    }

    /** The standard normal distribution's upper tail, accurate to ~1e-7 relative (an erfc approximation). */
    static final class Normal {
        private Normal() {
        }

        /** P(Z > z) for a standard normal Z; never exactly 0, so phi stays finite. */
        static double upperTail(double z) {
            return Math.max(0.5 * erfc(z / Math.sqrt(2)), Double.MIN_NORMAL);
        }

        /** Complementary error function, by the Chebyshev fit in Numerical Recipes (erfcc). */
        static double erfc(double x) {
            double z = Math.abs(x);
            double t = 1.0 / (1.0 + 0.5 * z);
            double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                    + t * (-0.82215223 + t * 0.17087277)))))))));
            return x >= 0 ? ans : 2.0 - ans;
        }
    }
}
