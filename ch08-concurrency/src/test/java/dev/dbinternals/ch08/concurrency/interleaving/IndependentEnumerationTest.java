package dev.dbinternals.ch08.concurrency.interleaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The explorer's counts against a naive enumeration that shares no code with it: every
 * sequence of thread choices, simulated directly on plain ints.
 */
@DisplayName("Interleaving counts agree with a naive enumeration of every schedule")
class IndependentEnumerationTest {

    /** Racy load/compute/store: 3 steps per increment; counts final x over all schedules. */
    private static void racy(int[] pc, int[] reg, int x, int k, Map<Integer, Long> out) {
        boolean any = false;
        for (int t = 0; t < pc.length; t++) {
            if (pc[t] == 3 * k) {
                continue;
            }
            any = true;
            int savedPc = pc[t];
            int savedReg = reg[t];
            int nx = x;
            switch (pc[t] % 3) {
                case 0 -> reg[t] = x;
                case 1 -> reg[t] = reg[t] + 1;
                default -> nx = reg[t];
            }
            pc[t]++;
            racy(pc, reg, nx, k, out);
            pc[t] = savedPc;
            reg[t] = savedReg;
        }
        if (!any) {
            out.merge(x, 1L, Long::sum);
        }
    }

    /** CAS loop: load r0; r1 = r0 + 1; CAS(x, r0, r1) else back to load. */
    private static void cas(int[] pc, int[] r0, int[] r1, int[] done, int x, int k, Map<Integer, Long> out) {
        boolean any = false;
        for (int t = 0; t < pc.length; t++) {
            if (done[t] == k) {
                continue;
            }
            any = true;
            int sPc = pc[t];
            int sR0 = r0[t];
            int sR1 = r1[t];
            int sDone = done[t];
            int nx = x;
            switch (pc[t]) {
                case 0 -> {
                    r0[t] = x;
                    pc[t] = 1;
                }
                case 1 -> {
                    r1[t] = r0[t] + 1;
                    pc[t] = 2;
                }
                default -> {
                    if (x == r0[t]) {
                        nx = r1[t];
                        done[t]++;
                    }
                    pc[t] = 0;
                }
            }
            cas(pc, r0, r1, done, nx, k, out);
            pc[t] = sPc;
            r0[t] = sR0;
            r1[t] = sR1;
            done[t] = sDone;
        }
        if (!any) {
            out.merge(x, 1L, Long::sum);
        }
    }

    @Test
    void shouldMatchANaiveEnumerationOfTheRacyCounter() {
        for (int[] shape : new int[][] {{2, 1}, {2, 2}, {2, 3}}) {
            Map<Integer, Long> naive = new TreeMap<>();
            racy(new int[shape[0]], new int[shape[0]], 0, shape[1], naive);

            var table = InterleavingModel.threads(shape[0], Programs.racyIncrement(shape[1]))
                    .outcomes("racy", OutcomeSpec.racyCounter(shape[0], shape[1]));

            naive.forEach((x, n) -> assertThat(table.interleavings(x)).as("%dx%d, x = %d", shape[0], shape[1], x).isEqualTo(n));
            assertThat(table.reachedOutcomes()).containsExactlyInAnyOrderElementsOf(naive.keySet());
        }
    }

    @Test
    void shouldMatchANaiveEnumerationOfTheCasLoop() {
        for (int[] shape : new int[][] {{2, 1}, {2, 2}, {3, 1}}) {
            Map<Integer, Long> naive = new TreeMap<>();
            int n = shape[0];
            cas(new int[n], new int[n], new int[n], new int[n], 0, shape[1], naive);

            var table = InterleavingModel.threads(n, Programs.casLoopIncrement(shape[1]))
                    .outcomes("cas", OutcomeSpec.exactCounter(n, shape[1]));

            assertThat(naive).containsOnlyKeys(n * shape[1]);
            assertThat(table.interleavings(n * shape[1])).as("%dx%d", n, shape[1]).isEqualTo(naive.get(n * shape[1]));
        }
    }
}
