// Wrong solution for flp-4: delegates to FlpAnalysis.criticalStep, whose one critical configuration most runs never pass through.
package dev.dbinternals.ch08.flp;

import java.util.List;

public final class OutcomeFixed {

    private OutcomeFixed() {
    }

    public static int step(FlpAnalysis analysis, String inputs, List<String> run) {
        var search = analysis.criticalStep(inputs);
        if (search.step().isEmpty()) {
            return 0;
        }
        List<String> path = search.step().get().path();
        return Math.min(path.size() + 1, run.size());
    }
}
