package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.interleaving.Instr;
import dev.dbinternals.ch08.concurrency.interleaving.Programs;
import java.util.ArrayList;
import java.util.List;

/** Exercise conc-1, solved: the optimistic retry loop. */
public final class CasIncrementProgram {

    private CasIncrementProgram() {
    }

    public static List<Instr> program(int k) {
        List<Instr> p = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            p.add(new Instr.Load(0, Programs.X));
            p.add(new Instr.Compute(1, 0, 1));
            // on failure another thread changed x since our load: go back two instructions and load again
            p.add(new Instr.Cas(Programs.X, 0, 1, 2));
        }
        return p;
    }
}
