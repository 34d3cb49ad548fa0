// Wrong solution for links-6: the main LinkChecks.noCreation already checks no creation; every violation it finds is a message never sent.
package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.Address;
import java.util.ArrayList;
import java.util.List;

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
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Event e = history.get(i);
            if (e.kind() != LinkEvent.Kind.DELIVER) {
                continue;
            }
            List<LinkEvent> upToHere = history.subList(0, i + 1).stream()
                    .map(x -> new LinkEvent(x.kind(), x.timeNanos(), x.from(), x.to(), x.payload())).toList();
            List<LinkEvent> others = new ArrayList<>(upToHere.subList(0, i).stream().filter(x -> x.kind() == LinkEvent.Kind.SEND).toList());
            others.add(upToHere.get(i));
            if (!LinkChecks.noCreation(others).holds()) {
                out.add(new Violation(e, Reason.NEVER_SENT));
            }
        }
        return out;
    }
}
