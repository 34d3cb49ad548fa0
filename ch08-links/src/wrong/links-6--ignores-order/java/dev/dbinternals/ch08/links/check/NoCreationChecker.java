// Wrong solution for links-6: a delivery is fine if its message is sent anywhere in the history, before or after.
package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public final class NoCreationChecker {

    private NoCreationChecker() {
    }

    public record Event(LinkEvent.Kind kind, long timeNanos, Address from, Address to, long id, String payload) {
    }

    public enum Reason {
        NEVER_SENT, ALTERED, BEFORE_SEND
    }

    public record Violation(Event delivery, Reason reason) {
    }

    public static List<Violation> violations(List<Event> history) {
        Set<List<Object>> ids = new HashSet<>();
        Set<List<Object>> messages = new HashSet<>();
        for (Event e : history) {
            if (e.kind() == LinkEvent.Kind.SEND) {
                ids.add(List.of(e.from(), e.to(), e.id()));
                messages.add(List.of(e.from(), e.to(), e.id(), e.payload()));
            }
        }
        List<Violation> out = new ArrayList<>();
        for (Event e : history) {
            if (e.kind() == LinkEvent.Kind.DELIVER && !messages.contains(List.of(e.from(), e.to(), e.id(), e.payload()))) {
                out.add(new Violation(e, ids.contains(List.of(e.from(), e.to(), e.id())) ? Reason.ALTERED : Reason.NEVER_SENT));
            }
        }
        return out;
    }
}
