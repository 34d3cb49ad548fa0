package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.check.LinkPair;
import dev.dbinternals.ch08.links.ladder.LinkStats;
import dev.dbinternals.ch08.links.ladder.StubbornLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo 03: the stubborn link delivers despite loss, and pays for it forever.
 *
 * <p>Book: Chapter 8, Links → Message retransmits (메시지 재전송). A sends m1..m10 over a
 * {@link StubbornLink} that retransmits everything every T = 10 ms. For loss 0 %, 20 % and 50 %
 * the table shows, after 0.1 s, 0.5 s and 2 s: transmissions per message (growing linearly with
 * time, whatever the loss), deliveries per message (duplicates, growing too, about (1 - p) of
 * the transmissions), and when every message had been delivered at least once (later under
 * heavier loss, in expectation). Compare the ideal 1/(1-p). The sentences under the table are
 * computed from its rows ({@link #verdict}).
 */
public final class Demo03StubbornLink {

    private Demo03StubbornLink() {
    }

    /** The retransmission period T, in milliseconds. */
    static final long PERIOD_MS = 10;

    /** One row of the table: a loss rate, a checkpoint, and what the run had done by then. */
    record Row(double loss, long elapsedMs, double transmissionsPerMessage, double deliveriesPerMessage, long allDeliveredNanos) {
    }

    /**
     * The sentences under the table, from its rows (grouped by loss, checkpoints in increasing
     * order): whether transmissions and deliveries grew with time at every loss rate, how close
     * transmissions came to {@code elapsed / T + 1}, what share of the transmissions was
     * delivered at the last checkpoint, and whether loss delayed the first delivery of all ten.
     */
    static String verdict(List<Row> rows, long periodMs) {
        Map<Double, List<Row>> byLoss = new LinkedHashMap<>();
        rows.forEach(r -> byLoss.computeIfAbsent(r.loss(), k -> new ArrayList<>()).add(r));
        List<String> txFlat = new ArrayList<>();
        List<String> delFlat = new ArrayList<>();
        byLoss.forEach((loss, rs) -> {
            for (int i = 1; i < rs.size(); i++) {
                if (rs.get(i).transmissionsPerMessage() <= rs.get(i - 1).transmissionsPerMessage()) {
                    txFlat.add(pct(loss));
                    break;
                }
            }
            for (int i = 1; i < rs.size(); i++) {
                if (rs.get(i).deliveriesPerMessage() <= rs.get(i - 1).deliveriesPerMessage()) {
                    delFlat.add(pct(loss));
                    break;
                }
            }
        });
        long near = rows.stream().filter(r -> Math.abs(r.transmissionsPerMessage() - (r.elapsedMs() / (double) periodMs + 1)) <= 1).count();
        StringBuilder sb = new StringBuilder();
        sb.append(txFlat.isEmpty() ? "Transmissions per message grew with elapsed time at every loss rate"
                : "Transmissions per message did NOT grow with elapsed time at loss " + String.join(", ", txFlat));
        sb.append(String.format(", and %d of %d rows are within 1%nof elapsed / T + 1", near, rows.size()));
        sb.append(near == rows.size() ? ", whatever the loss: with no acks the sender never learns it may stop.\n"
                : ": in the other rows the cost was not elapsed / T + 1.\n");
        sb.append(delFlat.isEmpty() ? "Deliveries per message grew too: each message arrived over and over."
                : "Deliveries per message did NOT grow with time at loss " + String.join(", ", delFlat) + ".");
        List<String> shares = new ArrayList<>();
        List<String> firsts = new ArrayList<>();
        List<String> delayed = new ArrayList<>();
        List<String> notDelayed = new ArrayList<>();
        boolean nearOneMinusP = true;
        Row lowest = byLoss.values().iterator().next().get(0);
        for (List<Row> rs : byLoss.values()) {
            Row last = rs.get(rs.size() - 1);
            double share = last.deliveriesPerMessage() / last.transmissionsPerMessage();
            nearOneMinusP &= Math.abs(share - (1 - last.loss())) <= 0.1;
            shares.add(String.format("%.0f %%", 100 * share));
            firsts.add(String.format("%.1f ms", last.allDeliveredNanos() / 1e6));
            if (last.loss() > lowest.loss()) {
                (last.allDeliveredNanos() > lowest.allDeliveredNanos() ? delayed : notDelayed).add(pct(last.loss()));
            }
        }
        String losses = String.join(", ", byLoss.keySet().stream().map(Demo03StubbornLink::pct).toList());
        sb.append(String.format(" At the last checkpoint%n%s of the transmissions were delivered at loss %s%s.%n",
                String.join(", ", shares), losses, nearOneMinusP ? " (about 1 - p each)" : " (not all near 1 - p)"));
        sb.append(String.format("Every message had been delivered at least once by %s at loss %s:%n", String.join(", ", firsts), losses));
        if (delayed.isEmpty()) {
            sb.append("loss did not delay that in this run.\n");
        } else if (notDelayed.isEmpty()) {
            sb.append("loss delayed it at every rate above " + pct(lowest.loss()) + " (a lost copy waits a period T for the next one).\n");
        } else {
            sb.append("loss delayed it at " + String.join(", ", delayed) + " (a lost copy waits a period T for the next one), not at "
                    + String.join(", ", notDelayed) + " in this run.\n");
        }
        return sb.toString();
    }

    private static String pct(double loss) {
        return Math.round(loss * 100) + " %";
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("stubborn", "The stubborn link: every message retransmitted every T, forever").parse(argv);
        DemoArgs.heading(System.out, "Demo 03 · stubborn link (스터번 링크), seed " + args.seed());
        System.out.println("A sends m1..m10; the link resends all of them every T = " + PERIOD_MS + " ms, forever (no acks, so it can never stop).");
        System.out.printf("%n  %-6s %-10s %-18s %-18s %-22s %s%n", "loss", "elapsed", "transmissions/msg", "deliveries/msg",
                "all delivered by", "ideal 1/(1-p)");
        long[] checkpoints = args.quick() ? new long[] {100, 500} : new long[] {100, 500, 2000};
        List<Row> rows = new ArrayList<>();
        for (double loss : new double[] {0.0, 0.2, 0.5}) {
            LinkPair p = LinkPair.create(args.seed(), l -> new StubbornLink(Duration.ofMillis(PERIOD_MS), l), 10, 0, false);
            p.sim().trace().setEnabled(false);
            p.sim().network().setDefaults(LinkFaults.none().withLoss(loss).withDelay(Duration.ofMillis(1)));
            p.sim().runUntil(() -> p.receiver().distinctDelivered() == 10, Duration.ofSeconds(10));
            long allAt = p.sim().nowNanos();
            for (long ms : checkpoints) {
                p.sim().runFor(Duration.ofNanos(Math.max(0, ms * 1_000_000L - p.sim().nowNanos())));
                LinkStats s = p.sender().link().stats();
                Row r = new Row(loss, ms, s.transmissions / 10.0, p.receiver().deliveredCount() / 10.0, allAt);
                rows.add(r);
                System.out.printf("  %-6s %-10s %-18.1f %-18.1f %-22s %.2f%n", (int) (loss * 100) + "%", ms + " ms",
                        r.transmissionsPerMessage(), r.deliveriesPerMessage(), DemoOutput.ms(allAt), 1 / (1 - loss));
            }
        }
        System.out.println();
        System.out.print(verdict(rows, PERIOD_MS));
        System.out.println("The perfect link abstraction adds a record of what was delivered, so duplicates are ignored; the");
        System.out.println("PerfectLink class (Demo05) also stops retransmitting once acknowledged, the engineering refinement.");
        System.out.println("See Bench01TransmissionsPerMessage for the stubborn vs perfect link vs 1/(1-p) table.");
        DemoArgs.heading(System.out, "Diagram");
        LinkPair small = LinkPair.create(args.seed(), l -> new StubbornLink(Duration.ofMillis(PERIOD_MS), l), 2, 0, true);
        small.sim().network().setDefaults(LinkFaults.none().withLoss(0.3).withDelay(Duration.ofMillis(2)));
        small.sim().runFor(Duration.ofMillis(45));
        DemoOutput.diagrams(args, "stubborn", "Stubborn link: m1 and m2 resent every 10 ms, 30% loss, first 45 ms",
                small.sim().trace(), DemoOutput.NO_TIMERS);
    }
}
