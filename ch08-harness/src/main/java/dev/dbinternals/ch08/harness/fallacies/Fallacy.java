package dev.dbinternals.ch08.harness.fallacies;

import java.util.List;
import java.util.Objects;

/**
 * One of the eight fallacies of distributed computing as a runnable scenario: a naive program
 * that believes the fallacy, the same job done by a program that does not, both on the
 * simulation, and what each run measured.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류). The list of
 * eight is the commonly cited one (L. Peter Deutsch and colleagues at Sun; the eighth added by
 * James Gosling), not the book's text; the book's section discusses some of them, latency and
 * bandwidth explicitly.
 *
 * <p>Implementations are stateless and thread-safe; every run builds its own simulation.
 */
public interface Fallacy {

    /** The fallacy's place in the usual list, 1..8. */
    int number();

    /** The fallacy as usually worded, e.g. "The network is reliable". */
    String fallacy();

    /** Runs the naive program and the fix on the simulation with {@code seed}; {@code quick} = a smaller run. */
    Outcome run(long seed, boolean quick);

    /**
     * What one scenario showed. Every line is computed from the runs; {@code naiveFailed} and
     * {@code fixHeld} are the verdicts the narration prints.
     *
     * @param setup       what the scenario does, one or two lines
     * @param naive       what the naive program did, with its numbers
     * @param fix         what the fix did, with its numbers
     * @param naiveFailed true when the naive program failed in this run
     * @param fixHeld     true when the fix did its job in this run
     * @param naiveBrief  the naive program in a few words (for the summary table)
     * @param fixBrief    the fix in a few words (for the summary table)
     */
    record Outcome(List<String> setup, List<String> naive, List<String> fix, boolean naiveFailed, boolean fixHeld,
                   String naiveBrief, String fixBrief) {
        public Outcome {
            setup = List.copyOf(setup);
            naive = List.copyOf(naive);
            fix = List.copyOf(fix);
            Objects.requireNonNull(naiveBrief, "naiveBrief");
            Objects.requireNonNull(fixBrief, "fixBrief");
        }
    }
}
