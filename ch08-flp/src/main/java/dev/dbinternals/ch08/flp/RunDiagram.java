package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.render.Mermaid;

import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import java.util.List;

/**
 * Draws an explored run of the {@link ConsensusModel} as a Mermaid sequence diagram: an arrow per
 * delivered message, a note per crash and per decision; if the run cannot go on, a crossed arrow
 * for every message still in flight (sent to a crashed process, it is never delivered) and a note
 * on every correct process left undecided.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론): the runs the explorer finds are
 * schedules of a finite model (delivery orders and, unlike FLP's own non-deciding run, a crash);
 * seeing one drawn is the quickest way to follow it. Stateless.
 */
public final class RunDiagram {

    private RunDiagram() {
    }

    /** The run that follows {@code labels} (explorer transition labels) from {@code start}. */
    public static String mermaid(ConsensusModel model, Configuration start, List<String> labels, String title) {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        if (title != null && !title.isBlank()) {
            sb.append("    title ").append(Mermaid.escape(title)).append('\n');
        }
        for (int p = 0; p < start.n(); p++) {
            sb.append("    participant p").append(p).append(" as p").append(p).append(t(" (input ", " (입력 "))
                    .append(start.process(p).input()).append(")\n");
        }
        Configuration c = start;
        appendDecisions(sb, null, c);
        for (String label : labels) {
            Configuration from = c;
            Transition<Configuration> t = model.next(from).stream().filter(x -> x.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no step '" + label + "' in " + from));
            if (label.startsWith("deliver ")) {
                Message m = parse(label.substring("deliver ".length()));
                sb.append("    p").append(m.from()).append("->>p").append(m.to()).append(": ")
                        .append(m.kind()).append('(').append(m.value()).append(")\n");
            } else if (label.startsWith("crash ")) {
                sb.append("    Note over ").append(label.substring("crash ".length())).append(t(": CRASH\n", ": 충돌\n"));
            }
            c = t.target();
            appendDecisions(sb, from, c);
        }
        if (!model.next(c).isEmpty()) {
            return sb.toString(); // the run could go on; the property already broke on the way here
        }
        for (Message m : c.inFlight()) {
            sb.append("    p").append(m.from()).append("-xp").append(m.to()).append(": ").append(m.kind()).append('(')
                    .append(m.value()).append(t(") never delivered\n", ") 끝내 전달되지 않음\n"));
        }
        for (int p = 0; p < c.n(); p++) {
            ProcessState ps = c.process(p);
            if (ps.correct() && !ps.decided()) {
                sb.append("    Note over p").append(p).append(t(": waits forever (correct, undecided)\n", ": 영원히 기다린다 (정상, 결정 안 함)\n"));
            }
        }
        return sb.toString();
    }

    private static void appendDecisions(StringBuilder sb, Configuration before, Configuration after) {
        for (int p = 0; p < after.n(); p++) {
            boolean was = before != null && before.process(p).decided();
            if (!was && after.process(p).decided()) {
                sb.append("    Note over p").append(p).append(t(": decides ", ": 결정 ")).append(after.process(p).decision()).append('\n');
            }
        }
    }

    /** Parses {@link Message#toString()}, e.g. {@code p0→p1 value(0)}. */
    private static Message parse(String s) {
        int arrow = s.indexOf('→');
        int space = s.indexOf(' ');
        int open = s.indexOf('(');
        int from = Integer.parseInt(s.substring(1, arrow));
        int to = Integer.parseInt(s.substring(arrow + 2, space));
        String kind = s.substring(space + 1, open);
        int value = Integer.parseInt(s.substring(open + 1, s.indexOf(')')));
        return new Message(from, to, kind, value);
    }
}
