package dev.dbinternals.ch08.harness.sim;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.codec.CodecException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every event of a simulated run, in the order it happened: the evidence checkers read and
 * diagrams draw.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애):
 * a harness is only useful if you can see what it did. The trace of a seed is the same, byte
 * for byte, every time the seed runs, as long as the nodes keep the rules in
 * {@link dev.dbinternals.ch08.harness.Node} ({@link #hash()} checks it: equal traces have equal
 * hashes).
 *
 * <p>Not thread-safe: read it from the thread that runs the simulation, or after the run.
 */
public final class Trace {

    private final ArrayList<TraceEvent> events = new ArrayList<>();
    private final List<TraceEvent> view = Collections.unmodifiableList(events);
    private boolean enabled = true;
    /** Keep at most this many events (oldest dropped first); {@code Integer.MAX_VALUE}: keep all. */
    private int keepLast = Integer.MAX_VALUE;
    /** Events recorded and no longer kept (see {@link #keepLast}). */
    private long forgotten;
    /** {@link #hash()} folded over every event recorded before {@code events.get(hashed)}, forgotten ones included. */
    private long hash = FNV_OFFSET;
    private int hashed;
    private Function<byte[], String> payloadFormat = Trace::defaultPayload;

    private List<Address> nodes = List.of();

    Trace() {
    }

    void setNodes(List<Address> inOrder) {
        this.nodes = inOrder;
    }

    /**
     * The run's nodes in the order they were added: diagrams give them their columns in this
     * order, so node A stays left of B however the events begin.
     */
    public List<Address> nodes() {
        return nodes;
    }

    /** Every event so far, oldest first (a live, read-only view). */
    public List<TraceEvent> events() {
        return view;
    }

    public int size() {
        return events.size();
    }

    /** The events of one kind, oldest first. */
    public List<TraceEvent> ofKind(TraceEvent.Kind kind) {
        return filter(e -> e.kind() == kind);
    }

    /** The events that happened at {@code node} (see {@link TraceEvent} for who is the node of a message event). */
    public List<TraceEvent> forNode(Address node) {
        return filter(e -> node.equals(e.node()));
    }

    /** The events matching {@code p}, oldest first. */
    public List<TraceEvent> filter(Predicate<? super TraceEvent> p) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (p.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * A message event with its payload decoded: who sent it, who it was for, and what it said, typed.
     *
     * @param event the SEND, DELIVER, DROP, DUPLICATE or CORRUPT event
     * @param body  its payload, decoded (as delivered, for a DELIVER)
     */
    public record Message<T>(TraceEvent event, T body) {

        /** The sender, whatever the kind of event (for a DELIVER that is its {@code peer}). */
        public Address from() {
            return event.kind() == TraceEvent.Kind.DELIVER ? event.peer() : event.node();
        }

        /** The receiver the message was addressed to. */
        public Address to() {
            return event.kind() == TraceEvent.Kind.DELIVER ? event.node() : event.peer();
        }

        public long timeNanos() {
            return event.timeNanos();
        }
    }

    /**
     * The {@code kind} events (SEND, DELIVER, DROP, ...) whose payload {@code codec} decodes to a
     * {@code type}, oldest first, each with its decoded message: what was sent, delivered or lost,
     * typed, instead of notes written as text and parsed back. A payload that does not decode (a
     * corrupted frame under a checksum, another protocol's) or holds another type is left out; without
     * a checksum a corrupted frame may decode into a different valid message, as a node would read it.
     * {@code trace.messages(Kind.DELIVER, CODEC, StoreAck.class)}: every acknowledgement that arrived.
     */
    public <T> List<Message<T>> messages(TraceEvent.Kind kind, Codec codec, Class<T> type) {
        List<Message<T>> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.kind() == kind && e.payloadUnsafe() != null) {
                Object body;
                try {
                    body = codec.decode(e.payloadUnsafe().clone());
                } catch (CodecException ex) {
                    continue;
                }
                if (type.isInstance(body)) {
                    out.add(new Message<>(e, type.cast(body)));
                }
            }
        }
        return out;
    }

    /** The drop reason of a DROP event (null for other kinds). */
    public DropReason dropReason(TraceEvent e) {
        return e.dropReason();
    }

    /** A filter keeping events at or with any of {@code nodes} (network-wide events are kept too). */
    public static Predicate<TraceEvent> byNode(Address... nodes) {
        Set<Address> set = Set.of(nodes);
        return e -> e.node() == null || set.contains(e.node()) || (e.peer() != null && set.contains(e.peer()));
    }

    /** A filter keeping events of the given kinds. */
    public static Predicate<TraceEvent> byKind(TraceEvent.Kind first, TraceEvent.Kind... rest) {
        EnumSet<TraceEvent.Kind> set = EnumSet.of(first, rest);
        return e -> set.contains(e.kind());
    }

    /** Messages only: sends, deliveries, drops, duplicates, corruptions. */
    public static Predicate<TraceEvent> messagesOnly() {
        return TraceEvent::isMessageEvent;
    }

    /**
     * Turns recording on or off. Off is for benchmarks and huge statistical runs: events are
     * not kept (the {@link Simulation#stats() counters} still are), and {@link #hash()} then
     * covers only what was recorded.
     */
    public void setEnabled(boolean on) {
        this.enabled = on;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * How payloads are shown in text and diagrams, for example {@code codec::describe}. The
     * default shows printable ASCII as text and anything else as hex.
     */
    public void setPayloadFormat(Function<byte[], String> format) {
        this.payloadFormat = format == null ? Trace::defaultPayload : format;
    }

    /** The payload of a message event as the payload format shows it ("" for other events). */
    public String describePayload(TraceEvent e) {
        if (e.payloadUnsafe() == null) {
            return "";
        }
        try {
            return payloadFormat.apply(e.payloadUnsafe().clone());
        } catch (RuntimeException ex) {
            return "<" + e.payloadLength() + " B: " + ex.getClass().getSimpleName() + ">";
        }
    }

    void add(TraceEvent e) {
        events.add(e);
        if (events.size() >= 2L * keepLast) { // trim in chunks: recording stays O(1) amortised
            forget(events.size() - keepLast);
        }
    }

    /** Drops the oldest {@code n} events, folding them into the hash first. */
    private void forget(int n) {
        foldUpTo(n);
        events.subList(0, n).clear();
        hashed -= n;
        forgotten += n;
    }

    /** Folds events up to (not including) index {@code end} into the hash; lazily, so recording pays nothing for it. */
    private void foldUpTo(int end) {
        for (; hashed < end; hashed++) {
            hash = mixEvent(hash, events.get(hashed));
        }
    }

    void clear() {
        events.clear();
        forgotten = 0;
        hash = FNV_OFFSET;
        hashed = 0;
    }

    /**
     * A bounded trace: keeps only the most recent events, between {@code n} and {@code 2n} of them
     * (older ones are dropped in chunks, so recording stays cheap), while {@link #hash()} still
     * covers every event recorded, so a replay is still checked. For long runs: a full trace costs
     * about 100 bytes per event (10 s of busy 5-node traffic is tens of MB); the events before a
     * failure are usually what matters, and those are the last ones. Diagrams and text then show
     * only the kept events; {@link #forgotten()} says how many went.
     *
     * @param n at least 1
     */
    public Trace keepLast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("keepLast needs at least 1 event, got " + n);
        }
        keepLast = n;
        if (events.size() > n) {
            forget(events.size() - n);
        }
        return this;
    }

    /** How many recorded events a bounded trace ({@link #keepLast}) no longer keeps; 0 for a full trace. */
    public long forgotten() {
        return forgotten;
    }

    /** The compact text log: one event a line. */
    public String toText() {
        return toText(e -> true);
    }

    /** The compact text log of the events matching {@code filter}. */
    public String toText(Predicate<? super TraceEvent> filter) {
        StringBuilder sb = new StringBuilder();
        for (TraceEvent e : events) {
            if (filter.test(e)) {
                sb.append(line(e, this)).append('\n');
            }
        }
        return sb.toString();
    }

    static String line(TraceEvent e, Trace t) {
        String node = e.node() == null ? "*" : e.node().name();
        String arrow;
        switch (e.kind()) {
            case DELIVER -> arrow = "<- " + e.peer();
            case SEND, DROP, DUPLICATE, CORRUPT -> arrow = "-> " + e.peer();
            default -> arrow = "";
        }
        StringBuilder sb = new StringBuilder(80);
        sb.append(String.format(Locale.ROOT, "%12s  %-6s %-12s %-8s", formatNanos(e.timeNanos()), node, e.kind(), arrow));
        if (e.messageId() >= 0) {
            sb.append(" #").append(e.messageId());
        }
        if (!e.detail().isEmpty()) {
            sb.append(' ').append(e.detail());
        }
        if (e.payloadUnsafe() != null) {
            sb.append("  ").append(t == null ? defaultPayload(e.payloadUnsafe()) : t.describePayload(e));
        }
        return sb.toString().stripTrailing();
    }

    /** One JSON object per line, fields: t (ns), kind, node, peer, id, payload (hex), detail, wall. */
    public String toJsonLines() {
        StringBuilder sb = new StringBuilder();
        HexFormat hex = HexFormat.of();
        for (TraceEvent e : events) {
            sb.append("{\"t\":").append(e.timeNanos())
                    .append(",\"kind\":\"").append(e.kind()).append('"')
                    .append(",\"node\":").append(json(e.node() == null ? null : e.node().name()))
                    .append(",\"peer\":").append(json(e.peer() == null ? null : e.peer().name()))
                    .append(",\"id\":").append(e.messageId());
            if (e.payloadUnsafe() != null) {
                sb.append(",\"payload\":\"").append(hex.formatHex(e.payloadUnsafe())).append('"');
            }
            sb.append(",\"detail\":").append(json(e.detail()))
                    .append(",\"wall\":").append(e.localWallMillis())
                    .append("}\n");
        }
        return sb.toString();
    }

    /** A JSON string literal (or null), escaping what JSON requires. */
    private static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * A stable 64-bit hash of every recorded event (time, kind, nodes, id, payload, detail,
     * local wall clock): equal for two runs exactly when their traces are equal, with
     * overwhelming probability. Independent of the JVM and of hash-code randomisation.
     */
    public long hash() {
        foldUpTo(events.size());
        return hash;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    /** The hash after one more event: {@link #hash()} is this folded over every event, oldest first. */
    private static long mixEvent(long h, TraceEvent e) {
        h = mix(h, e.timeNanos());
        h = mix(h, e.kind().ordinal());
        h = mixString(h, e.node() == null ? "" : e.node().name());
        h = mixString(h, e.peer() == null ? "" : e.peer().name());
        h = mix(h, e.messageId());
        byte[] p = e.payloadUnsafe();
        if (p != null) {
            h = mix(h, p.length);
            for (byte b : p) {
                h = (h ^ (b & 0xff)) * 0x100000001b3L;
            }
        }
        h = mixString(h, e.detail());
        h = mix(h, e.localWallMillis());
        return h;
    }

    /** {@link #hash()} as 16 hex digits. */
    public String hashHex() {
        return String.format(Locale.ROOT, "%016x", hash());
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (v & 0xff)) * 0x100000001b3L;
            v >>>= 8;
        }
        return h;
    }

    private static long mixString(long h, String s) {
        h = mix(h, s.length());
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * Formats virtual nanoseconds for people: "1.500ms", "2.000s", "250ns". Always with a
     * decimal point, whatever the JVM's locale: trace details contain these strings, and a
     * trace must be the same byte for byte on every machine.
     */
    public static String formatNanos(long nanos) {
        if (nanos < 0) {
            return "-" + formatNanos(-nanos);
        }
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.3fus", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.3fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
    }

    /** Printable ASCII as quoted text (at most 40 chars), anything else as hex (at most 16 bytes). */
    public static String defaultPayload(byte[] p) {
        boolean printable = p.length > 0;
        for (byte b : p) {
            if (b < 0x20 || b > 0x7e) {
                printable = false;
                break;
            }
        }
        if (printable) {
            String s = new String(p, StandardCharsets.US_ASCII);
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        String hex = HexFormat.of().formatHex(Arrays.copyOf(p, Math.min(16, p.length)));
        return p.length + "B " + hex + (p.length > 16 ? ".." : "");
    }
}
