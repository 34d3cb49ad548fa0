package dev.dbinternals.ch08.flp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exercise flp-5, reference solution: breadth-first over the configurations reachable from
 * {@code c} without {@code e} (FLP's set 𝒞); for each, apply {@code e} and look up its valence
 * (a member of 𝒟 = e(𝒞)), all valences coming from one exploration from {@code c}. The first bivalent one gives a shortest schedule. The model is finite and
 * {@code e} stays applicable until taken (a message in flight stays in flight, an unsent message
 * stays first in its sender's queue), so an exhausted search means there is none.
 */
public final class Lemma3Step {

    private Lemma3Step() {
    }

    public static Optional<List<String>> find(FlpAnalysis analysis, Configuration c, String e) {
        ConsensusModel model = analysis.model();
        // one exploration gives the valence of everything reachable from c, e's results included
        Map<Configuration, Valence> valences = analysis.valences(c);
        Map<Configuration, Configuration> parent = new HashMap<>();
        Map<Configuration, String> via = new HashMap<>();
        ArrayDeque<Configuration> queue = new ArrayDeque<>();
        parent.put(c, null);
        queue.add(c);
        while (!queue.isEmpty()) {
            Configuration d = queue.poll();
            for (var t : model.next(d)) {
                if (t.label().equals(e)) {
                    if (valences.get(t.target()) == Valence.BIVALENT) {
                        List<String> path = new ArrayList<>();
                        for (Configuration x = d; parent.get(x) != null; x = parent.get(x)) {
                            path.add(0, via.get(x));
                        }
                        path.add(e);
                        return Optional.of(path);
                    }
                } else if (!parent.containsKey(t.target())) {
                    parent.put(t.target(), d);
                    via.put(t.target(), t.label());
                    queue.add(t.target());
                }
            }
        }
        return Optional.empty();
    }
}
