// Wrong solution for flp-5: tries e immediately and nothing else, as if the adversary could only pick the next step.
package dev.dbinternals.ch08.flp;

import java.util.List;
import java.util.Optional;

public final class Lemma3Step {

    private Lemma3Step() {
    }

    public static Optional<List<String>> find(FlpAnalysis analysis, Configuration c, String e) {
        for (var t : analysis.model().next(c)) {
            if (t.label().equals(e) && analysis.valence(t.target()) == Valence.BIVALENT) {
                return Optional.of(List.of(e));
            }
        }
        return Optional.empty();
    }
}
