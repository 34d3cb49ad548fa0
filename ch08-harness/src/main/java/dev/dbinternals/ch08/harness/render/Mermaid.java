package dev.dbinternals.ch08.harness.render;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.DropReason;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Renders a {@link Trace} as a Mermaid {@code sequenceDiagram}, which GitHub and the docs show
 * as a picture.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션 부분 장애): the
 * reader must <em>see</em> which messages crossed. Every outcome looks different:
 * <ul>
 *   <li>delivered: a solid arrow {@code A->>B: m1 ...};</li>
 *   <li>dropped: a cross arrow {@code A-xB: m2 LOST (LOSS) ...} (the reason in capitals);</li>
 *   <li>an extra copy delivered: a dotted arrow {@code A-->>B: m1 DUPLICATE ...};</li>
 *   <li>a corrupted frame delivered: a dotted open arrow {@code A--)B: m3 CORRUPTED ...};</li>
 *   <li>crash, restart, pause, clock steps, partitions: notes over the nodes concerned.</li>
 * </ul>
 * Timers are left out by default (they are noise in a message diagram); pass a filter to
 * choose. Large traces are cut after {@value #MAX_LINES} lines with a note saying so.
 *
 * <p>Stateless and thread-safe.
 */
public final class Mermaid {

    /** Mermaid renderers struggle past a few hundred messages. */
    public static final int MAX_LINES = 400;

    private Mermaid() {
    }

    /** The whole trace without timer events. */
    public static String sequenceDiagram(Trace trace) {
        return sequenceDiagram(trace, e -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE
                && e.kind() != Kind.TIMER_CANCEL);
    }

    /** The events of {@code trace} matching {@code filter}. */
    public static String sequenceDiagram(Trace trace, Predicate<? super TraceEvent> filter) {
        Map<Address, String> ids = new LinkedHashMap<>();
        for (TraceEvent e : trace.events()) {
            if (filter.test(e)) {
                if (e.node() != null) ids.computeIfAbsent(e.node(), a -> "P" + ids.size());
                if (e.peer() != null) ids.computeIfAbsent(e.peer(), a -> "P" + ids.size());
            }
        }
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        ids.forEach((a, id) -> sb.append("    participant ").append(id).append(" as ").append(clean(a.name())).append('\n'));
        String all = ids.isEmpty() ? null : ids.values().iterator().next()
                + (ids.size() > 1 ? "," + ids.values().stream().reduce((x, y) -> y).orElseThrow() : "");
        Map<Long, byte[]> sent = new HashMap<>();   // by message id; looked up only
        Map<Long, Integer> deliveries = new HashMap<>();
        int lines = 0;
        int skipped = 0;
        for (TraceEvent e : trace.events()) {
            if (e.kind() == Kind.SEND) {
                sent.put(e.messageId(), e.payload());
            }
            if (!filter.test(e)) {
                continue;
            }
            if (lines >= MAX_LINES) {
                skipped++;
                continue;
            }
            String when = Trace.formatNanos(e.timeNanos());
            String from = e.node() == null ? null : ids.get(e.node());
            String to = e.peer() == null ? null : ids.get(e.peer());
            String payload = clean(trace.describePayload(e));
            String line = switch (e.kind()) {
                case SEND, DUPLICATE, CORRUPT, TIMER_SET, TIMER_CANCEL -> null; // shown by their outcome
                case DELIVER -> {
                    int n = deliveries.merge(e.messageId(), 1, Integer::sum);
                    byte[] original = sent.get(e.messageId());
                    boolean corrupted = original != null && !Arrays.equals(original, e.payload());
                    String src = ids.get(e.peer());
                    String dst = ids.get(e.node());
                    if (corrupted) {
                        yield src + "--)" + dst + ": m" + e.messageId() + " CORRUPTED " + payload + " @" + when;
                    } else if (n > 1) {
                        yield src + "-->>" + dst + ": m" + e.messageId() + " DUPLICATE " + payload + " @" + when;
                    }
                    yield src + "->>" + dst + ": m" + e.messageId() + " " + payload + " @" + when;
                }
                case DROP -> {
                    DropReason r = e.dropReason();
                    yield from + "-x" + to + ": m" + e.messageId() + " LOST (" + r + ") " + payload + " @" + when;
                }
                case CRASH -> "Note over " + from + ": CRASH @" + when;
                case RESTART -> "Note over " + from + ": RESTART " + clean(e.detail()) + " @" + when;
                case PAUSE -> "Note over " + from + ": PAUSE " + clean(e.detail()) + " @" + when;
                case RESUME -> "Note over " + from + ": RESUME @" + when;
                case CLOCK_STEP -> "Note over " + from + ": CLOCK " + clean(e.detail()) + " @" + when;
                case TIMER_FIRE -> "Note over " + from + ": timer " + clean(e.detail()) + " @" + when;
                case PARTITION -> all == null ? null : "Note over " + all + ": PARTITION " + clean(e.detail()) + " @" + when;
                case HEAL -> all == null ? null : "Note over " + all + ": HEAL @" + when;
                case NOTE -> from != null ? "Note over " + from + ": " + clean(e.detail()) + " @" + when
                        : all == null ? null : "Note over " + all + ": " + clean(e.detail()) + " @" + when;
            };
            if (line != null) {
                sb.append("    ").append(line).append('\n');
                lines++;
            }
        }
        if (skipped > 0 && all != null) {
            sb.append("    Note over ").append(all).append(": ... ").append(skipped)
                    .append(" more events cut (filter the trace to see them)\n");
        }
        return sb.toString();
    }

    /** Keeps what Mermaid reads literally; ';' '#' ':' '<' '>' and quotes would change the syntax. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length() && sb.length() < 100; i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || " =,.[]()_+-/*@!?|".indexOf(c) >= 0) {
                sb.append(c);
            } else if (c == ':' || c == ';') {
                sb.append(' ');
            } else if (c == '"' || c == '\'') {
                // drop quotes
            } else if (c == '<' || c == '>') {
                sb.append(c == '<' ? '(' : ')');
            } else {
                sb.append('.');
            }
        }
        return sb.toString().trim();
    }
}
