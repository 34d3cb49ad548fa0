package dev.dbinternals.ch08.harness;

/**
 * The clocks a node can read: its own, never the true time.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간): two servers' clocks are never assumed to be
 * in sync. The wall clock may run with an offset, drift, and step forward or backward (as after
 * an NTP correction); the monotonic clock never goes backward and is what timeouts should use.
 *
 * <p>Implementations: the simulation's is read on the simulation thread; the UDP runtime's
 * reads the machine's clocks and is thread-safe.
 */
public interface LocalClock {

    /** Wall-clock time in milliseconds since the epoch, as this node believes it to be. */
    long wallMillis();

    /** Monotonic time in nanoseconds from an arbitrary origin; never decreases. */
    long monotonicNanos();
}
