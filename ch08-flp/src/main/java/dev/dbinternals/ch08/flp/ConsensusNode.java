package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.Node;

/**
 * A consensus process on the harness simulation, as the timing experiments see it: its input,
 * its decision ({@link Reaction#NONE} until it decides), when it decided, and how many times it
 * acted on a timeout that turned out wrong (a false suspicion).
 */
public interface ConsensusNode extends Node {

    int input();

    int decision();

    /** Nanoseconds from the node's start to its decision on its own monotonic clock, or -1. */
    long decidedAtNanos();

    /**
     * Times this node treated a live process as failed: a FloodSet round closed before a live
     * sender's message arrived, or a proposer gave up on a live leader and started a new ballot.
     */
    int falseSuspicions();
}
