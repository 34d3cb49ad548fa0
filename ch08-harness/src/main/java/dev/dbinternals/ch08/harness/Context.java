package dev.dbinternals.ch08.harness;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link Node} may do to the world. Implemented by the simulation (virtual time,
 * seeded randomness, injected faults) and by the UDP runtime (real sockets and clocks).
 *
 * <p>Book: Chapter 8, "Distributed System Abstractions" (분산 시스템 추상화): a process only
 * sends messages, keeps time and stores state; this interface is all of that.
 *
 * <p>Not thread-safe: use it only from inside the node's own handlers.
 */
public interface Context {

    /** This node's address. */
    Address self();

    /**
     * Every node of the system, this one included, sorted by name: the same list in the simulation
     * and over UDP, in one JVM or many, whatever order the nodes were added in.
     */
    List<Address> nodes();

    /**
     * Hands {@code message} to the network for {@code to}. Fire and forget, as on a fair-loss
     * link: the message may be lost, duplicated, delayed, reordered or corrupted, and nothing
     * tells the sender which. The array is copied; the caller may reuse it.
     */
    void send(Address to, byte[] message);

    /** Sets a timer that calls {@link Node#onTimer} with {@code tag} after {@code delay} of this node's monotonic time. */
    TimerId setTimer(Duration delay, Object tag);

    /** Cancels a timer; cancelling one that already fired or was cancelled does nothing. */
    void cancelTimer(TimerId timer);

    /** This node's local clocks: a wall clock that may be offset, drift and step, and a monotonic clock. */
    LocalClock clock();

    /** Randomness for this node, drawn from the run's seed. */
    RandomGenerator random();

    /** Durable storage: only what is {@link DurableStorage#sync() synced} survives a crash. */
    DurableStorage storage();

    /** Writes a free-text note into the trace, attributed to this node. */
    void note(String text);

    /**
     * Reports that this node threw away a frame it received without reading it: it did not
     * decode (corrupted, truncated, or not a message of this protocol). The runtime counts it
     * per node ({@code Simulation.discarded}, {@code UdpCluster.discardedCount}); the node goes
     * on as if the frame had never come. {@code Codec.receive} calls it; a node that reads
     * frames another way may too. The default counts nothing (for hand-made test contexts).
     */
    default void discard(String why) {
    }
}
