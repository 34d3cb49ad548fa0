package dev.dbinternals.ch08.harness.sim;

/**
 * A node's handler threw: the message names the node, what it was handling, the virtual time
 * and the seed, so the failure can be replayed.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애):
 * a failure found by the harness must be replayable. Immutable and thread-safe.
 */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
