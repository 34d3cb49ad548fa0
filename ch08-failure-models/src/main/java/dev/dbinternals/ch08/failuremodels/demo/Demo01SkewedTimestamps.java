package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.clocks.CausalChain;
import dev.dbinternals.ch08.failuremodels.clocks.CausalChain.Outcome;
import dev.dbinternals.ch08.failuremodels.clocks.CausalChain.Received;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.SimClock;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Demo 1: events that cause one another, stamped by clocks that disagree, sorted by the
 * stamps, by arrival, and by a Lamport clock.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간): do not order by timestamps received
 * from other participants. Run: {@code ./ch08 demo ch08-failure-models skewed-timestamps [--quick]}
 */
public final class Demo01SkewedTimestamps {

    private Demo01SkewedTimestamps() {
    }

    private static String offsets(Outcome o) {
        StringBuilder sb = new StringBuilder();
        for (String n : List.of("N1", "N2", "N3", "N4")) {
            sb.append(n).append(String.format(" %+.1f ms  ", o.sim().clock(dev.dbinternals.ch08.harness.Address.of(n)).offset().toNanos() / 1e6));
        }
        return sb.toString().trim();
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("skewed-timestamps", "causally ordered events sorted by skewed wall clocks").parse(argv);
        int runs = args.quick() ? 20 : 100;
        DemoArgs.heading(System.out, "A token goes round 4 nodes, 40 hops; each hop is an event caused by the previous one");
        System.out.println("Each node stamps its event with its own wall clock and reports it to a collector.");
        System.out.println("Clocks: offset uniform in [-max, +max] per node, drift up to 100 ppm. Token hop 2..10 ms,");
        System.out.println("reports 1..40 ms. Counted: cause/effect pairs that each ordering puts the wrong way round.");
        System.out.printf("%n%-12s | %-18s | %-18s | %-18s%n", "max offset", "by sender's stamp", "by arrival", "by Lamport clock");
        long[] maxOffsets = {0, 1, 5, 20, 100};
        double[] byStamp = new double[maxOffsets.length];
        double[] byArrival = new double[maxOffsets.length];
        double[] byLamport = new double[maxOffsets.length];
        for (int row = 0; row < maxOffsets.length; row++) {
            long maxMs = maxOffsets[row];
            long pairs = 0;
            long wall = 0;
            long arrival = 0;
            long lamport = 0;
            for (int i = 0; i < runs; i++) {
                Outcome o = CausalChain.run(4, 40, Duration.ofMillis(maxMs), args.seed() + i);
                pairs += o.pairs();
                wall += o.invertedByWallClock();
                arrival += o.invertedByArrival();
                lamport += o.invertedByLamport();
            }
            byStamp[row] = 100.0 * wall / pairs;
            byArrival[row] = 100.0 * arrival / pairs;
            byLamport[row] = 100.0 * lamport / pairs;
            System.out.printf("%9d ms | %5.1f%% of pairs    | %5.1f%% of pairs    | %5.1f%% of pairs%n", maxMs,
                    byStamp[row], byArrival[row], byLamport[row]);
        }
        System.out.println();
        narration(maxOffsets, byStamp, byArrival, byLamport).forEach(System.out::println);

        DemoArgs.heading(System.out, "One run with clocks up to 20 ms apart, first 8 events");
        Outcome one = CausalChain.run(4, 8, Duration.ofMillis(20), args.seed());
        System.out.println("The clocks: " + offsets(one));
        System.out.printf("%-20s %-12s %-8s %s%n", "true (causal) order", "wall stamp", "Lamport", "");
        List<Received> causal = one.received().stream().sorted(Comparator.comparingLong((Received r) -> r.event().lamport())).toList();
        long previous = Long.MIN_VALUE;
        for (Received r : causal) {
            long stamp = r.event().wallMillis() - SimClock.EPOCH_MILLIS;
            System.out.printf("%-20s %-12s %-8d %s%n", "event " + r.event().lamport() + " at " + r.event().origin(),
                    "+" + stamp + " ms", r.event().lamport(),
                    stamp <= previous ? "<- stamped no later than its cause: sorting by stamp puts it first" : "");
            previous = stamp;
        }
        Diagrams.write(args.out(), "causal-chain", "A token round 4 nodes with skewed clocks", one.sim().trace(),
                Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.CLOCK_STEP));
    }

    /** The lines after the table, computed from its rows (percentages of pairs, per max offset in ms). */
    static List<String> narration(long[] maxOffsets, double[] byStamp, double[] byArrival, double[] byLamport) {
        List<String> lines = new ArrayList<>();
        double worstStamp = 0;
        long worstAt = maxOffsets[0];
        double minArrival = Double.MAX_VALUE;
        double maxArrival = 0;
        double maxLamport = 0;
        for (int i = 0; i < maxOffsets.length; i++) {
            if (byStamp[i] > worstStamp) {
                worstStamp = byStamp[i];
                worstAt = maxOffsets[i];
            }
            minArrival = Math.min(minArrival, byArrival[i]);
            maxArrival = Math.max(maxArrival, byArrival[i]);
            maxLamport = Math.max(maxLamport, byLamport[i]);
        }
        if (maxOffsets[0] == 0) {
            lines.add(byStamp[0] == 0
                    ? "With synchronised clocks (offset 0, drift only) the stamps put no pair the wrong way round:\n"
                            + "cause and effect are at least 2 ms apart."
                    : String.format("Even with synchronised clocks (offset 0) the stamps inverted %.1f%% of pairs.", byStamp[0]));
        }
        lines.add("Once the cause's clock is ahead of the effect's by as much as that gap, the effect carries the earlier");
        lines.add(String.format("stamp (a tie counts as wrong: millisecond stamps cannot order it); here up to %.1f%% of pairs,", worstStamp));
        lines.add(String.format("at a max offset of %d ms. Arrival order was wrong for %s of pairs whatever the",
                worstAt, minArrival == maxArrival ? String.format("%.1f%%", minArrival)
                        : String.format("%.1f%% to %.1f%%", minArrival, maxArrival)));
        lines.add("clocks did (it does not read them). "
                + (maxLamport == 0 ? "The Lamport clock put no effect before its cause at any\noffset, as its"
                        + " receive rule guarantees."
                        : String.format("The Lamport clock inverted up to %.1f%% of pairs, which its receive rule forbids: a bug.",
                                maxLamport)));
        return lines;
    }
}
