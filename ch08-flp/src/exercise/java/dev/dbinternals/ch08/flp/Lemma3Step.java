package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;
import java.util.Optional;

/**
 * Exercise flp-5: the step of FLP's proof that the adversary repeats forever, Lemma 3
 * (FLP 불가능성 이론).
 *
 * <p>Given a bivalent configuration {@code c} of the {@link FlpAnalysis#model() model} (no crash
 * steps) and a step {@code e} applicable in it (a transition label), return a schedule: steps that
 * are not {@code e}, then {@code e} last, after which the configuration is still bivalent; or empty
 * if no such schedule exists. FLP proves one exists for every protocol that tolerates one crash;
 * the protocols the tests use do not all tolerate one, so sometimes the answer is empty.
 */
public final class Lemma3Step {

    private Lemma3Step() {
    }

    /** Labels ending with {@code e}, after which the configuration is bivalent; empty if there is no such schedule. */
    public static Optional<List<String>> find(FlpAnalysis analysis, Configuration c, String e) {
        throw new NotDoneYet("flp-5", "ch08-flp/src/exercise/java/dev/dbinternals/ch08/flp/Lemma3Step.java",
                "return a schedule without e, then e, that leaves the configuration bivalent, or empty if none exists",
                "e를 뺀 스케줄 다음 e를 두어 구성이 양가로 남는 스케줄을 반환하고, 그런 스케줄이 없으면 빈 값을 반환하도록 구현하세요.");
    }
}
