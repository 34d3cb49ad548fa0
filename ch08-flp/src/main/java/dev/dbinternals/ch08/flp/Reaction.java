package dev.dbinternals.ch08.flp;

import java.util.List;

/**
 * What a process does in one step: the messages it sends, and a decision, if it decides now
 * ({@link #NONE} otherwise). Decisions are irrevocable: the model keeps the first one.
 */
public record Reaction(List<Message> send, int decide) {

    /** No decision in this step. */
    public static final int NONE = -1;

    public Reaction {
        send = List.copyOf(send);
        if (decide != NONE && decide != 0 && decide != 1) {
            throw new IllegalArgumentException("a decision is 0 or 1 (binary consensus), got " + decide);
        }
    }

    public static Reaction send(List<Message> messages) {
        return new Reaction(messages, NONE);
    }

    public static Reaction decide(int value, List<Message> messages) {
        return new Reaction(messages, value);
    }

    public static Reaction nothing() {
        return new Reaction(List.of(), NONE);
    }
}
