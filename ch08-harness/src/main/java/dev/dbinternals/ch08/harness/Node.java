package dev.dbinternals.ch08.harness;

/**
 * A process of the distributed system: a plain object that reacts to two things, a message
 * arrived and a timer fired, and talks to the world only through its {@link Context}.
 *
 * <p>Book: Chapter 8, "Distributed System Abstractions" (분산 시스템 추상화) and "Network
 * Partitions and Partial Failures" (네트워크 파티션과 부분 장애): the same node code runs in the
 * deterministic simulation and over real UDP sockets, so an algorithm tested under every fault
 * the harness can inject is the one that runs for real.
 *
 * <p>Rules that keep a run replayable: handlers run one at a time and return promptly; a node
 * never blocks, sleeps, starts threads, reads the real clock or uses its own randomness. Use
 * {@link Context#clock()} and {@link Context#random()} instead.
 *
 * <p>After a crash and restart the runtime builds a <em>fresh</em> instance from the node's
 * factory: memory is gone, timers are gone, and only what was synced to
 * {@link Context#storage()} survives.
 *
 * <p>Thread-safety: implementations need none; every runtime calls one handler at a time.
 */
public interface Node {

    /** Called when the node starts, and again on a fresh instance after every restart. */
    default void onStart(Context ctx) {
    }

    /** A message arrived: {@code message} is exactly the bytes the network delivered (maybe corrupted). */
    void onMessage(Context ctx, Address from, byte[] message);

    /** A timer set with {@link Context#setTimer} fired; {@code tag} is the tag it was set with. */
    default void onTimer(Context ctx, Object tag) {
    }
}
