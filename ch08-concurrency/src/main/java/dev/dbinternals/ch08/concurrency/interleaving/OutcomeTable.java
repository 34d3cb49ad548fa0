package dev.dbinternals.ch08.concurrency.interleaving;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.explore.Explorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of an exhaustive exploration laid out like a jcstress report: each outcome, the
 * number of interleavings reaching it, its grade and a witness schedule. Immutable.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행), figure 8-1.
 */
public final class OutcomeTable {

    /** One outcome: the final value of x, how many interleavings end there, its grade, a witness (empty when unreached). */
    public record Row(int outcome, long interleavings, Expect expect, String description, List<String> witness) {
    }

    private final String title;
    private final List<Row> rows;
    private final int states;

    private OutcomeTable(String title, List<Row> rows, int states) {
        this.title = title;
        this.rows = List.copyOf(rows);
        this.states = states;
    }

    static OutcomeTable of(String title, OutcomeSpec spec, Map<Integer, Explorer.OutcomeCount> counts, int states) {
        TreeMap<Integer, Row> byOutcome = new TreeMap<>((a, b) -> Integer.compare(b, a));
        spec.declared().forEach((o, g) -> byOutcome.put(o, new Row(o, 0, g.expect(), g.description(), List.of())));
        counts.forEach((o, c) -> {
            OutcomeSpec.Grade g = spec.grade(o);
            byOutcome.put(o, new Row(o, c.executions(), g.expect(), g.description(), c.witness()));
        });
        return new OutcomeTable(title, new ArrayList<>(byOutcome.values()), states);
    }

    public String title() {
        return title;
    }

    /** Rows from the largest outcome down. */
    public List<Row> rows() {
        return rows;
    }

    /** Distinct reachable states of the model. */
    public int states() {
        return states;
    }

    public long totalInterleavings() {
        return rows.stream().mapToLong(Row::interleavings).sum();
    }

    /** Interleavings reaching {@code outcome} (0 if none). */
    public long interleavings(int outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).mapToLong(Row::interleavings).sum();
    }

    /** The outcomes reached by at least one interleaving. */
    public List<Integer> reachedOutcomes() {
        return rows.stream().filter(r -> r.interleavings() > 0).map(Row::outcome).toList();
    }

    /** True if some FORBIDDEN outcome is reachable: the model does not meet its spec. */
    public boolean forbiddenReached() {
        return rows.stream().anyMatch(r -> r.expect() == Expect.FORBIDDEN && r.interleavings() > 0);
    }

    /** The table as text, jcstress style. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        sb.append("  ").append(Columns.left(t("Outcome", "결과"), 9)).append(' ').append(Columns.right(t("Interleavings", "인터리빙 수"), 14))
                .append("  ").append(Columns.left(t("Expect", "판정"), 23)).append(' ').append(t("Description", "설명")).append(System.lineSeparator());
        for (Row r : rows) {
            sb.append(String.format("  x = %-5d %14d  %-23s %s%s%n", r.outcome(), r.interleavings(), r.expect(), r.description(),
                    r.expect() == Expect.FORBIDDEN && r.interleavings() == 0 ? t(" (unreachable in the model)", " (모델에서 도달 불가)") : ""));
        }
        sb.append(String.format(t("  %d interleavings in total, %d distinct states, explored exhaustively%s%n",
                        "  인터리빙 모두 %d개, 서로 다른 상태 %d개, 빠짐없이 탐색함%s%n"),
                totalInterleavings(), states, forbiddenReached() ? t("; A FORBIDDEN OUTCOME IS REACHABLE", "; FORBIDDEN 결과에 도달할 수 있다") : ""));
        for (Row r : rows) {
            if (r.interleavings() > 0) {
                sb.append(t("  witness for x = ", "  증거, x = ")).append(r.outcome()).append(": ").append(String.join(", ", r.witness())).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
