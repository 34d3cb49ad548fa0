package dev.dbinternals.ch08.harness.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.history.Edn.Keyword;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Jepsen EDN histories: read, written back, and bad input reported with line and column")
class JepsenHistoryTest {

    @Test
    void shouldReadAJepsenHistoryWithCommasCommentsExtraKeysAndInfo() {
        // given a history as Jepsen writes it, with :time, :index, an :error, a nemesis and a comment
        String text = """
                ; a register under partitions
                {:type :invoke, :f :write, :value 3, :process 0, :time 1000, :index 0}
                {:type :info, :f :start, :value nil, :process :nemesis, :time 1100, :index 1}
                {:type :invoke, :f :cas, :value [3 4], :process 1, :time 1200, :index 2}
                {:type :ok, :f :write, :value 3, :process 0, :time 1500, :index 3}
                {:type :info, :f :cas, :value [3 4], :process 1, :error :timeout, :index 4}
                {:type :invoke, :f :read, :value nil, :process 0, :index 5}
                {:type :ok, :f :read, :value 4, :process 0, :index 6}
                """;

        // when parsed
        History h = JepsenHistory.parse(text, false);

        // then the nemesis is kept as an event but not paired, and the :info cas stays pending
        assertThat(h.events()).hasSize(7);
        assertThat(h.operations()).extracting(Operation::describe)
                .containsExactly("p0 write 3 [0..3]", "p1 cas [3 4] (outcome unknown) [2..?]", "p0 read → 4 [5..6]");
        assertThat(h.events().get(4).fields()).containsEntry(Keyword.of("error"), Keyword.of("timeout"));
    }

    @Test
    void shouldReadTaggedRecordsIndependentTuplesAndAWrappingVector() {
        String text = """
                [#jepsen.history.Op{:index 0, :time 5, :type :invoke, :process 0, :f :write, :value #jepsen.independent.Tuple{:key 7, :value 1}}
                 #jepsen.history.Op{:index 1, :time 9, :type :ok, :process 0, :f :write, :value #jepsen.independent.Tuple{:key 7, :value 1}}
                 {:index 2, :type :invoke, :process 1, :f :read, :key 8, :value nil}
                 {:index 3, :type :ok, :process 1, :f :read, :key 8, :value 0}]
                """;

        History h = JepsenHistory.parse(text, false);

        assertThat(h.operations()).extracting(Operation::key).containsExactly(7L, 8L);
        assertThat(h.operations().get(0).value()).isEqualTo(1L);
        assertThat(h.byKey().keySet()).containsExactly(7L, 8L);
    }

    @Test
    void shouldReadAnUnreadableObjectThatClojurePrintsIntoAnErrorField() {
        // given a completion whose :exception Clojure printed as #object[class identity-hash value]
        String text = """
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 1, :exception #object[java.net.SocketTimeoutException 0x6d2a1b "timeout"]}
                """;

        // when parsed
        History h = JepsenHistory.parse(text, false);

        // then the read is there, and the object is a tagged vector with its hash read as hexadecimal
        assertThat(h.operations()).extracting(Operation::describe).containsExactly("p1 read → 1 [0..1]");
        assertThat(h.events().get(1).fields().get(Keyword.of("exception"))).isEqualTo(new Edn.Tagged("object",
                List.of(new Edn.Symbol("java.net.SocketTimeoutException"), 0x6d2a1bL, "timeout")));
    }

    @Test
    void shouldRefuseWhatJepsenHistoriesDoNotContainWithTheLineAndColumn() {
        // given Clojure-only syntax and EDN that Clojure's printer never writes into a history,
        // each on line 2 after one good event
        String good = "{:process 0, :type :invoke, :f :read, :value nil}\n";
        String[][] refused = {
                {":rate 1/3", "not a number read here"}, {":radix 2r101", "not a number read here"},
                {":octal 017", "not a number read here"}, {":big 1.5M", "not a number read here"},
                {":node #:db{:id 7}", "'#:db' is not read here"}, {":x #_ 1 :y 2", "'#_' is not read here"},
                {":inf ##Inf", "'##Inf' is not read here"}, {":c \\c", "character literal"}};
        for (String[] r : refused) {
            String text = good + "{:process 0, :type :ok, :f :read, :value 1, " + r[0] + "}";
            assertThatThrownBy(() -> JepsenHistory.parse(text, false)).as(r[0])
                    .isInstanceOf(EdnParseException.class)
                    .hasMessageStartingWith("line 2, column ")
                    .hasMessageContaining(r[1]);
        }
    }

    @Test
    void shouldKeepTheInvocationsKeyWhenAFailedOrCrashedCompletionCarriesNoTuple() {
        // given an independent history whose :info and :fail completions lost their [key value] tuple,
        // and a crashed process id that invokes again after its :info
        String text = """
                {:process 0, :type :invoke, :f :cas, :value [5 [0 1]]}
                {:process 0, :type :info, :f :cas, :value nil, :error :timeout}
                {:process 1, :type :invoke, :f :write, :value [6 2]}
                {:process 1, :type :fail, :f :write, :value nil}
                {:process 0, :type :invoke, :f :read, :value [5 nil]}
                {:process 0, :type :ok, :f :read, :value [5 1]}
                """;

        // when parsed with independent keys
        History h = JepsenHistory.parse(text, true);

        // then the crashed cas stays pending under key 5, the failed write is gone, and process 0 is reused
        assertThat(h.operations()).extracting(Operation::describe)
                .containsExactly("key 5: p0 cas [0 1] (outcome unknown) [0..?]", "key 5: p0 read → 1 [4..5]");
        assertThat(h.warnings()).isEmpty();
    }

    @Test
    void shouldKeepTheInvocationsValueWhenTheCompletionCarriesNone() {
        // given a client that writes no :value on its completions (the etcd lock history carries none at all)
        String text = """
                {:process 0, :type :invoke, :f :write, :value 3}
                {:process 0, :type :ok, :f :write}
                {:process 1, :type :invoke, :f :cas, :value [3 4]}
                {:process 1, :type :ok, :f :cas, :value nil}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value nil}
                """;

        History h = JepsenHistory.parse(text, false);

        // then the write is still "write 3" and the cas "[3 4]" (as Knossos reads them); a read of nil stays nil
        assertThat(h.operations()).extracting(Operation::describe)
                .containsExactly("p0 write 3 [0..1]", "p1 cas [3 4] [2..3]", "p2 read → nil [4..5]");
    }

    @Test
    void shouldReadAListWrappedHistoryWithCommentsAndMultiLineNemesisMaps() {
        // given the layout of Knossos's test data: a list, comments between events, a pretty-printed nemesis map
        String text = """
                ({:type :invoke, :f :write, :value 0, :process 0}
                 {:type :ok, :f :write, :value 0, :process 0}
                 ; the partition starts
                 {:process :nemesis,
                  :type :info,
                  :f :start,
                  :value
                  "isolated #{:a :b} from #{:c}"}
                 {:type :invoke, :f :read, :value nil, :process 1}
                 {:type :ok, :f :read, :value 0, :process 1}
                )
                """;

        History h = JepsenHistory.parse(text, false);

        assertThat(h.events()).hasSize(5);
        assertThat(h.operations()).extracting(Operation::line).containsExactly(1, 9);
    }

    @Test
    void shouldRoundTripAHistoryThroughEdn() {
        History h = History.builder()
                .invoke(0, "cas", List.of(1, 2)).invoke(1, "read", null)
                .ok(0, "cas", List.of(1, 2)).info(1, "read", null)
                .add(2, HistoryEvent.Type.INVOKE, "write", Keyword.of("a"), 5L)
                .add(2, HistoryEvent.Type.FAIL, "write", Keyword.of("a"), 5L)
                .build();

        String edn = JepsenHistory.write(h);
        History back = JepsenHistory.parse(edn, false);

        assertThat(back.events()).hasSize(6);
        assertThat(back.operations()).extracting(Operation::describe).isEqualTo(h.operations().stream().map(Operation::describe).toList());
        assertThat(back.operations().get(0).value()).isEqualTo(h.operations().get(0).value());
        assertThat(JepsenHistory.write(back)).isEqualTo(edn);
    }

    @Test
    void shouldReadEveryEdnScalar() {
        List<Object> v = Edn.readAll("nil true false -3 +4 12345678901234567890 7N 1.5 \"a\\\"b\\n\" :ns/k sym #{1 2} (1 2) {:a [1 (2)]} 0x1F 2e3");

        assertThat(v).hasSize(16);
        assertThat(v.get(0)).isNull();
        assertThat(v.get(3)).isEqualTo(-3L);
        assertThat(v.get(4)).isEqualTo(4L);
        assertThat(v.get(5)).isInstanceOf(java.math.BigInteger.class);
        assertThat(v.get(6)).isEqualTo(java.math.BigInteger.valueOf(7));
        assertThat(v.get(8)).isEqualTo("a\"b\n");
        assertThat(v.get(9)).isEqualTo(new Keyword("ns", "k"));
        assertThat(v.get(11)).isEqualTo(java.util.Set.of(1L, 2L));
        assertThat(v.get(12)).isEqualTo(List.of(1L, 2L));
        assertThat(v.get(13)).isEqualTo(Map.of(Keyword.of("a"), List.of(1L, List.of(2L))));
        assertThat(Edn.write(v.get(13))).as("a list is written back as a vector: equal in EDN").isEqualTo("{:a [1 [2]]}");
        assertThat(v.get(14)).isEqualTo(31L);
        assertThat(v.get(15)).isEqualTo(2000.0);
    }

    @Test
    void shouldReportAnUnclosedMapWithItsLineAndColumn() {
        String text = "{:process 0, :type :invoke, :f :read, :value nil}\n  {:process 0, :type :ok, :f :read";

        assertThatThrownBy(() -> JepsenHistory.parse(text, false))
                .isInstanceOf(EdnParseException.class)
                .hasMessageStartingWith("line 2, column 3:")
                .hasMessageContaining("never closed");
    }

    @Test
    void shouldReportAMismatchedBracket() {
        assertThatThrownBy(() -> Edn.readAll("[1 2 3}"))
                .isInstanceOf(EdnParseException.class)
                .hasMessageContaining("line 1, column 7")
                .hasMessageContaining("expected ']'");
    }

    @Test
    void shouldReportAnUnknownTypeAndAMissingProcess() {
        assertThatThrownBy(() -> JepsenHistory.parse("{:process 0, :type :done, :f :read}", false))
                .hasMessageContaining("line 1, column 1")
                .hasMessageContaining(":type to be one of :invoke, :ok, :fail, :info, found :done");
        assertThatThrownBy(() -> JepsenHistory.parse("\n\n   {:type :invoke, :f :read}", false))
                .hasMessageContaining("line 3, column 4: the operation has no :process");
    }

    @Test
    void shouldReportACompletionWithoutInvocationAndADoubleInvoke() {
        assertThatThrownBy(() -> JepsenHistory.parse("{:process 0, :type :ok, :f :read, :value 1}", false))
                .hasMessageContaining(":ok from process 0 completes no :invoke");
        assertThatThrownBy(() -> JepsenHistory.parse("""
                {:process 0, :type :invoke, :f :read}
                {:process 0, :type :invoke, :f :write, :value 1}""", false))
                .hasMessageContaining("line 2").hasMessageContaining("has not completed");
    }

    @Test
    void shouldReportGarbageClearly() {
        assertThatThrownBy(() -> JepsenHistory.parse("hello world", false))
                .hasMessageContaining("line 1, column 1: expected an operation map");
        assertThatThrownBy(() -> Edn.readAll("{:a 1 :b}")).hasMessageContaining("even number of forms");
        assertThatThrownBy(() -> Edn.readAll("\"abc")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> Edn.readAll("'(1 2)")).hasMessageContaining("not EDN");
        assertThatThrownBy(() -> JepsenHistory.parse("{:process 0, :type :invoke, :f :write, :value 3}", true))
                .hasMessageContaining("[key value] tuple");
    }
}
