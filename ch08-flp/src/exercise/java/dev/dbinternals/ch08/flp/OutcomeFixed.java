package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise flp-4: find the step of a run that fixed its outcome (FLP 불가능성 이론).
 *
 * <p>A run of an agreement-keeping protocol starts in a configuration whose valence (the decisions
 * still reachable, {@link Valence}) is either one value or both. Somewhere along the run it stops
 * being bivalent: from then on only one decision is reachable. Return the number of that step, as
 * the runs are printed (the first step is 1), or 0 if the run's initial configuration was not
 * bivalent, or {@code run.size() + 1} if the run ends still bivalent (it has not fixed its outcome). {@code run} holds the labels of the {@link FlpAnalysis#model() model}'s transitions,
 * from the initial configuration of {@code inputs}. Use the analysis to ask questions; the tests
 * try protocols you have not seen.
 */
public final class OutcomeFixed {

    private OutcomeFixed() {
    }

    /**
     * The number of the step of {@code run} after which only one decision was reachable; 0 if that
     * held from the start; {@code run.size() + 1} if both were still reachable at the end.
     */
    public static int step(FlpAnalysis analysis, String inputs, List<String> run) {
        throw new NotDoneYet("flp-4", "ch08-flp/src/exercise/java/dev/dbinternals/ch08/flp/OutcomeFixed.java",
                "return the number of the step after which only one decision was reachable (0 if so from the start)",
                "그 뒤로는 결정 하나에만 도달할 수 있게 된 단계의 번호를 반환하도록 구현하세요(처음부터 그렇다면 0).");
    }
}
