package dev.dbinternals.ch08.flp;

import java.util.List;

/**
 * Exercise flp-4, reference solution: replay the run and ask the valence of each configuration.
 * Valence can only shrink along a run (what is reachable from a later configuration is reachable
 * from an earlier one), so the first configuration that is not bivalent marks the step. It is
 * usually before anyone decides: the outcome is fixed when the deciding information is in the
 * network, not when a process writes it down.
 */
public final class OutcomeFixed {

    private OutcomeFixed() {
    }

    public static int step(FlpAnalysis analysis, String inputs, List<String> run) {
        ConsensusModel model = analysis.model();
        Configuration c = model.initial(inputs);
        if (analysis.valence(c) != Valence.BIVALENT) {
            return 0;
        }
        for (int i = 0; i < run.size(); i++) {
            String label = run.get(i);
            Configuration from = c;
            c = model.next(from).stream().filter(t -> t.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no step '" + label + "' in " + from)).target();
            if (analysis.valence(c) != Valence.BIVALENT) {
                return i + 1;
            }
        }
        return run.size() + 1; // still bivalent at the end: the run has not fixed its outcome
    }
}
