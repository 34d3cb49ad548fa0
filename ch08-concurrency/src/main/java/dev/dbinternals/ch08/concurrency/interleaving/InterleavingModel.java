package dev.dbinternals.ch08.concurrency.interleaving;

import dev.dbinternals.ch08.concurrency.interleaving.Instr.Cas;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Compute;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.FetchAndAdd;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Load;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Lock;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Store;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.StorePlus;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Unlock;
import dev.dbinternals.ch08.harness.explore.Explorer;
import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Threads running tiny programs over shared variables, every interleaving of their steps
 * explored exhaustively by the harness's {@link Explorer}.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행), figure 8-1. The book's point is that
 * without a consistency model the number of possible outcomes explodes; here the explosion is
 * counted exactly: each final value of the counter with the number of interleavings (complete
 * executions) that reach it, and a witness schedule. Because the search is exhaustive, an
 * outcome that is never reached is impossible <em>in the model</em> (atomic, sequentially
 * consistent steps), not merely unobserved.
 *
 * <p>Counting interleavings is not measuring probability: a real scheduler does not pick
 * interleavings uniformly (a thread usually runs many steps before it is preempted), so an
 * outcome reached by 90% of the interleavings may be rare on real hardware. See
 * {@code race.RealThreadRace} for what real threads do.
 *
 * <p>Immutable; {@link #explore()} may be called from any thread.
 */
public final class InterleavingModel {

    private final List<List<Instr>> programs;
    private final int vars;

    private InterleavingModel(List<List<Instr>> programs) {
        if (programs.isEmpty()) {
            throw new IllegalArgumentException("at least one thread is needed");
        }
        this.programs = List.copyOf(programs.stream().map(List::copyOf).toList());
        int maxVar = 0;
        for (List<Instr> p : this.programs) {
            for (Instr i : p) {
                maxVar = Math.max(maxVar, varOf(i));
            }
        }
        this.vars = maxVar + 1;
    }

    /** One thread per program. */
    public static InterleavingModel of(List<List<Instr>> programs) {
        return new InterleavingModel(programs);
    }

    /** {@code threads} threads running the same program. */
    public static InterleavingModel threads(int threads, List<Instr> program) {
        Objects.requireNonNull(program, "program");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new InterleavingModel(Collections.nCopies(threads, program));
    }

    public Machine initial() {
        return Machine.initial(vars, programs.size());
    }

    /** Every step enabled in {@code m}: one per thread that is not finished and not blocked on the lock. */
    public List<Transition<Machine>> next(Machine m) {
        List<Transition<Machine>> out = new ArrayList<>(programs.size());
        for (int t = 0; t < programs.size(); t++) {
            List<Instr> program = programs.get(t);
            int pc = m.pc(t);
            if (pc >= program.size()) {
                continue;
            }
            Transition<Machine> step = step(m, t, program.get(pc));
            if (step != null) {
                out.add(step);
            }
        }
        return out;
    }

    private Transition<Machine> step(Machine m, int t, Instr instr) {
        String who = "T" + (t + 1) + " ";
        int pc = m.pc(t);
        Machine.Builder b = m.edit().pc(t, pc + 1);
        if (instr instanceof Load l) {
            int v = m.var(l.var());
            return new Transition<>(who + "load " + varName(l.var()) + " (" + v + ")", b.reg(t, l.reg(), v).build());
        } else if (instr instanceof Compute c) {
            int v = m.reg(t, c.src()) + c.k();
            return new Transition<>(who + "compute r" + c.dst() + " = " + v, b.reg(t, c.dst(), v).build());
        } else if (instr instanceof Store s) {
            int v = m.reg(t, s.reg());
            return new Transition<>(who + "store " + varName(s.var()) + " = " + v, b.var(s.var(), v).build());
        } else if (instr instanceof StorePlus s) {
            int v = m.reg(t, s.reg()) + s.k();
            return new Transition<>(who + "store " + varName(s.var()) + " = " + v, b.var(s.var(), v).build());
        } else if (instr instanceof FetchAndAdd f) {
            int v = m.var(f.var()) + f.k();
            return new Transition<>(who + "fetch-and-add " + varName(f.var()) + " = " + v, b.var(f.var(), v).build());
        } else if (instr instanceof Cas c) {
            int expected = m.reg(t, c.expectedReg());
            int update = m.reg(t, c.updateReg());
            String name = varName(c.var());
            if (m.var(c.var()) == expected) {
                return new Transition<>(who + "CAS " + name + " " + expected + "→" + update + " ok", b.var(c.var(), update).build());
            }
            String failed = who + "CAS " + name + " " + expected + "→" + update + " failed (" + name + " = " + m.var(c.var()) + ")";
            if (c.retryBack() > 0) {
                return new Transition<>(failed + ", retry", b.pc(t, pc - c.retryBack()).build());
            }
            return new Transition<>(failed, b.build());
        } else if (instr instanceof Lock) {
            if (m.lockHolder() >= 0) {
                return null; // blocked: not enabled while another thread holds the lock
            }
            return new Transition<>(who + "lock", b.lockHolder(t).build());
        } else if (instr instanceof Unlock) {
            if (m.lockHolder() != t) {
                throw new IllegalStateException("T" + (t + 1) + " unlocks a lock it does not hold, at pc " + pc);
            }
            return new Transition<>(who + "unlock", b.lockHolder(-1).build());
        }
        throw new IllegalArgumentException("unknown instruction " + instr);
    }

    /** Explores every reachable state. */
    public Explorer.Result<Machine> explore() {
        return Explorer.of(initial(), this::next).explore();
    }

    /**
     * Explores and tabulates the final value of {@code x} against {@code spec}: every declared
     * outcome (reached or not) and every reached one, with its number of interleavings.
     */
    public OutcomeTable outcomes(String title, OutcomeSpec spec) {
        Explorer.Result<Machine> result = explore();
        for (Machine end : result.terminalStates()) {
            for (int t = 0; t < programs.size(); t++) {
                if (end.pc(t) < programs.get(t).size()) {
                    throw new IllegalStateException("deadlock: T" + (t + 1) + " cannot finish in " + end);
                }
            }
        }
        Map<Integer, Explorer.OutcomeCount> counts = result.countExecutionsByOutcome(m -> m.var(Programs.X));
        return OutcomeTable.of(title, spec, counts, result.stateCount());
    }

    /**
     * The number of interleavings of straight-line programs (no lock, no CAS retry), by the
     * closed form: the multinomial coefficient (n1 + n2 + ...)! / (n1! n2! ...), where ni is
     * the number of steps of thread i.
     */
    public BigInteger closedFormInterleavings() {
        int total = 0;
        BigInteger denominator = BigInteger.ONE;
        for (List<Instr> p : programs) {
            for (Instr i : p) {
                if (i instanceof Lock || (i instanceof Cas c && c.retryBack() > 0)) {
                    throw new IllegalStateException("the closed form holds only for straight-line programs without locks or retries");
                }
            }
            total += p.size();
            denominator = denominator.multiply(factorial(p.size()));
        }
        return factorial(total).divide(denominator);
    }

    static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    static String varName(int v) {
        return v < 3 ? String.valueOf("xyz".charAt(v)) : "v" + v;
    }

    private static int varOf(Instr i) {
        if (i instanceof Load l) {
            return l.var();
        } else if (i instanceof Store s) {
            return s.var();
        } else if (i instanceof StorePlus s) {
            return s.var();
        } else if (i instanceof Cas c) {
            return c.var();
        } else if (i instanceof FetchAndAdd f) {
            return f.var();
        }
        return 0;
    }
}
