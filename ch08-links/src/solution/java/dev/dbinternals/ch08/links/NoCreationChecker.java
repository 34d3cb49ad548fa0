package dev.dbinternals.ch08.links;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exercise links-6, reference solution: the "no creation" checker.
 */
public final class NoCreationChecker {

    private NoCreationChecker() {
    }

    public static List<String> violations(List<LinkEvent> history) {
        Set<List<Object>> sent = new HashSet<>(); // membership only: iteration order never matters here
        List<String> out = new ArrayList<>();
        for (LinkEvent e : history) {
            List<Object> key = List.of(e.from(), e.to(), e.message());
            if (e.kind() == LinkEvent.Kind.SEND) {
                sent.add(key);
            } else if (!sent.contains(key)) {
                out.add(e.message() + " delivered " + e.from() + "->" + e.to() + " at " + e.timeNanos() + "ns without a send before it");
            }
        }
        return out;
    }
}
