package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks flp-5's grader itself (runs in the default build): the sampled cases include every kind, so no shortcut can pass. */
class Lemma3GraderTest {

    @Test
    void shouldSampleAllThreeKindsOfCaseForTheFlp5Grader() {
        // the grader's own check: the sampled cases include each kind, so no shortcut passes
        int[] kinds = new int[3];
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            for (Lemma3StepExerciseTest.Case k : Lemma3StepExerciseTest.CASES) {
                FlpAnalysis analysis = k.analysis();
                Map<Configuration, Valence> valences = k.valences();
                Configuration c = analysis.model().initial(k.inputs());
                while (valences.get(c) == Valence.BIVALENT) {
                    var steps = analysis.model().next(c);
                    String e = steps.get(random.nextInt(steps.size())).label();
                    Configuration now = c;
                    boolean atOnce = valences.get(steps.stream().filter(t -> t.label().equals(e)).findFirst().orElseThrow().target()) == Valence.BIVALENT;
                    kinds[atOnce ? 0 : Lemma3StepExerciseTest.exists(analysis.model(), valences, now, e) ? 1 : 2]++;
                    c = steps.get(random.nextInt(steps.size())).target();
                }
            }
        }
        assertThat(kinds[0]).as("cases where e at once keeps bivalence").isPositive();
        assertThat(kinds[1]).as("cases where e must wait behind other steps").isPositive();
        assertThat(kinds[2]).as("cases where no schedule exists").isPositive();
    }
}
