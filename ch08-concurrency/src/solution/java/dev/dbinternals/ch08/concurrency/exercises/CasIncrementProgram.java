package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.interleaving.Instr;
import java.util.ArrayList;
import java.util.List;

/** Exercise conc-1, solved: one optimistic retry loop per variable. */
public final class CasIncrementProgram {

    public static final int X = 0;
    public static final int Y = 1;

    private CasIncrementProgram() {
    }

    public static List<Instr> program(int k) {
        List<Instr> p = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            add(p, X, 1);
            add(p, Y, 2);
        }
        return p;
    }

    private static void add(List<Instr> p, int var, int amount) {
        p.add(new Instr.Load(0, var));
        p.add(new Instr.Compute(1, 0, amount));
        // on failure another thread changed var since our load: go back to that load (two instructions) and retry
        p.add(new Instr.Cas(var, 0, 1, 2));
    }
}
