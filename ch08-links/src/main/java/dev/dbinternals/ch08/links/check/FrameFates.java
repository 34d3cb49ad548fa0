package dev.dbinternals.ch08.links.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.links.ladder.Frame;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The truth the sender cannot see: what became of each frame, read from the simulation trace
 * (which, unlike any process, sees the whole network). Used by the demos to put the sender's
 * view beside reality. Not thread-safe.
 */
public final class FrameFates {

    /** What happened to a frame so far. */
    public enum Fate {
        IN_FLIGHT("in flight", "전송 중"), LOST("lost", "손실"), DELIVERED("delivered", "전달됨");

        private final String text;
        private final String textKo;

        Fate(String text, String textKo) {
            this.text = text;
            this.textKo = textKo;
        }

        /** How the demos print this fate. */
        public String text() {
            return t(text, textKo);
        }
    }

    private FrameFates() {
    }

    /** The fate of the first transmission of each frame of {@code kind}, by sequence number, up to time {@code untilNanos}. */
    public static Map<Long, Fate> of(Trace trace, Frame.Kind kind, long untilNanos) {
        Map<Long, Long> seqById = new HashMap<>(); // looked up only
        Map<Long, Fate> fates = new TreeMap<>();
        for (TraceEvent e : trace.events()) {
            if (e.timeNanos() > untilNanos) {
                break;
            }
            switch (e.kind()) {
                case SEND -> {
                    Frame f = Frame.decode(e.payload());
                    if (f.kind() == kind && !fates.containsKey(f.seq())) {
                        seqById.put(e.messageId(), f.seq());
                        fates.put(f.seq(), Fate.IN_FLIGHT);
                    }
                }
                case DROP -> {
                    Long seq = seqById.get(e.messageId());
                    if (seq != null && fates.get(seq) == Fate.IN_FLIGHT) {
                        fates.put(seq, Fate.LOST);
                    }
                }
                case DELIVER -> {
                    Long seq = seqById.get(e.messageId());
                    if (seq != null) {
                        fates.put(seq, Fate.DELIVERED);
                    }
                }
                default -> {
                }
            }
        }
        return fates;
    }
}
