// Wrong solution for harness-2: flags every delivery of a duplicated message, the first one too, although only the extra copies break the property.
package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class LinkChecker {
    private LinkChecker() {
    }

    public static List<String> violations(Trace trace) {
        Map<Long, TraceEvent> sends = new HashMap<>(); // looked up by id, never iterated
        Map<Long, Integer> copies = new HashMap<>();
        for (TraceEvent e : trace.ofKind(TraceEvent.Kind.DELIVER)) {
            copies.merge(e.messageId(), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            if (e.kind() == TraceEvent.Kind.SEND) {
                sends.put(e.messageId(), e);
            } else if (e.kind() == TraceEvent.Kind.DELIVER) {
                TraceEvent s = sends.get(e.messageId());
                if (s == null || !s.node().equals(e.peer()) || !s.peer().equals(e.node())
                        || !Arrays.equals(s.payload(), e.payload())) {
                    out.add("creation: #" + e.messageId() + " delivered to " + e.node() + " at "
                            + Trace.formatNanos(e.timeNanos()) + " was never sent like that");
                }
                if (copies.get(e.messageId()) > 1) { // every copy of a duplicated message is a violation
                    out.add("duplication: #" + e.messageId() + " delivered again to " + e.node() + " at "
                            + Trace.formatNanos(e.timeNanos()));
                }
            }
        }
        return out;
    }
}
