// Wrong solution for harness-2: duplication is judged by content, so two sends of the same bytes are called a duplicate.
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
        Set<String> seen = new HashSet<>(); // the contents delivered so far
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
                if (!seen.add(e.node() + " " + Arrays.toString(e.payload()))) { // the same bytes again: a duplicate
                    out.add("duplication: #" + e.messageId() + " delivered again to " + e.node() + " at "
                            + Trace.formatNanos(e.timeNanos()));
                }
            }
        }
        return out;
    }
}
