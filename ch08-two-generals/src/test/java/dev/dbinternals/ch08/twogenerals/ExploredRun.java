package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/** Test support: an explored run of the two generals written out move by move, the way a failing exercise shows it. */
final class ExploredRun {

    private ExploredRun() {
    }

    static String describe(Plan plan, List<String> path, GeneralsState end) {
        StringBuilder sb = new StringBuilder("\n  plan " + plan + ", then:");
        if (path.isEmpty()) {
            sb.append("\n   (no move: nothing was sent)");
        }
        for (int i = 0; i < path.size(); i++) {
            sb.append(String.format("%n  %2d. %s", i + 1, path.get(i)));
        }
        sb.append("\n  end: A heard ").append(end.heardByA()).append(", B heard ").append(end.heardByB())
                .append(" → ").append(end.outcome());
        return sb.toString();
    }
}
