package dev.dbinternals.ch08.concurrency.interleaving;

/**
 * One atomic step of a thread in the interleaving model: the unit the scheduler can switch at.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행), figure 8-1: a thread reads a shared
 * variable, computes locally and writes the result back. Each of those is a separate step
 * here, so the explorer can put another thread's steps between them. Registers ({@code r0},
 * {@code r1}) and the CAS flag are private to a thread; variables ({@code x}, {@code y}) are shared.
 */
public sealed interface Instr {

    /** {@code reg ← var}: read a shared variable into a private register. */
    record Load(int reg, int var) implements Instr {
    }

    /** {@code dst ← src + k}: local computation, invisible to other threads. */
    record Compute(int dst, int src, int k) implements Instr {
    }

    /** {@code var ← reg}: write a register back to the shared variable. */
    record Store(int var, int reg) implements Instr {
    }

    /** {@code var ← reg + k}: the computation folded into the write (two steps per increment instead of three). */
    record StorePlus(int var, int reg, int k) implements Instr {
    }

    /**
     * Compare-and-set, one indivisible step: if {@code var == expected} then {@code var ← update}
     * and the thread goes on; otherwise nothing changes and, when {@code retryBack > 0}, the
     * thread jumps {@code retryBack} instructions back (the retry loop; 0 = no retry).
     *
     * <p>Why the retry loop keeps the state graph acyclic: a CAS fails only if another thread
     * changed the variable since this thread loaded it, and in these programs every change is
     * an increment, so no state can repeat and every execution is finite.
     */
    record Cas(int var, int expectedReg, int updateReg, int retryBack) implements Instr {
        public Cas {
            if (retryBack < 0) {
                throw new IllegalArgumentException("retryBack must be 0 or more, got " + retryBack);
            }
        }
    }

    /** Atomic fetch-and-add, one indivisible step (what {@code AtomicInteger.incrementAndGet} gives). */
    record FetchAndAdd(int var, int k) implements Instr {
    }

    /**
     * Takes the (single, non-reentrant) lock. Not enabled while another thread holds it, so a
     * blocked thread simply has no step: no spinning, and the state graph stays acyclic.
     */
    record Lock() implements Instr {
    }

    /** Releases the lock. */
    record Unlock() implements Instr {
    }
}
