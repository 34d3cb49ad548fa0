package dev.dbinternals.ch08.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.Edn;
import dev.dbinternals.ch08.harness.history.JepsenHistory;
import dev.dbinternals.ch08.harness.history.Operation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Linearizability checker on hand-made histories with known verdicts")
class LinearizabilityCheckerTest {

    private final LinearizabilityChecker checker = LinearizabilityChecker.create();

    private static History edn(String text) {
        return JepsenHistory.parse(text, false);
    }

    @Test
    void shouldRejectAStaleReadAfterACompletedWrite() {
        // given a write of 1 that completed before a read began, and the read returned the old 0
        History h = History.builder()
                .invoke(0, "write", 1).ok(0, "write", 1)
                .invoke(1, "read", null).ok(1, "read", 0)
                .build();

        // when checked
        CheckResult r = checker.check(h, Models.register(0L));

        // then it is not linearizable, and the core names both operations
        assertThat(r.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(r.keys().get(0).core()).extracting(Operation::f).containsExactly("write", "read");
        assertThat(r.render(10)).contains("NOT LINEARIZABLE", "p1 read → 0");
    }

    @Test
    void shouldAcceptTheSameStaleReadUnderSequentialConsistency() {
        History h = History.builder()
                .invoke(0, "write", 1).ok(0, "write", 1)
                .invoke(1, "read", null).ok(1, "read", 0)
                .build();

        CheckResult r = SequentialConsistencyChecker.create().check(h, Models.register(0L));

        assertThat(r.verdict()).as("p1's read may be ordered before p0's write").isEqualTo(Verdict.OK);
        assertThat(r.keys().get(0).witness()).extracting(Operation::f).containsExactly("read", "write");
    }

    @Test
    void shouldRejectUnderSequentialConsistencyAProcessThatReadsItsOwnWriteThenTheOldValue() {
        History h = History.builder()
                .invoke(0, "write", 1).ok(0, "write", 1)
                .invoke(0, "read", null).ok(0, "read", 1)
                .invoke(0, "read", null).ok(0, "read", 0)
                .build();

        assertThat(SequentialConsistencyChecker.create().check(h, Models.register(0L)).verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldAcceptEitherOrderOfTwoConcurrentWrites() {
        for (long seen : new long[] {1, 2}) {
            // given two overlapping writes, then a read
            History h = History.builder()
                    .invoke(0, "write", 1).invoke(1, "write", 2).ok(1, "write", 2).ok(0, "write", 1)
                    .invoke(2, "read", null).ok(2, "read", seen)
                    .build();

            assertThat(checker.check(h, Models.register(0L)).verdict()).as("read of %s", seen).isEqualTo(Verdict.OK);
        }
        History three = History.builder()
                .invoke(0, "write", 1).invoke(1, "write", 2).ok(1, "write", 2).ok(0, "write", 1)
                .invoke(2, "read", null).ok(2, "read", 3)
                .build();
        assertThat(checker.check(three, Models.register(0L)).verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldLetAnInfoWriteTakeEffectLaterOrNever() {
        // a write whose outcome is unknown may happen any time after its invocation, even after later reads
        History later = edn("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :info,   :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok,     :f :read, :value 0}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok,     :f :read, :value 1}
                """);
        History never = edn("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :info,   :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok,     :f :read, :value 0}
                """);
        History backwards = edn("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :info,   :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok,     :f :read, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok,     :f :read, :value 0}
                """);

        assertThat(checker.check(later, Models.register(0L)).verdict()).isEqualTo(Verdict.OK);
        assertThat(checker.check(never, Models.register(0L)).verdict()).isEqualTo(Verdict.OK);
        assertThat(checker.check(backwards, Models.register(0L)).verdict()).as("a write cannot be undone").isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldTreatAFailedWriteAsNeverHappened() {
        History h = edn("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :fail,   :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok,     :f :read, :value 1}
                """);

        assertThat(checker.check(h, Models.register(0L)).verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldNotRequireAPendingCasThatCannotSucceedToHappen() {
        History h = History.builder()
                .invoke(0, "cas", List.of(5, 6)).info(0, "cas", List.of(5, 6))
                .invoke(1, "read", null).ok(1, "read", 0)
                .build();

        assertThat(checker.check(h, Models.casRegister(0L)).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldRejectTwoConcurrentCasFromTheSameValueThatBothSucceeded() {
        History h = History.builder()
                .invoke(0, "cas", List.of(0, 1)).invoke(1, "cas", List.of(0, 2))
                .ok(0, "cas", List.of(0, 1)).ok(1, "cas", List.of(0, 2))
                .build();

        assertThat(checker.check(h, Models.casRegister(0L)).verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldRejectALostIncrementOfACounter() {
        // two adds overlap, both complete, then a read sees only one: the racy counter's history
        History h = History.builder()
                .invoke(0, "add", 1).invoke(1, "add", 1).ok(0, "add", 1).ok(1, "add", 1)
                .invoke(0, "read", null).ok(0, "read", 1)
                .build();

        assertThat(checker.check(h, Models.counter(0)).verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(checker.check(h, Models.counter(0)).keys().get(0).core()).hasSize(3);
    }

    @Test
    void shouldCheckIndependentKeysApartAndNameTheBadKey() {
        CheckResult r = checker.check(JepsenHistory.parse("""
                {:process 0, :type :invoke, :f :write, :value [1 5]}
                {:process 0, :type :ok,     :f :write, :value [1 5]}
                {:process 1, :type :invoke, :f :write, :value [2 7]}
                {:process 1, :type :ok,     :f :write, :value [2 7]}
                {:process 0, :type :invoke, :f :read, :value [1 nil]}
                {:process 0, :type :ok,     :f :read, :value [1 5]}
                {:process 1, :type :invoke, :f :read, :value [2 nil]}
                {:process 1, :type :ok,     :f :read, :value [2 0]}
                """, true), Models.register(0L));

        assertThat(r.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(r.keys()).hasSize(2);
        assertThat(r.keys().get(0).verdict()).isEqualTo(Verdict.OK);
        assertThat(r.keys().get(1).key()).isEqualTo(2L);
        assertThat(r.keys().get(1).verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(LinearizabilityChecker.create().withoutPartitioning().check(r.keys().get(1).core(), Models.register(0L)).verdict())
                .isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldCheckTransactionsOverSeveralRegistersLikeKnossosMultiRegister() {
        // given transactions over x and y, in both spellings (:read/:write and :r/:w), with a crashed
        // write (:info) and a failed one, and invocations whose reads carry nil
        String text = """
                {:type :invoke, :f :txn, :value [[:read :x nil] [:read :y nil]], :process 0}
                {:type :invoke, :f :txn, :value [[:w :x 1] [:w :y 1]], :process 1}
                {:type :ok, :f :txn, :value [[:read :x 0] [:read :y 0]], :process 0}
                {:type :ok, :f :txn, :value [[:w :x 1] [:w :y 1]], :process 1}
                {:type :invoke, :f :txn, :value [[:write :y 2]], :process 2}
                {:type :info, :f :txn, :value [[:write :y 2]], :process 2, :error :conn-lost}
                {:type :invoke, :f :txn, :value [[:write :x 9]], :process 3}
                {:type :fail, :f :txn, :value [[:write :x 9]], :process 3}
                {:type :invoke, :f :txn, :value [[:r :x nil] [:r :y nil]], :process 0}
                {:type :ok, :f :txn, :value [[:r :x 1] [:r :y 2]], :process 0}
                """;
        Model<?> model = Models.multiRegister(java.util.Map.of(Edn.Keyword.of("x"), 0L, Edn.Keyword.of("y"), 0L), true);

        // then the crashed write may explain the read of y = 2, so it is linearizable
        assertThat(checker.check(JepsenHistory.parse(text, false), model).verdict()).isEqualTo(Verdict.OK);

        // and a read of x = 9 (the failed write) or of x = 0 after x = 1 completed is not
        assertThat(checker.check(JepsenHistory.parse(text.replace("[[:r :x 1] [:r :y 2]]", "[[:r :x 9] [:r :y 2]]"), false), model)
                .verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(checker.check(JepsenHistory.parse(text.replace("[[:r :x 1] [:r :y 2]]", "[[:r :x 0] [:r :y 1]]"), false), model)
                .verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldAcceptANilReadAnywhereOnlyInKnossosMode() {
        History h = History.builder()
                .invoke(0, "write", 1).ok(0, "write", 1)
                .invoke(1, "read", null).ok(1, "read", null)
                .build();

        assertThat(checker.check(h, Models.register(null)).verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(checker.check(h, Models.knossosRegister(null)).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldGiveAWitnessOrderThatRespectsRealTime() {
        History h = History.builder()
                .invoke(0, "write", 1).invoke(1, "read", null).ok(1, "read", 1).ok(0, "write", 1)
                .invoke(1, "write", 2).ok(1, "write", 2)
                .invoke(0, "read", null).ok(0, "read", 2)
                .build();

        CheckResult r = checker.check(h, Models.register(0L));

        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.keys().get(0).witness()).extracting(Operation::describe)
                .containsExactly("p0 write 1 [0..3]", "p1 read → 1 [1..2]", "p1 write 2 [4..5]", "p0 read → 2 [6..7]");
    }

    @Test
    void shouldReportUnknownWhenTheBudgetRunsOut() {
        History h = History.builder()
                .invoke(0, "write", 1).invoke(1, "write", 2).invoke(2, "write", 3)
                .ok(0, "write", 1).ok(1, "write", 2).ok(2, "write", 3)
                .invoke(0, "read", null).ok(0, "read", 9)
                .build();

        assertThat(LinearizabilityChecker.create().withBudget(3).check(h, Models.register(0L)).verdict()).isEqualTo(Verdict.UNKNOWN);
    }
}
