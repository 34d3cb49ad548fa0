package dev.dbinternals.ch08.flp;

import java.util.List;

/** Test support: an explored run written out step by step, the way a failing exercise shows it. */
final class Runs {

    private Runs() {
    }

    /** The steps from the initial configuration of {@code inputs}, one per line, and how the run ended. */
    static String describe(String inputs, List<String> path, Configuration end) {
        StringBuilder sb = new StringBuilder("\n  inputs " + inputs + " (p0 first), then:");
        for (int i = 0; i < path.size(); i++) {
            sb.append(String.format("%n  %2d. %s", i + 1, path.get(i)));
        }
        sb.append("\n  end:");
        for (int p = 0; p < end.n(); p++) {
            ProcessState ps = end.process(p);
            String state = ps.crashed() ? "crashed" : ps.decided() ? "decided " + ps.decision() : "waiting, undecided";
            sb.append(String.format("%n    p%d %s; received %s", p, state, ps.received()));
        }
        return sb.toString();
    }
}
