package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.util.List;

/** Test support: an explored run written out step by step, the way a failing exercise shows it. */
final class Runs {

    private Runs() {
    }

    /** The steps from the initial configuration of {@code inputs}, one per line, and how the run ended. */
    static String describe(String inputs, List<String> path, Configuration end) {
        StringBuilder sb = new StringBuilder(t("\n  inputs " + inputs + " (p0 first), then:", "\n  입력 " + inputs + " (p0부터), 그다음:"));
        for (int i = 0; i < path.size(); i++) {
            sb.append(String.format("%n  %2d. %s", i + 1, path.get(i)));
        }
        sb.append(t("\n  end:", "\n  끝:"));
        for (int p = 0; p < end.n(); p++) {
            ProcessState ps = end.process(p);
            String state = ps.crashed() ? t("crashed", "충돌함") : ps.decided() ? t("decided ", "결정함: ") + ps.decision() : t("waiting, undecided", "대기 중, 결정 안 함");
            sb.append(String.format(t("%n    p%d %s; received %s", "%n    p%d %s; 받은 메시지 %s"), p, state, ps.received()));
        }
        return sb.toString();
    }
}
