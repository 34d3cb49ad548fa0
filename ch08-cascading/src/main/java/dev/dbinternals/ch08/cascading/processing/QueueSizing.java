package dev.dbinternals.ch08.cascading.processing;

import java.time.Duration;
import java.util.Objects;

/**
 * A small calculator for sizing a queue from measured numbers: Little's law, the waiting time a
 * queue of a given size can add, and the room a burst needs.
 *
 * <p>Book: Chapter 8, "Processing" (프로세싱). In paraphrase: when the workload is fairly
 * stable, a queue can be sized by measuring the processing time and the average time a
 * message spends in the queue, keeping throughput up and latency acceptable.
 *
 * <p>The laws behind it:
 * <ul>
 *   <li><b>Little's law</b> (리틀의 법칙): in a stable system the average number inside
 *   L = λ·W, arrival rate times average time inside. It needs no assumption about
 *   distributions, which is why a measurement can be checked against it;</li>
 *   <li>a server with service time S serves at most 1/S per second (μ); with utilisation
 *   ρ = λ·S ≥ 1 the queue grows without bound and <em>no</em> capacity is enough;</li>
 *   <li>a request that joins a queue of n waits n·S before its own service: a capacity of n caps
 *   the wait at n·S. A bigger queue never raises throughput past μ. Under a <em>sustained</em>
 *   overload the extra room only holds waiting requests: latency grows and the rejections come
 *   anyway, a little later. For a <em>transient</em> burst the trade is different: the room
 *   turns rejections into waiting, which is what a queue is for ({@link #burstCapacity});</li>
 *   <li>a <b>closed loop</b> that keeps at most w requests outstanding (a credit window) is
 *   Little's law with L = w: each request takes W = w / λ. When w·S is shorter than R, the time
 *   one request takes with no queue (network both ways plus one service), the server idles
 *   between answers, λ = w / R and W = R; otherwise the server is the bottleneck, λ = 1/S and
 *   W = w·S. So W ≈ max(R, w·S) ({@link #closedLoopLatency}).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class QueueSizing {

    private QueueSizing() {
    }

    /** ρ = λ·S: the fraction of time the worker is busy; at or above 1 the queue only grows. */
    public static double utilization(double arrivalsPerSecond, Duration serviceTime) {
        return rate("arrival rate", arrivalsPerSecond) * seconds("service time", serviceTime);
    }

    /** Little's law: L = λ·W, the average number of requests inside (waiting or in service). */
    public static double littlesL(double arrivalsPerSecond, Duration timeInSystem) {
        Objects.requireNonNull(timeInSystem, "timeInSystem");
        if (timeInSystem.isNegative()) {
            throw new IllegalArgumentException("time in system must not be negative, got " + timeInSystem);
        }
        return rate("arrival rate", arrivalsPerSecond) * timeInSystem.toNanos() / 1e9;
    }

    /** Little's law solved for W: the average time inside given L and λ. */
    public static Duration littlesW(double averageInSystem, double arrivalsPerSecond) {
        if (!(averageInSystem >= 0) || Double.isInfinite(averageInSystem)) {
            throw new IllegalArgumentException("average in system must be a finite number >= 0, got " + averageInSystem);
        }
        double lambda = rate("arrival rate", arrivalsPerSecond);
        if (lambda == 0) {
            throw new IllegalArgumentException("W is undefined when nothing arrives (arrival rate 0)");
        }
        return Duration.ofNanos(Math.round(averageInSystem / lambda * 1e9));
    }

    /** The longest a request accepted into a queue of {@code capacity} waits before service: capacity·S. */
    public static Duration maxWait(int capacity, Duration serviceTime) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        seconds("service time", serviceTime);
        return serviceTime.multipliedBy(capacity);
    }

    /**
     * The largest queue whose worst case (wait plus own service) stays within {@code budget}:
     * floor((budget − S) / S). Throws when even an empty queue misses the budget.
     */
    public static int capacityForLatencyBudget(Duration serviceTime, Duration budget) {
        long s = seconds("service time", serviceTime) > 0 ? serviceTime.toNanos() : 0;
        Objects.requireNonNull(budget, "budget");
        if (budget.toNanos() < s) {
            throw new IllegalArgumentException("a latency budget of " + budget + " is shorter than one service ("
                    + serviceTime + "): no queue can meet it");
        }
        long n = (budget.toNanos() - s) / s;
        return (int) Math.min(Integer.MAX_VALUE - 1, n);
    }

    /**
     * Room a burst needs so nothing is rejected: (λ_burst − μ)·duration requests pile up while
     * it lasts (0 when the burst stays below the service rate).
     */
    public static long burstCapacity(double burstPerSecond, Duration serviceTime, Duration burstLength) {
        double mu = 1.0 / seconds("service time", serviceTime);
        double excess = rate("burst rate", burstPerSecond) - mu;
        return excess <= 0 ? 0 : (long) Math.ceil(excess * seconds("burst length", burstLength));
    }

    /**
     * Expected time inside for Poisson arrivals and a constant service time (the M/D/1 queue):
     * W = S + ρ·S / (2(1 − ρ)). Requires ρ &lt; 1.
     */
    public static Duration md1TimeInSystem(double arrivalsPerSecond, Duration serviceTime) {
        double rho = utilization(arrivalsPerSecond, serviceTime);
        if (rho >= 1) {
            throw new IllegalArgumentException("utilisation " + rho + " >= 1: the queue grows without bound, "
                    + "there is no steady-state waiting time");
        }
        double s = serviceTime.toNanos();
        return Duration.ofNanos(Math.round(s + rho * s / (2 * (1 - rho))));
    }

    /**
     * Little's law for a closed loop with {@code window} requests outstanding: the time each one
     * takes, max(R, window·S), where R is the unloaded round trip (network both ways plus one
     * service). Exact for constant delays; a prediction to compare with a measurement otherwise.
     */
    public static Duration closedLoopLatency(int window, Duration roundTrip, Duration serviceTime) {
        window("window", window);
        seconds("round trip", roundTrip);
        seconds("service time", serviceTime);
        Duration busy = serviceTime.multipliedBy(window);
        return busy.compareTo(roundTrip) > 0 ? busy : roundTrip;
    }

    /** The throughput of the same closed loop: min(1/S, window / R) per second. */
    public static double closedLoopThroughput(int window, Duration roundTrip, Duration serviceTime) {
        window("window", window);
        return Math.min(1 / seconds("service time", serviceTime), window / seconds("round trip", roundTrip));
    }

    private static void window(String what, int window) {
        if (window < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + window);
        }
    }

    private static double rate(String what, double perSecond) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0 per second, got " + perSecond);
        }
        return perSecond;
    }

    private static double seconds(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d.toNanos() / 1e9;
    }
}
