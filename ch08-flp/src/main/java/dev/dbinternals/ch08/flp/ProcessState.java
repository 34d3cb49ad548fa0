package dev.dbinternals.ch08.flp;

import java.util.List;

/**
 * One process in a {@link Configuration}: its input, what it received in order, messages it
 * has yet to hand to the network (a crash can cut a broadcast in half), its decision
 * ({@link Reaction#NONE} while undecided) and whether it crashed. Immutable.
 */
public record ProcessState(int input, List<Message> received, List<Message> outbox, int decision, boolean crashed) {

    public ProcessState {
        received = List.copyOf(received);
        outbox = List.copyOf(outbox);
    }

    public boolean decided() {
        return decision != Reaction.NONE;
    }

    /** Correct means not crashed (in this run so far). */
    public boolean correct() {
        return !crashed;
    }
}
