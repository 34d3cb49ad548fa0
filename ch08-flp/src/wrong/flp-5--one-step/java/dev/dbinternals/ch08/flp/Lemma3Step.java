// Wrong solution for flp-5: looks at most one step ahead before e, as if one delay were always enough.
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
        for (var first : analysis.model().next(c)) {
            if (first.label().equals(e)) {
                continue;
            }
            for (var t : analysis.model().next(first.target())) {
                if (t.label().equals(e) && analysis.valence(t.target()) == Valence.BIVALENT) {
                    return Optional.of(List.of(first.label(), e));
                }
            }
        }
        return Optional.empty();
    }
}
