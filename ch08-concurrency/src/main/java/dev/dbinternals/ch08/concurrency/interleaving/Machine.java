package dev.dbinternals.ch08.concurrency.interleaving;

import java.util.Arrays;

/**
 * An immutable snapshot of the whole toy machine: shared variables, the lock holder, and each
 * thread's program counter and private registers. Value equality, so the explorer can
 * recognise a state reached by two different interleavings.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행), figure 8-1.
 */
public final class Machine {

    static final int REGS = 2;
    /** Per thread: pc, r0, r1. */
    static final int PER_THREAD = 1 + REGS;

    private final int vars;
    private final int[] cells;
    private final int hash;

    Machine(int vars, int[] cells) {
        this.vars = vars;
        this.cells = cells;
        this.hash = Arrays.hashCode(cells);
    }

    static Machine initial(int vars, int threads) {
        int[] cells = new int[vars + 1 + threads * PER_THREAD];
        cells[vars] = -1;
        return new Machine(vars, cells);
    }

    /** The value of shared variable {@code v}. */
    public int var(int v) {
        return cells[v];
    }

    /** The thread holding the lock, or -1. */
    public int lockHolder() {
        return cells[vars];
    }

    /** Thread {@code t}'s program counter. */
    public int pc(int t) {
        return cells[base(t)];
    }

    /** Thread {@code t}'s register {@code r}. */
    public int reg(int t, int r) {
        return cells[base(t) + 1 + r];
    }

    int threads() {
        return (cells.length - vars - 1) / PER_THREAD;
    }

    private int base(int t) {
        return vars + 1 + t * PER_THREAD;
    }

    Builder edit() {
        return new Builder(vars, cells.clone());
    }

    static final class Builder {
        private final int vars;
        private final int[] cells;

        Builder(int vars, int[] cells) {
            this.vars = vars;
            this.cells = cells;
        }

        Builder var(int v, int value) {
            cells[v] = value;
            return this;
        }

        Builder lockHolder(int t) {
            cells[vars] = t;
            return this;
        }

        Builder pc(int t, int pc) {
            cells[vars + 1 + t * PER_THREAD] = pc;
            return this;
        }

        Builder reg(int t, int r, int value) {
            cells[vars + 1 + t * PER_THREAD + 1 + r] = value;
            return this;
        }

        Machine build() {
            return new Machine(vars, cells);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Machine m && m.hash == hash && Arrays.equals(m.cells, cells);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < vars; v++) {
            sb.append(InterleavingModel.varName(v)).append('=').append(var(v)).append(' ');
        }
        for (int t = 0; t < threads(); t++) {
            sb.append("T").append(t + 1).append("[pc=").append(pc(t)).append(" r0=").append(reg(t, 0))
                    .append(" r1=").append(reg(t, 1)).append("] ");
        }
        if (lockHolder() >= 0) {
            sb.append("lock=T").append(lockHolder() + 1);
        }
        return sb.toString().strip();
    }
}
