package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.util.List;

/** Test support: an explored run of the two generals written out move by move, the way a failing exercise shows it. */
final class ExploredRun {

    private ExploredRun() {
    }

    static String describe(Plan plan, List<String> path, GeneralsState end) {
        StringBuilder sb = new StringBuilder(t("\n  plan " + plan + ", then:", "\n  계획 " + plan + ", 이어서:"));
        if (path.isEmpty()) {
            sb.append(t("\n   (no move: nothing was sent)", "\n   (이동 없음: 아무것도 보내지 않았다)"));
        }
        for (int i = 0; i < path.size(); i++) {
            sb.append(String.format("%n  %2d. %s", i + 1, path.get(i)));
        }
        sb.append(t("\n  end: A heard ", "\n  끝: A가 받은 것 ")).append(end.heardByA())
                .append(t(", B heard ", ", B가 받은 것 ")).append(end.heardByB())
                .append(" → ").append(Words.outcome(end.outcome()));
        return sb.toString();
    }
}
