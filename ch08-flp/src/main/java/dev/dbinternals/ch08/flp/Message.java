package dev.dbinternals.ch08.flp;

import java.util.Comparator;

/**
 * A message of the asynchronous consensus model: sender, receiver, a kind ("value",
 * "decide", ...) and a binary value. Ordered, so that the set of messages in flight has one
 * canonical form and the explorer recognises equal configurations.
 */
public record Message(int from, int to, String kind, int value) implements Comparable<Message> {

    private static final Comparator<Message> ORDER = Comparator.comparingInt(Message::from)
            .thenComparingInt(Message::to).thenComparing(Message::kind).thenComparingInt(Message::value);

    @Override
    public int compareTo(Message o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return "p" + from + "→p" + to + " " + kind + "(" + value + ")";
    }
}
