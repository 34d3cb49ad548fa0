// Wrong solution for links-6: a message is its sequence number, so a delivery is fine when its number was sent.
package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exercise links-6, a wrong solution (see the first line): the "no creation" checker with message identities.
 */
public final class NoCreationChecker {

    private NoCreationChecker() {
    }

    /** One event of the history: {@code from} sent, or {@code to} had delivered, message {@code id} carrying {@code payload}. */
    public record Event(LinkEvent.Kind kind, long timeNanos, Address from, Address to, long id, String payload) {
    }

    /** What kind of creation a delivery is. */
    public enum Reason {
        NEVER_SENT, ALTERED, BEFORE_SEND
    }

    /** A delivery that breaks no creation, and why. */
    public record Violation(Event delivery, Reason reason) {
    }

    public static List<Violation> violations(List<Event> history) {
        Set<List<Object>> sentIds = new HashSet<>(); // membership only: iteration order never matters here
        Set<List<Object>> sentMessages = new HashSet<>();
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Event e = history.get(i);
            List<Object> id = List.of(e.from(), e.to(), e.id());
            List<Object> message = List.of(e.from(), e.to(), e.id());
            if (e.kind() == LinkEvent.Kind.SEND) {
                sentIds.add(id);
                sentMessages.add(message);
            } else if (!sentMessages.contains(message)) {
                out.add(new Violation(e, sentIds.contains(id) ? Reason.ALTERED
                        : sentLater(history, i, message) ? Reason.BEFORE_SEND : Reason.NEVER_SENT));
            }
        }
        return out;
    }

    private static boolean sentLater(List<Event> history, int after, List<Object> message) {
        for (int j = after + 1; j < history.size(); j++) {
            Event e = history.get(j);
            if (e.kind() == LinkEvent.Kind.SEND && message.equals(List.of(e.from(), e.to(), e.id()))) {
                return true;
            }
        }
        return false;
    }
}
