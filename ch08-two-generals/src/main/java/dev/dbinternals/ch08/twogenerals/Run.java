package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.render.Mermaid;

import java.util.List;

/**
 * One complete run of a messenger protocol: the plan, what happened to each messenger in
 * order, and the final state with both decisions. Immutable.
 */
public record Run(Plan plan, List<Step> steps, GeneralsState end) {

    /** What happened to one messenger. */
    public record Step(Messenger messenger, boolean delivered) {
        @Override
        public String toString() {
            return (delivered ? "deliver " : "lose ") + messenger;
        }
    }

    public Run {
        steps = List.copyOf(steps);
        if (!end.decided()) {
            throw new IllegalArgumentException("a run ends with both generals decided");
        }
    }

    /** Messengers that arrived. */
    public long deliveredCount() {
        return steps.stream().filter(Step::delivered).count();
    }

    /** True when both generals made the same decision. */
    public boolean agreement() {
        return end.a() == end.b();
    }

    /** The last messenger that arrived, or null if none did. */
    public Messenger lastDelivered() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).delivered()) {
                return steps.get(i).messenger();
            }
        }
        return null;
    }

    /** The run rebuilt from the explorer's path labels. */
    public static Run fromPath(TwoGeneralsModel model, Plan plan, List<String> labels) {
        List<GeneralsState> states = model.replay(plan, labels);
        List<Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            GeneralsState before = states.get(i);
            String label = labels.get(i);
            boolean delivered = label.startsWith("deliver");
            int seq = Integer.parseInt(label.substring(label.indexOf('#') + 1, label.indexOf(' ', label.indexOf('#'))));
            Messenger m = before.onTheWay().stream().filter(x -> x.seq() == seq).findFirst().orElseThrow();
            steps.add(new Step(m, delivered));
        }
        return new Run(plan, steps, states.get(states.size() - 1));
    }

    /** A one-line summary, e.g. {@code deliver #1, lose #2 → B attacks alone}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s.delivered() ? "deliver #" : "lose #").append(s.messenger().seq());
        }
        return (sb.length() == 0 ? "(no messenger)" : sb) + " → " + end.outcome();
    }

    /**
     * The run as a Mermaid sequence diagram: arrows that arrive are solid, captured messengers
     * end in a cross, and each general's decision is a note at the end. The labels follow the
     * language in effect; the messengers' texts are the protocol's own.
     */
    public String toMermaid(String title) {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        if (title != null && !title.isBlank()) {
            sb.append("    title ").append(Mermaid.escape(title)).append('\n');
        }
        sb.append("    participant A as ").append(t("General A (plan: ", "장군 A (계획: ")).append(plan).append(")\n");
        sb.append("    participant B as ").append(t("General B", "장군 B")).append('\n');
        for (Step s : steps) {
            Messenger m = s.messenger();
            // '#' starts an entity in Mermaid: escaped, the reader sees "#1 attack at dawn"
            sb.append("    ").append(m.from()).append(s.delivered() ? "->>" : "-x").append(m.to()).append(": ")
                    .append(Mermaid.escape("#" + m.seq() + " " + m.text() + (s.delivered() ? "" : t(" (captured)", " (붙잡힘)"))))
                    .append('\n');
        }
        sb.append("    Note over A: ").append(end.a()).append(t(" (heard " + end.heardByA().size() + ")",
                " (" + end.heardByA().size() + "개 받음)")).append('\n');
        sb.append("    Note over B: ").append(end.b()).append(t(" (heard " + end.heardByB().size() + ")",
                " (" + end.heardByB().size() + "개 받음)")).append('\n');
        return sb.toString();
    }
}
