// Wrong solution for harness-2: a delivery whose id was sent counts as sent, whatever bytes arrived, so corruption passes as no creation.
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
        Set<Long> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            if (e.kind() == TraceEvent.Kind.SEND) {
                sends.put(e.messageId(), e);
            } else if (e.kind() == TraceEvent.Kind.DELIVER) {
                TraceEvent s = sends.get(e.messageId());
                if (s == null) { // a known id is taken as proof enough that the message was sent
                    out.add("creation: #" + e.messageId() + " delivered to " + e.node() + " at "
                            + Trace.formatNanos(e.timeNanos()) + " was never sent like that");
                }
                if (!seen.add(e.messageId())) {
                    out.add("duplication: #" + e.messageId() + " delivered again to " + e.node() + " at "
                            + Trace.formatNanos(e.timeNanos()));
                }
            }
        }
        return out;
    }
}
