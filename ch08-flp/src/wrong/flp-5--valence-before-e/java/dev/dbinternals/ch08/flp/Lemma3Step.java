// Wrong solution for flp-5: checks that the configuration before e is bivalent, not the one e leads to.
package dev.dbinternals.ch08.flp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class Lemma3Step {

    private Lemma3Step() {
    }

    public static Optional<List<String>> find(FlpAnalysis analysis, Configuration c, String e) {
        Map<Configuration, Configuration> parent = new HashMap<>();
        Map<Configuration, String> via = new HashMap<>();
        ArrayDeque<Configuration> queue = new ArrayDeque<>();
        parent.put(c, null);
        queue.add(c);
        while (!queue.isEmpty()) {
            Configuration d = queue.poll();
            boolean eApplies = analysis.model().next(d).stream().anyMatch(t -> t.label().equals(e));
            if (eApplies && analysis.valence(d) == Valence.BIVALENT) {
                List<String> path = new ArrayList<>();
                for (Configuration x = d; parent.get(x) != null; x = parent.get(x)) {
                    path.add(0, via.get(x));
                }
                path.add(e);
                return Optional.of(path);
            }
            for (var t : analysis.model().next(d)) {
                if (!t.label().equals(e) && !parent.containsKey(t.target())) {
                    parent.put(t.target(), d);
                    via.put(t.target(), t.label());
                    queue.add(t.target());
                }
            }
        }
        return Optional.empty();
    }
}
