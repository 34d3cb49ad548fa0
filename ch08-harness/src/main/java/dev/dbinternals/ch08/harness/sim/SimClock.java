package dev.dbinternals.ch08.harness.sim;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.time.Duration;
import java.util.Objects;

/**
 * One node's simulated clocks, and the knobs that make them wrong: offset, drift, steps.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간) and "Network Partitions and Partial
 * Failures" (네트워크 파티션과 부분 장애: the harness that section asks for causes clock drift). The wall clock reads
 * {@code offset + true time x (1 + drift)} and can jump (forward or backward, as after an NTP
 * correction). The monotonic clock runs at the same drifting rate from an arbitrary origin of
 * its own and never goes backward, whatever the wall clock does; that is why timeouts are
 * measured with it ({@link dev.dbinternals.ch08.harness.Context#setTimer} does). Its origin is
 * a process's, not the machine's: at every {@link Simulation#restart} the monotonic clock starts
 * again from a new arbitrary (seeded) origin, which may be below its last reading, as a new
 * JVM's {@code System.nanoTime()} may (Java promises nothing about its origin across JVMs), and
 * as {@code CLOCK_MONOTONIC} does after a reboot. Only a difference of two readings of one life
 * means anything. Offset, drift and the wall clock carry on across a restart.
 *
 * <p>The node reads it as its {@link LocalClock}; tests and fault plans turn the knobs. Not
 * thread-safe: use it from the thread that runs the simulation.
 */
public final class SimClock implements LocalClock {

    /** The simulated wall clock starts at 2026-01-01T00:00:00Z, so readings look like real dates. */
    public static final long EPOCH_MILLIS = 1_767_225_600_000L;
    private static final long MAX_STEP = Duration.ofDays(365).toNanos();

    private final Simulation sim;
    private final Address node;
    // Piecewise-linear: readings at baseTrue, then advancing at `rate` per true nanosecond.
    private long baseTrue;
    private long baseWall;
    private long baseMono;
    private double rate = 1.0;
    private double driftPpm;

    SimClock(Simulation sim, Address node, long monotonicOrigin) {
        this.sim = sim;
        this.node = node;
        this.baseTrue = sim.nowNanos();
        this.baseWall = EPOCH_MILLIS * 1_000_000L + baseTrue;
        this.baseMono = monotonicOrigin;
    }

    @Override
    public long wallMillis() {
        return Math.floorDiv(wallNanosAt(sim.nowNanos()), 1_000_000L);
    }

    @Override
    public long monotonicNanos() {
        return monoAt(sim.nowNanos());
    }

    long wallMillisAt(long t) {
        return Math.floorDiv(wallNanosAt(t), 1_000_000L);
    }

    long wallNanosAt(long t) {
        return baseWall + elapsed(t);
    }

    long monoAt(long t) {
        return baseMono + elapsed(t);
    }

    private long elapsed(long t) {
        long d = t - baseTrue;
        // d + round(d x drift) rather than d x rate: exact for whole ppm and never decreasing in d
        return rate == 1.0 ? d : d + Math.round(d * (driftPpm / 1e6));
    }

    /** True nanoseconds that pass while this clock's monotonic time advances by {@code localNanos}. */
    long trueNanosFor(long localNanos) {
        return rate == 1.0 ? localNanos : (long) Math.ceil(localNanos / rate);
    }

    private void rebase() {
        long t = sim.nowNanos();
        baseWall = wallNanosAt(t);
        baseMono = monoAt(t);
        baseTrue = t;
    }

    /** A restart: the monotonic clock reads {@code origin} now, and runs on from there at the same rate. */
    void newMonotonicOrigin(long origin) {
        rebase();
        baseMono = origin;
    }

    /** Sets the wall clock to read true time plus {@code offset} from now on (its drift continues from here). */
    public void setOffset(Duration offset) {
        Objects.requireNonNull(offset, "offset");
        if (offset.abs().toNanos() > MAX_STEP) {
            throw new IllegalArgumentException("clock offset must be within one year, got " + offset);
        }
        rebase();
        long before = baseWall;
        baseWall = EPOCH_MILLIS * 1_000_000L + baseTrue + offset.toNanos();
        recordStep("offset set to " + Trace.formatNanos(offset.toNanos()) + " (wall moved "
                + Trace.formatNanos(baseWall - before) + ")");
    }

    /**
     * Makes both clocks run fast (positive) or slow (negative) by {@code ppm} parts per million;
     * quartz drifts by tens of ppm, larger values magnify the effect. Must be in
     * (-1,000,000, 1,000,000]: a clock that stops or runs backward is not a drift.
     */
    public void setDriftPpm(double ppm) {
        if (!(ppm > -1_000_000 && ppm <= 1_000_000)) {
            throw new IllegalArgumentException("drift must be in (-1000000, 1000000] ppm, got " + ppm);
        }
        rebase();
        this.driftPpm = ppm;
        this.rate = 1.0 + ppm / 1e6;
        recordStep("drift set to " + ppm + " ppm");
    }

    /**
     * Jumps the wall clock by {@code delta}: negative is backward (as when NTP corrects a fast
     * clock). The monotonic clock does not move.
     */
    public void step(Duration delta) {
        Objects.requireNonNull(delta, "delta");
        if (delta.abs().toNanos() > MAX_STEP) {
            throw new IllegalArgumentException("clock step must be within one year, got " + delta);
        }
        rebase();
        baseWall += delta.toNanos();
        recordStep("wall stepped " + (delta.isNegative() ? "back " : "forward ")
                + Trace.formatNanos(Math.abs(delta.toNanos())));
    }

    private void recordStep(String detail) {
        sim.record(sim.nowNanos(), TraceEvent.Kind.CLOCK_STEP, node, null, -1, null, detail);
    }

    /** The wall clock's current distance from true time (what an ideal NTP would measure). */
    public Duration offset() {
        long t = sim.nowNanos();
        return Duration.ofNanos(wallNanosAt(t) - EPOCH_MILLIS * 1_000_000L - t);
    }
}
