package dev.dbinternals.ch08.concurrency.jcstress;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Figure 8-1's lost update and its fixes, as jcstress tests: the JDK team's harness runs the
 * actors against each other millions of times and counts each observed outcome.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행). Compare each table with the
 * exhaustive model (demo {@code lost-update}): jcstress shows what this JVM and CPU actually do,
 * the model shows everything the program allows. An outcome jcstress never observes is not
 * proved impossible; one the model proves unreachable never shows up here either.
 *
 * <p>Run: {@code mvn -o -pl ch08-concurrency -Pjcstress package -DskipTests} then
 * {@code java -jar ch08-concurrency/target/jcstress.jar -t LostUpdate}.
 */
public final class LostUpdate {

    private LostUpdate() {
    }

    /**
     * Two actors each do {@code x = x + 1} on a volatile field: each load and store is atomic and
     * visible, the read-modify-write is not.
     */
    @JCStressTest
    @Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both increments counted")
    @Outcome(id = "1", expect = Expect.ACCEPTABLE_INTERESTING, desc = "lost update: both loaded 0, both stored 1")
    @State
    public static class Racy {
        volatile int x;

        @Actor
        public void actor1() {
            x = x + 1;
        }

        @Actor
        public void actor2() {
            x = x + 1;
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = x;
        }
    }

    /** Two increments per actor: 2 is the proven minimum (the model shows 1 and 0 unreachable). */
    @JCStressTest
    @Outcome(id = "4", expect = Expect.ACCEPTABLE, desc = "all four increments counted")
    @Outcome(id = {"3", "2"}, expect = Expect.ACCEPTABLE_INTERESTING, desc = "lost updates")
    @Outcome(expect = Expect.FORBIDDEN, desc = "below the proven minimum of 2")
    @State
    public static class RacyTwice {
        volatile int x;

        @Actor
        public void actor1() {
            x = x + 1;
            x = x + 1;
        }

        @Actor
        public void actor2() {
            x = x + 1;
            x = x + 1;
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = x;
        }
    }

    /** Three actors, two increments each: the 3 × 2 case. */
    @JCStressTest
    @Outcome(id = "6", expect = Expect.ACCEPTABLE, desc = "all six increments counted")
    @Outcome(id = {"5", "4", "3", "2"}, expect = Expect.ACCEPTABLE_INTERESTING, desc = "lost updates")
    @Outcome(expect = Expect.FORBIDDEN, desc = "below the proven minimum of 2")
    @State
    public static class RacyThreeByTwo {
        volatile int x;

        @Actor
        public void actor1() {
            x = x + 1;
            x = x + 1;
        }

        @Actor
        public void actor2() {
            x = x + 1;
            x = x + 1;
        }

        @Actor
        public void actor3() {
            x = x + 1;
            x = x + 1;
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = x;
        }
    }

    /** Fix 1: mutual exclusion. */
    @JCStressTest
    @Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both increments counted")
    @Outcome(expect = Expect.FORBIDDEN, desc = "a lock must not lose an update")
    @State
    public static class Locked {
        int x;

        @Actor
        public synchronized void actor1() {
            x = x + 1;
        }

        @Actor
        public synchronized void actor2() {
            x = x + 1;
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = x;
        }
    }

    /** Fix 2: an optimistic compare-and-set loop. */
    @JCStressTest
    @Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both increments counted")
    @Outcome(expect = Expect.FORBIDDEN, desc = "a CAS loop must not lose an update")
    @State
    public static class CasLoop {
        final AtomicInteger x = new AtomicInteger();

        private void increment() {
            int v;
            do {
                v = x.get();
            } while (!x.compareAndSet(v, v + 1));
        }

        @Actor
        public void actor1() {
            increment();
        }

        @Actor
        public void actor2() {
            increment();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = x.get();
        }
    }

    /** Fix 3: one atomic read-modify-write instruction. */
    @JCStressTest
    @Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both increments counted")
    @Outcome(expect = Expect.FORBIDDEN, desc = "an atomic increment must not lose an update")
    @State
    public static class Atomic {
        final AtomicInteger x = new AtomicInteger();

        @Actor
        public void actor1() {
            x.incrementAndGet();
        }

        @Actor
        public void actor2() {
            x.incrementAndGet();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = x.get();
        }
    }
}
