package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.interleaving.Instr;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise conc-1: two shared counters, updated without locks, in the model.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행), figure 8-1. Return the program one
 * thread runs: {@code k} rounds, each adding 1 to x (variable {@link #X}) and then 2 to y
 * (variable {@link #Y}), built from {@link Instr.Load}, {@link Instr.Compute} and
 * {@link Instr.Cas} only (no lock, no fetch-and-add). The explorer will visit every interleaving
 * of 2 and 3 threads: each must end with x = threads × k and y = 2 × threads × k.
 */
public final class CasIncrementProgram {

    public static final int X = 0;
    public static final int Y = 1;

    private CasIncrementProgram() {
    }

    public static List<Instr> program(int k) {
        throw new NotDoneYet("conc-1", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/CasIncrementProgram.java",
                "return k rounds of 'x += 1, then y += 2' that lose no update in any interleaving, with Load, Compute and Cas only",
                "Load, Compute, Cas만으로, 어떤 인터리빙에서도 갱신을 잃지 않는 'x += 1, 그다음 y += 2' k 라운드를 돌려주도록 구현하세요.");
    }
}
