// Wrong solution for flp-4: the outcome is fixed by the last delivery before the first decision (the decider's information arrived then).
package dev.dbinternals.ch08.flp;

import java.util.List;

public final class OutcomeFixed {

    private OutcomeFixed() {
    }

    public static int step(FlpAnalysis analysis, String inputs, List<String> run) {
        Configuration c = analysis.model().initial(inputs);
        if (analysis.valence(c) != Valence.BIVALENT) {
            return 0;
        }
        int lastDelivery = 0;
        for (int i = 0; i < run.size(); i++) {
            String label = run.get(i);
            Configuration from = c;
            c = analysis.model().next(from).stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow().target();
            if (c.processes().stream().anyMatch(ProcessState::decided)) {
                return lastDelivery > 0 ? lastDelivery : i + 1;
            }
            if (label.startsWith("deliver")) {
                lastDelivery = i + 1;
            }
        }
        return run.size();
    }
}
