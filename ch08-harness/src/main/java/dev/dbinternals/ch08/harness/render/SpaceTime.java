package dev.dbinternals.ch08.harness.render;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.lang.Lang;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Renders a {@link Trace} as a space-time diagram (Lamport's picture): one vertical line per
 * node, time flowing down, an arrow for each message from its send to its delivery.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애)
 * and "Clocks and Time" (클럭과 시간).
 *
 * <p>Two outputs. {@link #html} is the view to read a run in: one self-contained HTML file
 * (inline CSS and JavaScript, nothing fetched, works offline) that lays the diagram out to the
 * window's width, keeps the node names in a sticky header, filters by node and by event kind,
 * steps through the events (buttons and the arrow keys), shows a message's whole content when
 * it is clicked, and shows each node's state and notes at the chosen step. {@link #svg} is the
 * same picture as a plain image without script, for places that show only images (GitHub).
 *
 * <p>Layout, in both: one row per instant, and more rows when two events of that instant would
 * collide. Two events share a row only if they happened at the same time, at different nodes,
 * and neither one's mark or label touches the other's; so no label covers another label, nor a
 * crash, restart or drop mark, and a node's events keep their order top to bottom. The left
 * column gives each row's true time. How outcomes look: delivered = solid blue arrow; dropped =
 * red line ending in an X (the reason in its label); a duplicate copy = dashed purple arrow; a
 * corrupted frame = orange arrow; crash = red bar, the node's line dashed while it is down;
 * restart = green bar; pause = grey box; partition = a red strip left of the time column (and a
 * light band) from the partition to the heal; timer firings = small circles. {@code DUPLICATE}
 * and {@code CORRUPT} events (the network's decision, at the sender) get no row of their own:
 * they show at the delivery they caused and in the message's details.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpaceTime {

    /** Beyond this many events the diagram is cut, with a note: a browser copes, a reader does not. */
    public static final int MAX_EVENTS = 3000;

    /** The label fonts: Latin and Hangul alike, so later Korean labels render on every platform. */
    static final String FONTS = "\"Noto Sans CJK KR\", \"Noto Sans KR\", \"Apple SD Gothic Neo\", \"Malgun Gothic\", "
            + "\"Noto Sans\", \"Segoe UI\", \"DejaVu Sans\", sans-serif";

    /** Longest label drawn on the diagram, in characters; the whole text is in the details. */
    static final int MAX_LABEL = 80;

    private static final int ROW = 20;
    private static final int GUTTER = 92;     // the time column
    private static final int STRIP = 10;      // the partition strip, right of the time column
    private static final int RIGHT = 240;     // room right of the last node for its labels
    private static final int SPACING = 240;   // between node lines in the plain SVG
    private static final int HEAD = 76;       // legend and node names above the rows (plain SVG)

    private SpaceTime() {
    }

    /** Every event except timer set/cancel. */
    public static String html(Trace trace) {
        return html(trace, e -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_CANCEL);
    }

    /** The events matching {@code filter}, titled with the default title. */
    public static String html(Trace trace, Predicate<? super TraceEvent> filter) {
        return html(trace, filter, t("Space-time diagram", "시공간 다이어그램"));
    }

    /**
     * The interactive viewer of the events matching {@code filter}: one HTML file with the run's
     * events as data and the code that draws them, no reference to anything outside the file.
     * Opened with {@code #selftest} after its address, the page checks its own layout and
     * controls and writes the results into the element {@code #st-selftest} (the browser test
     * reads them).
     */
    public static String html(Trace trace, Predicate<? super TraceEvent> filter, String title) {
        return html(trace, filter, title, Window.START);
    }

    /**
     * As {@link #html(Trace, Predicate, String)}, drawing the given part of a run longer than
     * {@value #MAX_EVENTS} events ({@link Window#END}: the events up to a failure), with a line
     * saying which events are shown.
     */
    public static String html(Trace trace, Predicate<? super TraceEvent> filter, String title, Window window) {
        Model m = model(trace, filter, window);
        return "<!DOCTYPE html>\n<html lang=\"" + Lang.current().code() + "\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + Viewer.CSS.replace("$FONTS", FONTS) + "</style></head>\n<body>\n"
                + Viewer.body().replace("$TITLE", esc(title))
                + "<script type=\"application/json\" id=\"st-data\">" + m.json(title) + "</script>\n"
                + "<script>\n" + Viewer.js() + "</script>\n</body></html>\n";
    }

    /** Just the {@code <svg>} element, without script: the plain picture (GitHub shows it inline). */
    public static String svg(Trace trace, Predicate<? super TraceEvent> filter) {
        return svg(trace, filter, Window.START);
    }

    /** As {@link #svg(Trace, Predicate)}, drawing the given part of a long run. */
    public static String svg(Trace trace, Predicate<? super TraceEvent> filter, Window window) {
        return new Plain(model(trace, filter, window)).draw();
    }

    /** The nodes the events mention, in the order they were added to the run (then any others, by first mention). */
    static List<Address> columns(Trace trace, Predicate<? super TraceEvent> filter) {
        List<TraceEvent> events = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            if (filter.test(e)) {
                events.add(e);
            }
        }
        return columns(trace.nodes(), events);
    }

    private static List<Address> columns(List<Address> order, List<TraceEvent> events) {
        Set<Address> mentioned = new LinkedHashSet<>();
        for (TraceEvent e : events) {
            if (e.node() != null) mentioned.add(e.node());
            if (e.peer() != null) mentioned.add(e.peer());
        }
        List<Address> out = new ArrayList<>();
        for (Address a : order) {
            if (mentioned.remove(a)) {
                out.add(a);
            }
        }
        out.addAll(mentioned);
        return out;
    }

    // ------------------------------------------------------------------ the model both outputs draw

    /**
     * One drawn event. {@code node}/{@code peer} are column numbers (-1: none, as for partitions);
     * {@code send} is the item number of the message's SEND (-1 if it is not drawn); {@code style}
     * chooses colour and mark; {@code label} is the short text on the diagram, {@code full} the
     * whole story of the event (and of its message) shown when it is chosen.
     */
    record Item(TraceEvent e, int node, int peer, int send, String style, String label, String full) {
        boolean networkWide() {
            return node < 0;
        }
    }

    /** {@code range}: which events of the run are drawn, as {@link Window#describe} says it (empty: all). */
    record Model(List<String> nodes, List<Item> items, int cut, boolean nodeNotes, String range) {

        String json(String title) {
            StringBuilder sb = new StringBuilder(256 + items.size() * 160);
            sb.append("{\"title\":").append(js(title)).append(",\"cut\":").append(cut).append(",\"range\":").append(js(range))
                    .append(",\"notes\":").append(nodeNotes).append(",\"nodes\":[");
            for (int i = 0; i < nodes.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(js(nodes.get(i)));
            }
            sb.append("],\"items\":[\n");
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                sb.append(i == 0 ? "" : ",\n").append("{\"k\":\"").append(it.e().kind()).append('"')
                        .append(",\"n\":").append(it.node()).append(",\"p\":").append(it.peer())
                        .append(",\"t\":").append(it.e().timeNanos())
                        .append(",\"ts\":").append(js(Trace.formatNanos(it.e().timeNanos())))
                        .append(",\"id\":").append(it.e().messageId()).append(",\"s\":").append(it.send())
                        .append(",\"c\":\"").append(it.style()).append('"')
                        .append(",\"l\":").append(js(it.label())).append(",\"f\":").append(js(it.full())).append('}');
            }
            return sb.append("\n]}").toString();
        }
    }

    static Model model(Trace trace, Predicate<? super TraceEvent> filter) {
        return model(trace, filter, Window.START);
    }

    static Model model(Trace trace, Predicate<? super TraceEvent> filter, Window window) {
        List<TraceEvent> all = trace.events();
        Map<Long, TraceEvent> sends = new HashMap<>();           // by message id, looked up only
        Map<Long, List<TraceEvent>> fates = new HashMap<>();     // by message id: deliveries, drops, copies, flips
        List<Integer> matching = new ArrayList<>();              // indices into all
        for (int i = 0; i < all.size(); i++) {
            TraceEvent e = all.get(i);
            if (e.kind() == Kind.SEND) {
                sends.put(e.messageId(), e);
            } else if (e.isMessageEvent()) {
                fates.computeIfAbsent(e.messageId(), k -> new ArrayList<>()).add(e);
            }
            if (filter.test(e)) {
                matching.add(i);
            }
        }
        // the part drawn: the first MAX_EVENTS matching events, or the last ones (up to where the run stopped)
        int cut = Math.max(0, matching.size() - MAX_EVENTS);
        List<Integer> drawn = window == Window.END ? matching.subList(cut, matching.size()) : matching.subList(0, matching.size() - cut);
        List<TraceEvent> events = new ArrayList<>(drawn.size());
        drawn.forEach(i -> events.add(all.get(i)));
        String range = drawn.isEmpty() ? "" : window.describe(Window.number(trace, drawn.get(0)),
                Window.number(trace, drawn.get(drawn.size() - 1)), Window.total(trace), trace.forgotten());
        if (cut == 0 && trace.forgotten() == 0) {
            range = ""; // the whole run is drawn (events a filter leaves out are not missing, only not asked for)
        }
        Map<Address, Integer> col = new LinkedHashMap<>();
        for (Address a : columns(trace.nodes(), events)) {
            col.put(a, col.size());
        }
        List<Item> items = new ArrayList<>();
        Map<Long, Integer> sendItem = new HashMap<>();
        Map<Long, Integer> copies = new HashMap<>();
        boolean nodeNotes = false;
        for (TraceEvent e : events) {
            Kind k = e.kind();
            if (k == Kind.DUPLICATE || k == Kind.CORRUPT) {
                continue; // the network's decision: drawn at the delivery it causes, told in the details
            }
            int node = e.node() == null ? -1 : col.get(e.node());
            int peer = e.peer() == null ? -1 : col.get(e.peer());
            String when = Trace.formatNanos(e.timeNanos());
            String style;
            String label;
            String full;
            int send = -1;
            switch (k) {
                case SEND -> {
                    style = "send";
                    label = "#" + e.messageId() + " " + trace.describePayload(e);
                    full = messageStory(trace, e, sends.get(e.messageId()), fates.get(e.messageId()),
                            t("SENT by " + e.node() + " to " + e.peer() + " at " + when,
                                    "보냄 (SENT): " + e.node() + " -> " + e.peer() + ", " + when));
                    sendItem.put(e.messageId(), items.size());
                }
                case DELIVER -> {
                    send = sendItem.getOrDefault(e.messageId(), -1);
                    TraceEvent s = sends.get(e.messageId());
                    int n = copies.merge(e.messageId(), 1, Integer::sum);
                    boolean corrupted = s != null && !Arrays.equals(s.payload(), e.payload());
                    String what = t("DELIVERED to " + e.node() + " at " + when, "전달됨 (DELIVERED): 받은 노드 " + e.node() + ", " + when);
                    if (corrupted) {
                        style = "corrupt";
                        label = "#" + e.messageId() + t(" corrupted: ", " 손상됨: ") + trace.describePayload(e);
                        what += t(", CORRUPTED on the way", ", 오는 길에 손상됨 (CORRUPTED)");
                    } else if (n > 1) {
                        style = "dup";
                        label = "#" + e.messageId() + t(" duplicate (copy " + n + ")", " 중복 (사본 " + n + ")");
                        what += t(": a DUPLICATE copy (copy " + n + ")", ": 중복 사본 (DUPLICATE, 사본 " + n + ")");
                    } else {
                        style = "deliver";
                        label = "#" + e.messageId();
                    }
                    if (corrupted && n > 1) {
                        what += t(", and a DUPLICATE copy (copy " + n + ")", ", 그리고 중복 사본 (DUPLICATE, 사본 " + n + ")");
                    }
                    full = messageStory(trace, e, s, fates.get(e.messageId()), what);
                }
                case DROP -> {
                    send = sendItem.getOrDefault(e.messageId(), -1);
                    style = "drop";
                    String scripted = e.detail().contains("(scripted") ? t(", scripted", ", 각본") : "";
                    label = "#" + e.messageId() + t(" dropped: ", " 버려짐: ") + e.dropReason() + scripted;
                    full = messageStory(trace, e, sends.get(e.messageId()), fates.get(e.messageId()),
                            t("DROPPED (" + e.detail() + ") at " + when + " on its way from " + e.node() + " to " + e.peer(),
                                    "버려짐 (DROPPED: " + e.detail() + "): " + e.node() + " -> " + e.peer() + " 전송 도중, " + when));
                }
                case CRASH -> {
                    style = "crash";
                    label = "CRASH";
                    full = t(e.node() + " CRASHED at " + when + ": ", "충돌 (CRASHED): 노드 " + e.node() + ", " + when + ": ") + e.detail();
                }
                case RESTART -> {
                    style = "restart";
                    label = "RESTART " + e.detail();
                    full = t(e.node() + " RESTARTED at " + when + ": ", "재시작 (RESTARTED): 노드 " + e.node() + ", " + when + ": ") + e.detail();
                }
                case PAUSE -> {
                    style = "pause";
                    label = "PAUSE " + e.detail();
                    full = t(e.node() + " PAUSED at " + when + " " + e.detail() + " (no handler runs, timers wait)",
                            "일시 정지 (PAUSED): 노드 " + e.node() + ", " + when + " " + e.detail() + " (핸들러가 실행되지 않고, 타이머는 기다린다)");
                }
                case RESUME -> {
                    style = "pause";
                    label = "RESUME";
                    full = t(e.node() + " RESUMED at " + when, "재개 (RESUMED): 노드 " + e.node() + ", " + when);
                }
                case CLOCK_STEP -> {
                    style = "clock";
                    label = t("clock ", "클럭 ") + e.detail();
                    full = t(e.node() + "'s clock changed at " + when + ": ", e.node() + "의 클럭이 " + when + "에 바뀜: ") + e.detail();
                }
                case TIMER_FIRE, TIMER_SET, TIMER_CANCEL -> {
                    style = "timer";
                    label = timerText(k, e.detail());
                    full = e.node() + ": " + label + t(" at " + when, ", " + when);
                }
                case PARTITION -> {
                    style = "partition";
                    label = "PARTITION " + e.detail();
                    full = t("PARTITION at " + when + ": " + e.detail() + " (frames across it are dropped until the heal)",
                            when + "에 파티션 (PARTITION): " + e.detail() + " (복구될 때까지 파티션을 건너는 프레임은 버려진다)");
                }
                case HEAL -> {
                    style = "heal";
                    label = "HEAL: " + e.detail();
                    full = t("HEAL at " + when + ": ", when + "에 복구 (HEAL): ") + e.detail();
                }
                case NOTE -> {
                    style = "note";
                    label = e.detail();
                    full = (e.node() == null ? t("note (whole run)", "메모 (실행 전체)") : t("note by " + e.node(), e.node() + "의 메모"))
                            + t(" at " + when, ", " + when) + ":\n" + e.detail();
                    nodeNotes |= e.node() != null;
                }
                default -> {
                    style = "other";
                    label = k + " " + e.detail();
                    full = label + t(" at " + when, ", " + when);
                }
            }
            if (e.node() != null) {
                full += "\n" + t(e.node() + "'s own wall clock read ", e.node() + "의 벽시계가 가리킨 시각: ") + Instant.ofEpochMilli(e.localWallMillis());
            }
            items.add(new Item(e, node, peer, send, style, shorten(label), full));
        }
        List<String> names = new ArrayList<>();
        col.keySet().forEach(a -> names.add(a.name()));
        return new Model(names, items, cut, nodeNotes, range);
    }

    /** Everything about one message: this event, its sending, every fate of every copy, its bytes. */
    private static String messageStory(Trace trace, TraceEvent e, TraceEvent send, List<TraceEvent> fates, String what) {
        StringBuilder sb = new StringBuilder();
        Address from = e.kind() == Kind.DELIVER ? e.peer() : e.node();
        Address to = e.kind() == Kind.DELIVER ? e.node() : e.peer();
        sb.append(t("message #", "메시지 #")).append(e.messageId()).append(": ").append(from).append(" -> ").append(to).append('\n');
        sb.append(t("this event: ", "이 이벤트: ")).append(what).append('\n');
        if (send != null && e.kind() != Kind.SEND) {
            sb.append(t("sent at ", "보낸 시각 ")).append(Trace.formatNanos(send.timeNanos())).append('\n');
        }
        sb.append(t("what became of it:", "이 메시지가 겪은 일:"));
        if (fates == null || fates.isEmpty()) {
            sb.append(t(" nothing yet when the trace ends (still in flight, or the run stopped)",
                    " 트레이스가 끝날 때까지 아무 일도 없었다 (아직 가는 중이거나, 실행이 멈췄다)"));
        } else {
            for (TraceEvent f : fates) {
                sb.append("\n  ").append(Trace.formatNanos(f.timeNanos())).append("  ");
                switch (f.kind()) {
                    case DELIVER -> sb.append(t("delivered to ", "전달됨: ")).append(f.node());
                    case DROP -> sb.append(t("DROPPED: ", "버려짐 (DROPPED): ")).append(f.detail());
                    case DUPLICATE -> sb.append(t("the network made a DUPLICATE (", "네트워크가 중복 사본을 만들었다 (DUPLICATE, ")).append(f.detail()).append(')');
                    case CORRUPT -> sb.append(t("the network CORRUPTED a copy (", "네트워크가 사본 하나를 손상시켰다 (CORRUPT, ")).append(f.detail()).append(')');
                    default -> sb.append(f.kind());
                }
            }
        }
        byte[] sent = send == null ? e.payload() : send.payload();
        sb.append(t("\npayload: ", "\n페이로드: ")).append(send == null ? trace.describePayload(e) : trace.describePayload(send));
        bytes(sb, t("as text", "텍스트로"), t("bytes", "바이트"), sent);
        if (send != null && !Arrays.equals(sent, e.payload())) {
            sb.append(t("\nas this copy arrived: ", "\n이 사본이 도착한 모습: ")).append(trace.describePayload(e));
            bytes(sb, t("as text as arrived", "도착한 모습, 텍스트로"), t("bytes as arrived", "도착한 바이트"), e.payload());
        }
        return sb.toString();
    }

    /** The bytes as UTF-8 text when they are text, then in hex (the first 512). */
    private static void bytes(StringBuilder sb, String asText, String what, byte[] p) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(p)).toString();
            if (!text.isEmpty() && text.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                sb.append("\n").append(asText).append(": ").append(text);
            }
        } catch (CharacterCodingException notText) {
            // binary: the hex below is the content
        }
        int shown = Math.min(p.length, 512);
        sb.append('\n').append(what).append(" (").append(p.length).append("): ")
                .append(HexFormat.ofDelimiter(" ").formatHex(p, 0, shown)).append(shown < p.length ? " .." : "");
    }

    /** "timer 7 retry" (the trace's detail: id, then tag) as "timer 7 fired (retry)". */
    private static String timerText(Kind k, String detail) {
        String verb = k == Kind.TIMER_FIRE ? t("fired", "울림") : k == Kind.TIMER_SET ? t("set", "설정") : t("cancelled", "취소");
        String[] p = detail.split(" ", 3);
        return p.length == 3 && p[0].equals("timer") ? t("timer ", "타이머 ") + p[1] + " " + verb + " (" + p[2] + ")"
                : t("timer ", "타이머 ") + verb + " " + detail;
    }

    /** At most {@link #MAX_LABEL} characters (whole code points), one line. */
    static String shorten(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ').strip();
        if (one.codePointCount(0, one.length()) <= MAX_LABEL) {
            return one;
        }
        return one.substring(0, one.offsetByCodePoints(0, MAX_LABEL - 1)) + "\u2026";
    }

    // ------------------------------------------------------------------ the plain SVG

    /**
     * Draws the model without script, at a fixed width: the same rules as the viewer's layout,
     * with label widths estimated from the characters (a browser measures them in the viewer).
     */
    private static final class Plain {
        private final Model m;
        private final int[] x;
        private final int[] row;
        private final int width;
        private final int rows;
        private final List<Long> rowTime = new ArrayList<>();
        private final int[][] labelBox;

        Plain(Model m) {
            this.m = m;
            int n = m.nodes().size();
            x = new int[n];
            // room left of the first line and right of the last for the labels that go there (as in the viewer)
            int leftNeed = 0;
            int rightNeed = 0;
            for (Item it : m.items()) {
                if (it.style().equals("drop") || it.networkWide()) {
                    continue;
                }
                if (it.node() == 0 && it.peer() > 0) {
                    leftNeed = Math.max(leftNeed, textWidth(it.label()));
                }
                if (it.node() == n - 1) {
                    rightNeed = Math.max(rightNeed, textWidth(it.label()));
                }
            }
            int x0 = GUTTER + STRIP + Math.min(Math.max(leftNeed + 20, 90), 300);
            int right = Math.min(Math.max(rightNeed + 16, RIGHT), 420);
            for (int i = 0; i < n; i++) {
                x[i] = x0 + i * SPACING;
            }
            int w = Math.max(900, x0 + Math.max(0, n - 1) * SPACING + right);
            row = new int[m.items().size()];
            labelBox = new int[m.items().size()][];
            // pack: a new row unless the event happened at the row's time, at another node, and collides with nothing there
            List<int[]> boxes = new ArrayList<>();
            Set<Integer> nodesInRow = new java.util.HashSet<>();
            Set<Integer> itemsInRow = new java.util.HashSet<>();
            boolean exclusive = false;
            int r = -1;
            for (int i = 0; i < m.items().size(); i++) {
                Item it = m.items().get(i);
                int[] mark = mark(i);
                List<int[]> places = places(i, mark, textWidth(it.label()), w);
                int[] lab = null;
                if (r >= 0 && !exclusive && !it.networkWide() && it.e().timeNanos() == rowTime.get(r)
                        && !nodesInRow.contains(it.node()) && !itemsInRow.contains(it.send()) && free(boxes, mark)) {
                    lab = places.stream().filter(b -> free(boxes, b)).findFirst().orElse(null);
                }
                if (lab == null) {
                    lab = places.get(0);
                    r++;
                    rowTime.add(it.e().timeNanos());
                    boxes.clear();
                    nodesInRow.clear();
                    itemsInRow.clear();
                    exclusive = it.networkWide();
                }
                w = Math.max(w, lab[1] + 8);
                boxes.add(mark);
                boxes.add(lab);
                nodesInRow.add(it.node());
                itemsInRow.add(i);
                row[i] = r;
                labelBox[i] = lab;
            }
            rows = r + 1;
            width = w;
        }

        /** Where a label may go, best first: away from the event's own message line when it fits. */
        private List<int[]> places(int i, int[] mark, int lw, int w) {
            Item it = m.items().get(i);
            int min = GUTTER + STRIP + 6;
            if (it.networkWide()) {
                return List.of(new int[] {min, min + lw});
            }
            int[] right = {mark[1] + 5, mark[1] + 5 + lw};
            int[] left = {mark[0] - 5 - lw, mark[0] - 5};
            int here = (mark[0] + mark[1]) / 2;
            int other = it.style().equals("drop") ? x[it.node()] : it.peer() >= 0 ? x[it.peer()] : here;
            List<int[]> out = new ArrayList<>();
            for (int[] b : other > here ? List.of(left, right) : List.of(right, left)) {
                if (b[0] >= min && b[1] <= w - 4) {
                    out.add(b);
                }
            }
            return out.isEmpty() ? List.of(right) : out;
        }

        private static boolean free(List<int[]> boxes, int[] b) {
            for (int[] o : boxes) {
                if (b[0] < o[1] + 4 && o[0] < b[1] + 4) {
                    return false;
                }
            }
            return true;
        }

        /** A conservative width for sans-serif at 12 px: wide (Hangul, CJK) characters count double. */
        static int textWidth(String s) {
            return s.codePoints().map(c -> Character.isIdeographic(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL
                    || c >= 0x1100 && c <= 0x11ff ? 13 : Character.isUpperCase(c) || c == 'm' || c == 'w' ? 9 : 7).sum();
        }

        private int y(int r) {
            return HEAD + r * ROW + ROW / 2;
        }

        /** The horizontal extent of an item's mark. */
        private int[] mark(int i) {
            Item it = m.items().get(i);
            if (it.networkWide()) {
                return new int[] {GUTTER, GUTTER + STRIP};
            }
            int cx = x[it.node()];
            return switch (it.style()) {
                case "crash", "restart" -> new int[] {cx - 16, cx + 16};
                case "drop" -> {
                    int xm = dropX(i);
                    yield new int[] {xm - 7, xm + 7};
                }
                default -> new int[] {cx - 6, cx + 6};
            };
        }

        private int dropX(int i) {
            Item it = m.items().get(i);
            int x1 = x[it.node()];
            int x2 = it.peer() < 0 ? x1 + 60 : x[it.peer()];
            boolean atSend = it.send() >= 0 && m.items().get(it.send()).e().timeNanos() == it.e().timeNanos();
            return x2 == x1 ? x1 + 30 : (int) Math.round(x1 + (x2 - x1) * (atSend ? 0.45 : 0.8));
        }

        String draw() {
            int height = HEAD + rows * ROW + 30;
            StringBuilder sb = new StringBuilder(4096 + m.items().size() * 300);
            sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                    .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
            sb.append("<defs>");
            for (String[] mk : new String[][] {{"ab", "#1f5fbf"}, {"ap", "#8a2be2"}, {"ao", "#e07b00"}}) {
                sb.append("<marker id=\"").append(mk[0]).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                        .append(mk[1]).append("\"/></marker>");
            }
            sb.append("</defs>\n<style>text{font-family:").append(FONTS.replace("\"", "'"))
                    .append(";font-size:12px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}")
                    .append(".t{fill:#777;font-size:11px}.n{font-weight:bold;font-size:14px}</style>\n");
            sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
            legend(sb);
            StringBuilder labels = new StringBuilder();
            int bottom = HEAD + rows * ROW + 10;
            // partitions: a strip left of the rows (never under text) and a light band behind them
            Integer open = null;
            for (int i = 0; i <= m.items().size(); i++) {
                Item it = i < m.items().size() ? m.items().get(i) : null;
                if (it != null && it.style().equals("partition") && open == null) {
                    open = row[i];
                } else if (open != null && (it == null || it.style().equals("heal"))) {
                    int y1 = y(open) - ROW / 2;
                    int y2 = it == null ? bottom : y(row[i]);
                    sb.append("<rect x=\"").append(GUTTER + STRIP + 2).append("\" y=\"").append(y1).append("\" width=\"")
                            .append(width - GUTTER - STRIP - 2).append("\" height=\"").append(y2 - y1).append("\" fill=\"#f4c7c3\" opacity=\"0.35\"/>")
                            .append("<rect x=\"").append(GUTTER).append("\" y=\"").append(y1).append("\" width=\"").append(STRIP)
                            .append("\" height=\"").append(y2 - y1).append("\" fill=\"#d62728\"/>\n");
                    open = null;
                }
            }
            // time of each row
            for (int r = 0; r < rows; r++) {
                sb.append("<text class=\"t\" x=\"4\" y=\"").append(y(r) + 4).append("\">").append(Trace.formatNanos(rowTime.get(r))).append("</text>\n");
            }
            // node names and lines, dashed while down
            for (int c = 0; c < x.length; c++) {
                sb.append("<text class=\"n\" x=\"").append(x[c]).append("\" y=\"").append(HEAD - 12)
                        .append("\" text-anchor=\"middle\">").append(esc(m.nodes().get(c))).append("</text>\n");
                int from = HEAD - 6;
                Integer down = null;
                for (int i = 0; i < m.items().size(); i++) {
                    Item it = m.items().get(i);
                    if (it.node() != c) continue;
                    if (it.style().equals("crash") && down == null) {
                        vline(sb, x[c], from, y(row[i]), false);
                        down = y(row[i]);
                    } else if (it.style().equals("restart") && down != null) {
                        vline(sb, x[c], down, y(row[i]), true);
                        from = y(row[i]);
                        down = null;
                    }
                }
                vline(sb, x[c], down == null ? from : down, bottom, down != null);
            }
            Map<Integer, Integer> pauseAt = new HashMap<>();
            for (int i = 0; i < m.items().size(); i++) {
                Item it = m.items().get(i);
                TraceEvent e = it.e();
                int yy = y(row[i]);
                String tip = "<title>" + esc(it.full()) + "</title>";
                sb.append("<g>").append(tip);
                switch (it.style()) {
                    case "send" -> circle(sb, x[it.node()], yy, 3, "#1f5fbf", "#1f5fbf");
                    case "deliver", "dup", "corrupt" -> {
                        String color = it.style().equals("deliver") ? "#1f5fbf" : it.style().equals("dup") ? "#8a2be2" : "#e07b00";
                        String mk = it.style().equals("deliver") ? "ab" : it.style().equals("dup") ? "ap" : "ao";
                        int x2 = x[it.node()];
                        int x1 = it.peer() < 0 ? x2 - 40 : x[it.peer()];
                        int y1 = it.send() >= 0 ? y(row[it.send()]) : yy;
                        if (it.send() < 0) {
                            x1 = x2 + (x1 < x2 ? -40 : 40);
                        }
                        if (x1 == x2) {
                            sb.append("<path d=\"M").append(x1).append(',').append(y1).append(" C").append(x1 + 40).append(',').append(y1)
                                    .append(' ').append(x1 + 40).append(',').append(yy).append(' ').append(x2 + 2).append(',').append(yy)
                                    .append("\" fill=\"none\" stroke=\"").append(color).append("\" marker-end=\"url(#").append(mk).append(")\"/>");
                        } else {
                            sb.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2).append("\" y2=\"").append(yy)
                                    .append("\" stroke=\"").append(color).append("\" stroke-width=\"1.5\"")
                                    .append(it.style().equals("dup") ? " stroke-dasharray=\"5,3\"" : "")
                                    .append(" marker-end=\"url(#").append(mk).append(")\"/>");
                        }
                    }
                    case "drop" -> {
                        int xm = dropX(i);
                        int x1 = x[it.node()];
                        int y1 = it.send() >= 0 ? y(row[it.send()]) : yy;
                        sb.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(xm).append("\" y2=\"").append(yy)
                                .append("\" stroke=\"#d62728\" stroke-width=\"1.5\"/><path d=\"M").append(xm - 6).append(',').append(yy - 6)
                                .append(" L").append(xm + 6).append(',').append(yy + 6).append(" M").append(xm - 6).append(',').append(yy + 6)
                                .append(" L").append(xm + 6).append(',').append(yy - 6).append("\" stroke=\"#d62728\" stroke-width=\"2.5\"/>");
                    }
                    case "crash", "restart" -> sb.append("<rect x=\"").append(x[it.node()] - 16).append("\" y=\"").append(yy - 3)
                            .append("\" width=\"32\" height=\"6\" fill=\"").append(it.style().equals("crash") ? "#d62728" : "#2ca02c").append("\"/>");
                    case "pause" -> {
                        if (e.kind() == Kind.PAUSE) {
                            pauseAt.put(it.node(), yy);
                        } else {
                            Integer p = pauseAt.remove(it.node());
                            int y1 = p == null ? yy - 6 : p;
                            sb.append("<rect x=\"").append(x[it.node()] - 7).append("\" y=\"").append(y1).append("\" width=\"14\" height=\"")
                                    .append(Math.max(4, yy - y1)).append("\" fill=\"#bbb\" stroke=\"#666\"/>");
                        }
                    }
                    case "timer" -> circle(sb, x[it.node()], yy, 3.5, "#fff", "#2ca02c");
                    case "partition", "heal" -> {
                    }
                    default -> {
                        if (it.node() >= 0) circle(sb, x[it.node()], yy, 2.5, color(it.style()), color(it.style()));
                    }
                }
                sb.append("</g>\n");
                int[] lab = labelBox[i];
                labels.append("<g>").append(tip).append("<text x=\"").append(lab[0]).append("\" y=\"").append(yy + 4)
                        .append("\" fill=\"").append(color(it.style())).append('"')
                        .append(it.style().equals("crash") || it.style().equals("restart") ? " font-weight=\"bold\"" : "")
                        .append('>').append(esc(it.label())).append("</text></g>\n");
            }
            sb.append(labels);
            if (!m.range().isEmpty()) {
                sb.append("<text x=\"").append(GUTTER + STRIP + 6).append("\" y=\"").append(height - 8).append("\" fill=\"#d62728\">")
                        .append(esc(m.range())).append("</text>\n");
            }
            return sb.append("</svg>").toString();
        }

        private static void circle(StringBuilder sb, int cx, int cy, double r, String fill, String stroke) {
            sb.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"").append(r)
                    .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"/>");
        }

        private static void vline(StringBuilder sb, int x, int y1, int y2, boolean down) {
            sb.append("<line x1=\"").append(x).append("\" y1=\"").append(y1).append("\" x2=\"").append(x).append("\" y2=\"")
                    .append(y2).append("\" stroke=\"").append(down ? "#bbb" : "#333").append("\" stroke-width=\"")
                    .append(down ? "1" : "2").append('"').append(down ? " stroke-dasharray=\"3,4\"" : "").append("/>\n");
        }

        private static void legend(StringBuilder sb) {
            String[][] keys = {{"#1f5fbf", t("delivered", "전달")}, {"#d62728", t("dropped (X)", "버림 (X)")}, {"#8a2be2", t("duplicate", "중복")},
                {"#e07b00", t("corrupted", "손상")}, {"#d62728", t("crash", "충돌")}, {"#2ca02c", t("restart", "재시작")},
                {"#999", t("pause", "일시 정지")}, {"#2ca02c", t("timer", "타이머")}, {"#f4c7c3", t("partition", "파티션")}};
            int lx = 8;
            for (String[] k : keys) {
                sb.append("<rect x=\"").append(lx).append("\" y=\"12\" width=\"18\" height=\"8\" fill=\"").append(k[0]).append("\"/>")
                        .append("<text x=\"").append(lx + 22).append("\" y=\"20\">").append(k[1]).append("</text>");
                lx += 30 + textWidth(k[1]);
            }
            sb.append('\n');
        }
    }

    static String color(String style) {
        return switch (style) {
            case "send", "deliver" -> "#1f5fbf";
            case "dup" -> "#8a2be2";
            case "corrupt" -> "#c06000";
            case "drop", "crash", "partition" -> "#d62728";
            case "restart", "timer", "heal" -> "#2a8a2a";
            case "clock" -> "#8c564b";
            default -> "#444";
        };
    }

    /** A JSON string literal safe inside an HTML script element: no {@code <}, {@code >}, {@code &} or line separators appear raw. */
    static String js(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c < 0x20 && c != '\n' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
