package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.check.LinkPair;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.time.Duration;

/**
 * Benchmark main: perfect-link goodput against the sender's window size, in the simulator
 * (virtual time, so the figures are exact): 1 KiB messages over a link with 5 ms one-way delay
 * (10 ms round trip) and 10 MB/s bandwidth, at 0 % and 5 % loss. A window of W messages can
 * move at most W KiB per round trip, so goodput grows with W until it meets the bandwidth: the
 * bandwidth-delay product (10 MB/s x 10 ms = 100 KB, about 98 messages) is the window that
 * fills the pipe. Then the same sweep over real UDP on loopback (wall-clock time).
 *
 * <p>Run: {@code java -cp ch08-links/target/benchmarks.jar dev.dbinternals.ch08.links.Bench03GoodputVsWindow [messages]}
 */
public final class Bench03GoodputVsWindow {

    private Bench03GoodputVsWindow() {
    }

    public static void main(String[] args) {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int[] windows = {1, 4, 16, 64, 128, 256};
        System.out.printf("Simulated: %d messages of 1 KiB, 5 ms one-way delay, 10 MB/s; goodput in MB/s of virtual time%n", messages);
        System.out.println("Figures: 10^6 payload bytes delivered per second of virtual time (exact for seed 1);"
                + " the last column is the window's limit W x 1 KiB per 10 ms round trip, capped at the 10 MB/s bandwidth");
        System.out.printf("%-8s %12s %12s %18s%n", "window", "loss 0%", "loss 5%", "W x 1KiB / RTT");
        for (int w : windows) {
            System.out.printf("%-8d %12.2f %12.2f %18.2f%n", w, simulated(w, 0, messages), simulated(w, 0.05, messages),
                    Math.min(10.0, w * 1024 / 0.010 / 1e6));
        }
        System.out.printf("%nReal UDP loopback: %d messages of 1 KiB, one datagram each, RTO 5 ms (wall-clock MB/s)%n", messages * 4);
        System.out.println("Figures: 10^6 payload bytes delivered per second of wall time, one run each: they vary from run to run");
        System.out.printf("%-8s %12s %12s%n", "window", "loss 0%", "loss 5%");
        UdpVsTcp.perfectLinkOverUdp(messages, 1024, 64, Duration.ofMillis(5), 0, 1); // warm-up
        for (int w : windows) {
            System.out.printf("%-8d %12.1f %12.1f%n", w,
                    UdpVsTcp.perfectLinkOverUdp(messages * 4, 1024, w, Duration.ofMillis(5), 0, 1).mbPerSecond(),
                    UdpVsTcp.perfectLinkOverUdp(messages * 4, 1024, w, Duration.ofMillis(5), 0.05, 1).mbPerSecond());
        }
    }

    static double simulated(int window, double loss, int messages) {
        LinkPair p = LinkPair.create(1, l -> new WindowedPerfectLink(WindowedPerfectLink.Config.defaults().withWindow(window)
                .withRetransmitTimeout(Duration.ofMillis(25)), l), messages, 1024, false);
        p.sim().trace().setEnabled(false);
        p.sim().setHandlerTime(Duration.ZERO);
        p.sim().network().setDefaults(LinkFaults.none().withLoss(loss).withDelay(Duration.ofMillis(5)).withBandwidth(10_000_000));
        if (!p.sim().runUntil(() -> p.receiver().deliveredCount() >= messages, Duration.ofHours(1))) {
            throw new IllegalStateException("not all delivered");
        }
        return p.receiver().bytesDelivered() / (p.sim().nowNanos() / 1e9) / 1e6;
    }
}
