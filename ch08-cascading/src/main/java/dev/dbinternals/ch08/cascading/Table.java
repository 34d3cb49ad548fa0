package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.lang.Columns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for narrated demo output, also printable as Markdown. Not thread-safe.
 */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    @Override
    public String toString() {
        int[] w = widths();
        StringBuilder sb = new StringBuilder();
        line(sb, headers, w);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        sb.append(rule).append('\n');
        rows.forEach(r -> line(sb, r, w));
        return sb.toString();
    }

    /** The same table in GitHub Markdown. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", headers)).append(" |\n|");
        headers.forEach(h -> sb.append(" --- |"));
        sb.append('\n');
        rows.forEach(r -> sb.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return sb.toString();
    }

    private int[] widths() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Columns.width(headers.get(i));
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], Columns.width(r.get(i)));
            }
        }
        return w;
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            // numbers right-aligned, words left-aligned: a column of figures reads at a glance
            boolean numeric = !c.isEmpty() && (Character.isDigit(c.charAt(0)) || c.charAt(0) == '-' && c.length() > 1);
            String cell = numeric ? " ".repeat(w[i] - Columns.width(c)) + c : c + " ".repeat(w[i] - Columns.width(c));
            sb.append(i == 0 ? "" : "  ").append(cell);
        }
        sb.append('\n');
    }
}
