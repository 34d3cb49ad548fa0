// Wrong solution for flp-4: counts configurations from 1 instead of steps, so the answer is one too high.
package dev.dbinternals.ch08.flp;

import java.util.List;

public final class OutcomeFixed {

    private OutcomeFixed() {
    }

    public static int step(FlpAnalysis analysis, String inputs, List<String> run) {
        Configuration c = analysis.model().initial(inputs);
        int index = 1;
        if (analysis.valence(c) != Valence.BIVALENT) {
            return index;
        }
        for (String label : run) {
            Configuration from = c;
            c = analysis.model().next(from).stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow().target();
            index++;
            if (analysis.valence(c) != Valence.BIVALENT) {
                return Math.min(index, run.size());
            }
        }
        return run.size();
    }
}
