package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.links.ladder.FairLossLink;
import dev.dbinternals.ch08.links.ladder.Frame;
import dev.dbinternals.ch08.links.ladder.Payloads;
import dev.dbinternals.ch08.links.ladder.Received;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a simulation {@link Trace} as a history of {@link LinkEvent}s, for the fair-loss
 * properties, which are about frames on the wire rather than application messages.
 *
 * <p>Two readings of the same trace show why the fair-loss link drops frames that fail their
 * checksum: {@link #fairLossLink(Trace)} counts as delivered only frames that decode (what
 * {@link FairLossLink} hands up), and <em>no creation</em> holds; {@link #rawNetwork(Trace)}
 * counts every arriving byte string, so a corrupted frame looks like a message nobody sent and
 * <em>no creation</em> fails. Stateless.
 */
public final class LinkEvents {

    private LinkEvents() {
    }

    /** SEND and DELIVER of data frames, deliveries only for frames whose checksum holds; each message named {@code DATA#seq(text)}. */
    public static List<LinkEvent> fairLossLink(Trace trace) {
        List<LinkEvent> out = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            if (e.kind() != TraceEvent.Kind.SEND && e.kind() != TraceEvent.Kind.DELIVER) {
                continue;
            }
            Frame f = Received.decode(e.payload(), Frame::decode, why -> { });
            if (f == null || f.kind() != Frame.Kind.DATA) {
                continue; // a corrupted frame: the fair-loss link drops it, lost, not created
            }
            String name = f.toString();
            out.add(e.kind() == TraceEvent.Kind.SEND
                    ? LinkEvent.send(e.timeNanos(), e.node(), e.peer(), name)
                    : LinkEvent.deliver(e.timeNanos(), e.peer(), e.node(), name));
        }
        return out;
    }

    /** Every SEND and DELIVER on the wire, each message named by its bytes (hex), checksum ignored. */
    public static List<LinkEvent> rawNetwork(Trace trace) {
        List<LinkEvent> out = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            if (e.kind() == TraceEvent.Kind.SEND) {
                out.add(LinkEvent.send(e.timeNanos(), e.node(), e.peer(), hex(e.payload())));
            } else if (e.kind() == TraceEvent.Kind.DELIVER) {
                out.add(LinkEvent.deliver(e.timeNanos(), e.peer(), e.node(), hex(e.payload())));
            }
        }
        return out;
    }

    /** How a frame is shown in traces and diagrams: {@code DATA#3(m3)}, {@code ACK#3(n_consecutive=3)}, or {@code CORRUPT(n B)}. */
    public static String describeFrame(byte[] bytes) {
        Frame f = Received.decode(bytes, Frame::decode, why -> { });
        if (f != null) {
            return f.toString();
        }
        String text = Payloads.describe(bytes);
        return text.length() == bytes.length ? text : "CORRUPT(" + bytes.length + " B)";
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }
}
