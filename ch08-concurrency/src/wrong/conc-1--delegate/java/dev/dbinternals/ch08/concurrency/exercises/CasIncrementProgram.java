// Wrong solution for conc-1: it returns the module's own CAS loop, which increments x only.
package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.interleaving.Instr;
import dev.dbinternals.ch08.concurrency.interleaving.Programs;
import java.util.List;

/** Exercise conc-1. */
public final class CasIncrementProgram {

    public static final int X = 0;
    public static final int Y = 1;

    private CasIncrementProgram() {
    }

    public static List<Instr> program(int k) {
        return Programs.casLoopIncrement(k);
    }
}
