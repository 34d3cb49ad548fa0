package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.links.ladder.Payloads;

/**
 * One event of a link's history as the property checkers see it: a process sent a message to
 * another, or a process had a message delivered to it.
 *
 * <p>The same record serves two levels: the network's frames (from the harness trace, for the
 * fair-loss properties) and the messages an application handed to a link and got back from it
 * (from a {@link LinkLog}, for the perfect-link properties). {@code message} names the message
 * (its text, see {@link Payloads#describe}); two events are about the same message when their
 * {@code from}, {@code to} and {@code message} are equal.
 *
 * @param kind     what happened
 * @param timeNanos when (true virtual time, or any clock that orders the events)
 * @param from     the sender
 * @param to       the receiver
 * @param message  the message's name
 */
public record LinkEvent(Kind kind, long timeNanos, Address from, Address to, String message) {

    /** Sent by {@code from}, or delivered to {@code to}. */
    public enum Kind {
        SEND, DELIVER
    }

    public static LinkEvent send(long timeNanos, Address from, Address to, String message) {
        return new LinkEvent(Kind.SEND, timeNanos, from, to, message);
    }

    public static LinkEvent deliver(long timeNanos, Address from, Address to, String message) {
        return new LinkEvent(Kind.DELIVER, timeNanos, from, to, message);
    }

    @Override
    public String toString() {
        return timeNanos + "ns " + kind + " " + from + "->" + to + " " + message;
    }
}
