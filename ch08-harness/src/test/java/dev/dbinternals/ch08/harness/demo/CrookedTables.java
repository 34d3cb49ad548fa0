package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.lang.Columns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables of a demo's output that were padded by characters ({@code %-12s}) where a
 * terminal counts columns ({@link Columns}): under {@code --lang ko} such a table drifts, since a
 * Hangul syllable is one character but two columns wide.
 *
 * <p>The heuristic. A <em>table</em> is a run of at least {@value #MIN_LINES} consecutive lines,
 * each with at least {@value #MIN_CELLS} cells; cells are separated by two or more spaces (one
 * space stays inside a cell: {@code 둘 다 공격}). Every cell has a left edge and a right edge. Two
 * lines <em>agree</em> on an edge when both have an edge of the same side at the same position.
 * The agreements over all pairs of lines of the table are counted twice: with positions in
 * characters ({@code String} indices, what {@code %-12s} pads by) and in terminal columns
 * ({@link Columns#width} of the text before the edge). A table whose lines agree more by
 * characters than by columns was lined up by characters, and a terminal shows it crooked.
 *
 * <p>Why no false alarm on English: without wide letters, characters and columns are the same
 * positions, the two counts are equal, and the check cannot fire. A Korean table padded with
 * {@link Columns} agrees more by columns (its header and its rows share column edges, not
 * character ones).
 *
 * <p>What it cannot see: a table of one or two lines, or with fewer than three cells a line (a
 * list of {@code name  value} pairs); a table whose lines are interrupted by shorter lines; and a
 * table in which characters and columns agree equally badly, such as a header padded with
 * {@link Columns} over rows whose Korean cells, all of the same width, are padded by {@code %-Ns}
 * (every row drifts by the same amount, away from the header). Such tables need a reader's eye,
 * or a comparison with the English run.
 *
 * <p>Book: none; it serves the Korean edition (『데이터베이스 인터널스』) of every demo. Test
 * scaffolding (harness test-jar), never in main code.
 */
public final class CrookedTables {

    /** Fewer lines than this are not treated as a table. */
    public static final int MIN_LINES = 3;
    /** Lines with fewer cells than this are not table rows. */
    public static final int MIN_CELLS = 3;

    /** A cell: non-blank text in which single spaces may occur, bounded by two spaces or the line's ends. */
    private static final Pattern CELL = Pattern.compile("\\S+(?: \\S+)*");

    /**
     * A table that lines up by characters and not by terminal columns.
     *
     * @param line the table's first line, 1-based, in the output
     * @param header that first line
     * @param byCharacters the edges its pairs of lines share, positions counted in characters
     * @param byColumns the same, positions counted in terminal columns
     */
    public record Crooked(int line, String header, int byCharacters, int byColumns) {
        @Override
        public String toString() {
            return "line " + line + " (" + byCharacters + " edges line up by characters, " + byColumns + " by terminal columns): "
                    + header.strip();
        }
    }

    private CrookedTables() {
    }

    /** The crooked tables of {@code output}, in order (empty when every table lines up on a terminal). */
    public static List<Crooked> in(String output) {
        List<String> lines = output.lines().toList();
        List<Crooked> found = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j < lines.size() && cells(lines.get(j)) >= MIN_CELLS) {
                j++;
            }
            if (j - i >= MIN_LINES) {
                List<String> table = lines.subList(i, j);
                int byCharacters = agreements(table, false);
                int byColumns = agreements(table, true);
                if (byCharacters > byColumns) {
                    found.add(new Crooked(i + 1, table.get(0), byCharacters, byColumns));
                }
            }
            i = Math.max(j, i + 1);
        }
        return found;
    }

    private static int cells(String line) {
        Matcher m = CELL.matcher(line);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The edges shared by each pair of lines, summed; a left edge at p is 2p, a right edge 2p + 1. */
    private static int agreements(List<String> table, boolean inColumns) {
        List<Set<Integer>> edges = new ArrayList<>();
        for (String line : table) {
            Set<Integer> e = new HashSet<>();
            Matcher m = CELL.matcher(line);
            while (m.find()) {
                e.add(2 * position(line, m.start(), inColumns));
                e.add(2 * position(line, m.end(), inColumns) + 1);
            }
            edges.add(e);
        }
        int shared = 0;
        for (int a = 0; a < edges.size(); a++) {
            for (int b = a + 1; b < edges.size(); b++) {
                Set<Integer> both = new HashSet<>(edges.get(a));
                both.retainAll(edges.get(b));
                shared += both.size();
            }
        }
        return shared;
    }

    private static int position(String line, int index, boolean inColumns) {
        return inColumns ? Columns.width(line.substring(0, index)) : index;
    }
}
