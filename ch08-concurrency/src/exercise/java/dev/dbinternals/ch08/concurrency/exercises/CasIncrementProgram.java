package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.interleaving.Instr;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise conc-1: fix the lost update with a compare-and-set retry loop, in the model.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행). Return the program one thread runs to
 * increment x ({@code Programs.X}) {@code k} times using {@link Instr.Load}, {@link Instr.Compute}
 * and {@link Instr.Cas} (with a {@code retryBack} that jumps back to the load when the CAS
 * fails). No locks, no fetch-and-add: the explorer will prove that every interleaving of 2 and
 * 3 threads ends with exactly threads × k.
 */
public final class CasIncrementProgram {

    private CasIncrementProgram() {
    }

    public static List<Instr> program(int k) {
        throw new NotDoneYet("conc-1", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/CasIncrementProgram.java",
                "return k × [load r0 ← x, compute r1 = r0 + 1, CAS(x, r0, r1) retrying from the load on failure]");
    }
}
