package dev.dbinternals.ch08.concurrency.interleaving;

import dev.dbinternals.ch08.concurrency.interleaving.Instr.Cas;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Compute;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.FetchAndAdd;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Load;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Lock;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Store;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.StorePlus;
import dev.dbinternals.ch08.concurrency.interleaving.Instr.Unlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made thread programs that increment the shared counter {@code x} (variable 0).
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행): the racy read-compute-write of figure
 * 8-1 and two ways to restore a single outcome, mutual exclusion and an optimistic
 * compare-and-set retry loop.
 */
public final class Programs {

    /** The shared counter's variable index. */
    public static final int X = 0;

    private Programs() {
    }

    /** Figure 8-1: {@code k} times load x, compute +1, store x. Three steps per increment. */
    public static List<Instr> racyIncrement(int k) {
        List<Instr> p = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            p.add(new Load(0, X));
            p.add(new Compute(0, 0, 1));
            p.add(new Store(X, 0));
        }
        return List.copyOf(p);
    }

    /** The same race with the computation folded into the store: two steps per increment. */
    public static List<Instr> racyIncrementLoadStore(int k) {
        List<Instr> p = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            p.add(new Load(0, X));
            p.add(new StorePlus(X, 0, 1));
        }
        return List.copyOf(p);
    }

    /** {@code k} times: lock, load, compute, store, unlock. */
    public static List<Instr> lockedIncrement(int k) {
        List<Instr> p = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            p.add(new Lock());
            p.addAll(racyIncrement(1));
            p.add(new Unlock());
        }
        return List.copyOf(p);
    }

    /** {@code k} times: load r0, r1 = r0 + 1, CAS(x, r0, r1), back to the load if the CAS failed. */
    public static List<Instr> casLoopIncrement(int k) {
        List<Instr> p = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            p.add(new Load(0, X));
            p.add(new Compute(1, 0, 1));
            p.add(new Cas(X, 0, 1, 2));
        }
        return List.copyOf(p);
    }

    /** {@code k} atomic fetch-and-add steps. */
    public static List<Instr> atomicIncrement(int k) {
        List<Instr> p = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            p.add(new FetchAndAdd(X, 1));
        }
        return List.copyOf(p);
    }
}
