package dev.dbinternals.ch08.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.Operation;
import dev.dbinternals.ch08.harness.history.JepsenHistory;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cores are cut at a quiet point: smaller, and still exactly as impossible as the history")
class CoreCutTest {

    private final LinearizabilityChecker checker = LinearizabilityChecker.create();

    @Test
    void shouldCutALongSettledPrefixOffAStaleReadAfterACrashedCas() {
        // given a CAS register history shaped like a real Jepsen failure: a long, busy, settled past
        // (overlapping writes, then reads that agree on 0), then a CAS whose client crashed, a completed
        // write of 2, and a read that still returns 0
        StringBuilder sb = new StringBuilder();
        for (int round = 0; round < 6; round++) {
            sb.append("{:process 0, :type :invoke, :f :write, :value ").append(round % 3).append("}\n");
            sb.append("{:process 1, :type :invoke, :f :write, :value 0}\n");
            sb.append("{:process 0, :type :ok, :f :write, :value ").append(round % 3).append("}\n");
            sb.append("{:process 1, :type :ok, :f :write, :value 0}\n");
            sb.append("{:process 2, :type :invoke, :f :read, :value nil}\n");
            sb.append("{:process 2, :type :ok, :f :read, :value 0}\n");
        }
        sb.append("""
                {:process 3, :type :invoke, :f :cas, :value [1 1]}
                {:process 4, :type :invoke, :f :write, :value 2}
                {:process 4, :type :ok, :f :write, :value 2}
                {:process 3, :type :info, :f :cas, :value [1 1]}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 0}
                """);
        History h = JepsenHistory.parse(sb.toString(), false);

        // when checked
        CheckResult r = checker.check(h, Models.casRegister(0L));

        // then the core is the three operations that matter, starting from the state the past leaves behind
        CheckResult.KeyResult k = r.keys().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(k.core()).as("the core after the cut").extracting(Operation::describe)
                .containsExactly("p3 cas [1 1] (outcome unknown) [36..?]", "p4 write 2 [37..38]", "p2 read → 0 [40..41]");
        assertThat(k.coreStartStates()).as("the state the 18 earlier operations leave behind").containsExactly(new Models.Value(0L));
        assertThat(k.coreSkipped()).isEqualTo(18);
        assertThat(k.explanation()).contains("starts in state 0", "18 earlier operations");
    }

    @Test
    void shouldShrinkALostIncrementCoreToTheReadAndTheCountBeforeIt() {
        // given 30 increments, one at a time, then a read that saw 29 (one increment lost)
        History.Builder b = History.builder();
        for (int i = 0; i < 30; i++) {
            b.invoke(i % 2, "add", 1).ok(i % 2, "add", 1);
        }
        History h = b.invoke(2, "read", null).ok(2, "read", 29).build();

        CheckResult.KeyResult k = checker.check(h, Models.counter(0)).keys().get(0);

        // then the core is the read alone, from the counter's value after the 30 increments
        assertThat(k.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(k.core()).extracting(Operation::describe).containsExactly("p2 read → 29 [60..61]");
        assertThat(k.coreStartStates()).containsExactly(30L);
        assertThat(k.coreSkipped()).isEqualTo(30);
    }

    @Test
    void shouldNameEveryStateTheEarlierPartCanLeaveWhenThereAreSeveral() {
        // given five writes of 9, then two concurrent writes (1 and 2), then two concurrent reads, of 2 and of 1
        History.Builder b = History.builder();
        for (int i = 0; i < 5; i++) {
            b.invoke(0, "write", 9).ok(0, "write", 9);
        }
        History h = b.invoke(0, "write", 1).invoke(1, "write", 2).ok(0, "write", 1).ok(1, "write", 2)
                .invoke(2, "read", null).invoke(3, "read", null).ok(2, "read", 2).ok(3, "read", 1)
                .build();

        CheckResult.KeyResult k = checker.check(h, Models.register(0L)).keys().get(0);

        // then the writes can leave 1 or 2, the two reads are impossible from both, and brute force agrees
        assertThat(k.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(k.coreStartStates()).containsExactlyInAnyOrder(new Models.Value(1L), new Models.Value(2L));
        assertThat(k.core()).extracting(Operation::describe).containsExactly("p2 read → 2 [14..16]", "p3 read → 1 [15..17]");
        assertThat(k.explanation()).contains("any of the states");
        assertImpossibleFromEveryStart(k, Models.register(0L), 0);
    }

    @Test
    void shouldFindExactlyTheFinalStatesThatBruteForceFinds() {
        Seeds.check("reachable states agree with brute force", 2000, seed -> {
            History h = RandomHistories.register(seed, 3, 6, true);
            List<Operation> completed = new ArrayList<>();
            for (Operation op : h.operations()) {
                if (!op.isPending()) {
                    completed.add(op);
                }
            }
            Model<Models.Value> m = Models.casRegister(0L);
            List<Models.Value> fast = CoreShrinker.reachableStates(completed, m, m.initial(), 1_000_000);
            Set<Models.Value> slow = new LinkedHashSet<>();
            finals(completed, m, m.initial(), new boolean[completed.size()], slow);
            assertThat(Set.copyOf(fast)).as("seed %d: final states of %s", seed, completed).isEqualTo(slow);
        });
    }

    @Test
    void shouldFindEveryStateWhenSomeOperationsMayNeverTakeEffect() {
        // the start states of an in-flight cut come from this search with the in-flight operations
        // pending: it must find every state with any subset of them taking effect (a state missed here
        // would make a core "impossible" from too few states, and no longer a proof)
        int[] withPending = new int[1];
        Seeds.check("reachable states with pending operations agree with brute force", 2000, seed -> {
            List<Operation> ops = RandomHistories.register(seed, 3, 6, true).operations();
            if (ops.stream().anyMatch(Operation::isPending)) {
                withPending[0]++;
            }
            Model<Models.Value> m = Models.casRegister(0L);
            List<Models.Value> fast = CoreShrinker.reachableStates(ops, m, m.initial(), 1_000_000);
            Set<Models.Value> slow = new LinkedHashSet<>();
            finals(ops, m, m.initial(), new boolean[ops.size()], slow);
            assertThat(Set.copyOf(fast)).as("seed %d: final states of %s", seed, ops).isEqualTo(slow);
        });
        assertThat(withPending[0]).as("histories with a pending operation").isGreaterThan(100);
    }

    @Test
    void shouldGiveCoresThatAreImpossibleFromEveryStartStateOnLongerHistories() {
        int[] cut = new int[1];
        Seeds.check("cut cores are non-linearizable", 400, seed -> {
            History h = RandomHistories.register(seed, 3, 24, true);
            CheckResult r = checker.check(h, Models.casRegister(0L));
            if (r.verdict() == Verdict.VIOLATED) {
                CheckResult.KeyResult k = r.keys().get(0);
                if (k.coreSkipped() > 0) {
                    cut[0]++;
                }
                assertImpossibleFromEveryStart(k, Models.casRegister(0L), seed);
            }
        });
        System.out.printf("cores cut at a quiet point: %d%n", cut[0]);
    }

    @Test
    void shouldGiveAHandfulOfOperationsForOneImpossibleReadInTenThousand() {
        // given 10,000 operations of five busy clients on one register, the last completed read
        // changed to 999, a value nobody wrote (the benchmark main does the same with 100,000)
        History h = GeneratedHistories.registers(7, 10_000, 5, 1, false);

        CheckResult.KeyResult k = checker.check(h, Models.register(0L)).keys().get(0);

        // then the core is that read and the few operations in flight around it, and it is
        // impossible from every state the rest of the history can leave behind
        assertThat(k.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(k.core()).as("core %s", k.core()).hasSizeLessThanOrEqualTo(5)
                .anySatisfy(op -> assertThat(op.describe()).contains("read → 999"));
        assertThat(k.coreSkipped()).isGreaterThan(9_900);
        assertImpossibleFromEveryStart(k, Models.register(0L), 7);
    }

    @Test
    void shouldGiveCoresCutWhileOperationsAreInFlightThatAreStillImpossible() {
        // busier histories (four clients, 40 operations, randomly corrupted) give cores cut where
        // something is in flight, whose start states are a superset of the true ones: still
        // impossible from each
        int[] inFlight = new int[1];
        Seeds.check("in-flight cut cores are non-linearizable", 300, seed -> {
            History h = RandomHistories.register(seed, 4, 40, seed % 2 == 0);
            CheckResult r = checker.check(h, Models.casRegister(0L));
            if (r.verdict() == Verdict.VIOLATED) {
                CheckResult.KeyResult k = r.keys().get(0);
                if (k.explanation().contains("superset")) {
                    inFlight[0]++;
                }
                assertImpossibleFromEveryStart(k, Models.casRegister(0L), seed);
            }
        });
        System.out.printf("cores cut while operations were in flight: %d%n", inFlight[0]);
        assertThat(inFlight[0]).as("cores cut while operations were in flight").isPositive();
    }

    @SuppressWarnings("unchecked")
    private static <S> void assertImpossibleFromEveryStart(CheckResult.KeyResult k, Model<S> model, long seed) {
        List<Operation> core = new ArrayList<>();
        for (Operation op : k.core()) {
            core.add(k.relaxed().contains(op.id()) ? op.asPending() : op);
        }
        if (core.size() > 12) {
            return; // too long for brute force; the checker itself re-checked it
        }
        List<S> starts = k.coreStartStates().isEmpty() ? List.of(model.initial()) : (List<S>) (List<?>) k.coreStartStates();
        for (S start : starts) {
            assertThat(BruteForceLinearizability.isLinearizable(core, Models.startingAt(model, start)))
                    .as("seed %d: the core %s from state %s must be non-linearizable", seed, core, start)
                    .isFalse();
        }
    }

    /**
     * Every final state of every real-time-respecting order of {@code ops}, by brute force; a
     * pending operation may also never take effect.
     */
    private static <S> void finals(List<Operation> ops, Model<S> model, S state, boolean[] placed, Set<S> out) {
        boolean all = true;
        for (int i = 0; i < ops.size(); i++) {
            if (placed[i]) {
                continue;
            }
            all &= ops.get(i).isPending();
            boolean ready = true;
            for (int j = 0; j < ops.size(); j++) {
                if (j != i && !placed[j] && ops.get(j).precedes(ops.get(i))) {
                    ready = false;
                }
            }
            S after = ready ? model.step(state, ops.get(i)) : null;
            if (after != null) {
                placed[i] = true;
                finals(ops, model, after, placed, out);
                placed[i] = false;
            }
        }
        if (all) {
            out.add(state);
        }
    }
}
