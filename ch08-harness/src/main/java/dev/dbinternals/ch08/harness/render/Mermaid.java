package dev.dbinternals.ch08.harness.render;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애): the
 * reader must <em>see</em> which messages crossed. Every outcome looks different:
 * <ul>
 *   <li>delivered: a solid arrow {@code A->>B: #1 ...};</li>
 *   <li>dropped: a cross arrow {@code A-xB: #2 LOST (LOSS) ...} (the reason in capitals);</li>
 *   <li>an extra copy delivered: a dotted arrow {@code A-->>B: #1 DUPLICATE ...};</li>
 *   <li>a corrupted frame delivered: a dotted open arrow {@code A--)B: #3 CORRUPTED ...};</li>
 *   <li>crash, restart, pause, clock steps, partitions: notes over the nodes concerned.</li>
 * </ul>
 * {@code #17} is the harness's message id, the same as in the text trace (all copies of a send
 * share it), written as Mermaid's entity {@code #35;17}; every piece of free text (payloads,
 * notes, node names) goes through {@link #escape}, so no payload can break the diagram.
 * Timers are left out by default (they are noise in a message diagram); pass a filter to
 * choose. Of a long run, {@value #MAX_LINES} lines are kept — its start, or with {@link Window#END}
 * its end, up to a failure — with a note saying which events of the run they show.
 *
 * <p>Stateless and thread-safe.
 */
public final class Mermaid {

    /** Mermaid renderers struggle past a few hundred messages. */
    public static final int MAX_LINES = 400;

    /** How a message id starts in a label: Mermaid's entity for {@code #}, so the reader sees {@code #17}, the id of the text trace. */
    static final String ID = "#35;";

    private Mermaid() {
    }

    /** The whole trace without timer events. */
    public static String sequenceDiagram(Trace trace) {
        return sequenceDiagram(trace, e -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE
                && e.kind() != Kind.TIMER_CANCEL);
    }

    /** The events of {@code trace} matching {@code filter}. */
    public static String sequenceDiagram(Trace trace, Predicate<? super TraceEvent> filter) {
        return sequenceDiagram(trace, filter, Window.START);
    }

    /** The whole trace without timer events; of a long run, the given part ({@link Window#END}: up to a failure). */
    public static String sequenceDiagram(Trace trace, Window window) {
        return sequenceDiagram(trace, e -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE
                && e.kind() != Kind.TIMER_CANCEL, window);
    }

    /**
     * The events of {@code trace} matching {@code filter}; of a run longer than {@value #MAX_LINES}
     * lines, the given part, with a note saying which events are shown.
     */
    public static String sequenceDiagram(Trace trace, Predicate<? super TraceEvent> filter, Window window) {
        Map<Address, String> ids = new LinkedHashMap<>();
        for (Address a : SpaceTime.columns(trace, filter)) {
            ids.put(a, "P" + ids.size());
        }
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        ids.forEach((a, id) -> sb.append("    participant ").append(id).append(" as ").append(clean(a.name())).append('\n'));
        String all = ids.isEmpty() ? null : ids.values().iterator().next()
                + (ids.size() > 1 ? "," + ids.values().stream().reduce((x, y) -> y).orElseThrow() : "");
        Map<Long, byte[]> sent = new HashMap<>();   // by message id; looked up only
        Map<Long, Integer> deliveries = new HashMap<>();
        // every line first, each with the index of its event; then the part that is kept
        java.util.List<String> lines = new java.util.ArrayList<>();
        java.util.List<Integer> at = new java.util.ArrayList<>();
        java.util.List<TraceEvent> events = trace.events();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e.kind() == Kind.SEND) {
                sent.put(e.messageId(), e.payload());
            }
            if (!filter.test(e)) {
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
                        yield src + "--)" + dst + ": " + ID + e.messageId() + " CORRUPTED " + payload + " @" + when;
                    } else if (n > 1) {
                        yield src + "-->>" + dst + ": " + ID + e.messageId() + " DUPLICATE " + payload + " @" + when;
                    }
                    yield src + "->>" + dst + ": " + ID + e.messageId() + " " + payload + " @" + when;
                }
                case DROP -> {
                    DropReason r = e.dropReason();
                    yield from + "-x" + to + ": " + ID + e.messageId() + " LOST (" + r + (e.detail().contains("(scripted") ? t(", scripted", ", 각본") : "") + ") " + payload + " @" + when;
                }
                case CRASH -> "Note over " + from + ": CRASH @" + when;
                case RESTART -> "Note over " + from + ": RESTART " + clean(e.detail()) + " @" + when;
                case PAUSE -> "Note over " + from + ": PAUSE " + clean(e.detail()) + " @" + when;
                case RESUME -> "Note over " + from + ": RESUME @" + when;
                case CLOCK_STEP -> "Note over " + from + ": CLOCK " + clean(e.detail()) + " @" + when;
                case TIMER_FIRE -> "Note over " + from + ": " + clean(timerText(e.detail())) + " @" + when;
                case PARTITION -> all == null ? null : "Note over " + all + ": PARTITION " + clean(e.detail()) + " @" + when;
                case HEAL -> all == null ? null : "Note over " + all + ": HEAL @" + when;
                case NOTE -> from != null ? "Note over " + from + ": " + clean(e.detail()) + " @" + when
                        : all == null ? null : "Note over " + all + ": " + clean(e.detail()) + " @" + when;
            };
            if (line != null) {
                lines.add(line);
                at.add(i);
            }
        }
        int cut = Math.max(0, lines.size() - MAX_LINES);
        int from = window == Window.END ? cut : 0;
        int to = window == Window.END ? lines.size() : lines.size() - cut;
        String range = from == to || (cut == 0 && trace.forgotten() == 0) ? ""
                : window.describe(Window.number(trace, at.get(from)), Window.number(trace, at.get(to - 1)), Window.total(trace), trace.forgotten());
        // the note goes where the cut is: before the lines when the start is cut, after them when the end is
        if (window == Window.END) {
            rangeNotes(sb, all, range);
        }
        for (int k = from; k < to; k++) {
            sb.append("    ").append(lines.get(k)).append('\n');
        }
        if (window == Window.START) {
            rangeNotes(sb, all, range);
        }
        return sb.toString();
    }

    /** The sentence saying which events are shown, one note per clause (a note keeps {@value #MAX_TEXT} characters). */
    private static void rangeNotes(StringBuilder sb, String all, String range) {
        if (range.isEmpty() || all == null) {
            return;
        }
        for (String clause : range.split("(?<=[;.]) ")) {
            sb.append("    Note over ").append(all).append(": ").append(clean(clause)).append('\n');
        }
    }

    /**
     * Makes any text safe inside a Mermaid label, note or participant name, and shown as it is:
     * letters, digits and harmless punctuation stay; everything Mermaid could read as syntax
     * ({@code # ; : % < > - { } " ' & \} and the like) becomes a Mermaid entity such as
     * {@code #35;} (shown as {@code #}); line breaks and other control characters are shown
     * as {@code \n}, {@code \t}, {@code \u0007}. At most {@value #MAX_TEXT} characters of
     * {@code s} are kept, with ".." when cut, so one huge payload cannot swamp the picture.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        String text = s.strip();
        boolean cut = text.codePointCount(0, text.length()) > MAX_TEXT;
        if (cut) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int next = i < text.length() ? text.charAt(i) : -1;
            if (Character.isLetterOrDigit(c) || " .,=()[]_+*/@!?|".indexOf(c) >= 0
                    || (c == '-' && next != '-' && next != '>')) { // a lone '-' reads as itself; "--" and "->" would be arrows
                sb.appendCodePoint(c);
            } else if (c == '\n') {
                sb.append("#92;n");
            } else if (c == '\r') {
                sb.append("#92;r");
            } else if (c == '\t') {
                sb.append("#92;t");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append("#92;u").append(String.format(java.util.Locale.ROOT, "%04x", c));
            } else {
                sb.append('#').append(c).append(';');
            }
        }
        if (cut) {
            sb.append("..");
        }
        return sb.toString();
    }

    /** "timer 7 retry" (the trace's detail: id, then tag) as "timer 7 fired (retry)". */
    private static String timerText(String detail) {
        String[] p = detail.split(" ", 3);
        return p.length == 3 && p[0].equals("timer") ? t("timer " + p[1] + " fired (" + p[2] + ")", "타이머 " + p[1] + " 울림 (" + p[2] + ")") : detail;
    }

    /** Longest piece of free text (payload, note, detail) a label keeps. */
    public static final int MAX_TEXT = 100;

    static String clean(String s) {
        return escape(s);
    }
}
