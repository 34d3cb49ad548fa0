package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.flp.RaftElection.PartitionRun;
import dev.dbinternals.ch08.flp.RaftElection.Reelection;
import dev.dbinternals.ch08.flp.RaftElection.RoleChange;
import dev.dbinternals.ch08.flp.RaftElectionNode.Role;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.render.Mermaid;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Demo 4, system synchrony (시스템 동기성), the Raft example: two servers that both believe they
 * lead after a partition, the stale one stepping down on a higher term, and how many election
 * rounds a new leader takes with fixed and with randomised election timeouts. Leadership by
 * terms only (Ongaro and Ousterhout 2014, §5.1–5.2); no log replication (Chapter 14).
 *
 * <p>Run: {@code ./ch08 demo flp raft} ({@code --runs N} seeds per histogram, {@code --quick}
 * 100). Writes a text timeline and a Mermaid diagram of the heal.
 */
public final class Demo04Raft {

    /** Election rounds after which a re-election run stops and counts as not converged. */
    static final int CAP = 30;

    /** {@link RaftElection#NETWORK_DELAY} in words. */
    private static final String DELAY = "1 to 10 ms";

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-raft",
                        "Raft leader election: two leaders after a partition, and fixed vs randomised election timeouts")
                .intOption("runs", 500, 1, 100_000, "seeds per histogram row (--quick: 100)")
                .parse(args);
        int runs = a.quick() ? 100 : a.intValue("runs");
        PrintStream out = System.out;
        out.println("Five Raft servers p0..p4, leader election only: terms, RequestVote (one vote per term),");
        out.println("AppendEntries heartbeats every " + RaftElection.HEARTBEAT.toMillis() + " ms, and any server that sees a higher term");
        out.println("becomes a follower. Election timeouts " + RaftElection.RANDOMISED + "; every message takes "
                + DELAY + " (uniform).");
        out.println("The notes say, in paraphrase, that processes can be slowed on purpose to make one the leader.");
        out.println("Raft chooses no leader by slowing processes; this is what it does (Ongaro and Ousterhout 2014, §5.1-5.2).");

        Files.createDirectories(a.out());
        PartitionRun run = RaftElection.partitionRun(a.seed(), true);
        var cluster = run.cluster();
        Address stale = run.stale().node();
        Address newer = run.newer().node();
        DemoArgs.heading(out, "1. A partition: seed " + a.seed() + ", every role change of the run");
        for (RoleChange c : cluster.changes()) {
            out.printf("  %9s  %s  %-9s term %d  (%s)%n", ms(c.nanos()), c.node(), c.role().name().toLowerCase(Locale.ROOT), c.term(), c.why());
            if (c.nanos() <= run.partitionNanos() && next(cluster.changes(), c, run.partitionNanos())) {
                out.printf("  %9s  partition {%s, %s} | the other three%n", ms(run.partitionNanos()), stale, run.follower());
            }
            if (c.nanos() <= run.healNanos() && next(cluster.changes(), c, run.healNanos())) {
                out.printf("  %9s  heal%n", ms(run.healNanos()));
            }
        }
        out.println();
        out.printf("%s led term %d from %s; the partition cut it off with %s at %s.%n", stale, run.stale().term(),
                ms(run.stale().fromNanos()), run.follower(), ms(run.partitionNanos()));
        out.printf("The majority elected %s leader of term %d at %s, %s after the partition.%n", newer, run.newer().term(),
                ms(run.newer().fromNanos()), ms(run.newer().fromNanos() - run.partitionNanos()));
        if (run.overlapTo() > run.overlapFrom()) {
            out.printf("Two servers believed they led from %s to %s (%s): %s in term %d, %s in term %d.%n",
                    ms(run.overlapFrom()), ms(run.overlapTo()), ms(run.overlapTo() - run.overlapFrom()),
                    stale, run.stale().term(), newer, run.newer().term());
        } else {
            out.println("The two leaderships did not overlap in this run.");
        }
        if (run.stepDown() != null) {
            out.printf("The partition healed at %s; %s stepped down at %s, %s later:%n  it %s.%n", ms(run.healNanos()), stale,
                    ms(run.stepDown().nanos()), ms(run.stepDown().nanos() - run.healNanos()), run.stepDown().why());
        } else {
            out.printf("The partition healed at %s and %s did NOT step down by the end of the run.%n", ms(run.healNanos()), stale);
        }
        var twice = cluster.termsWithTwoLeaders();
        out.println(twice.isEmpty()
                ? "Each term had at most one leader (election safety): the two leaders held different terms."
                : "Terms with two leaders (election safety VIOLATED): " + twice);

        Path timeline = a.out().resolve("raft-timeline.txt");
        String chart = timeline(run);
        Files.writeString(timeline, chart, StandardCharsets.UTF_8);
        out.println();
        out.print(chart);

        Trace trace = cluster.simulation().trace();
        long from = run.healNanos();
        long to = run.stepDown() == null ? from + 100_000_000L : run.stepDown().nanos() + 15_000_000L;
        Path mmd = a.out().resolve("raft-heal.mmd");
        Files.writeString(mmd, Mermaid.sequenceDiagram(trace, e -> e.timeNanos() >= from && e.timeNanos() <= to
                && e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_FIRE), StandardCharsets.UTF_8);

        DemoArgs.heading(out, "2. Election rounds until a new leader, seeds 1.." + runs + " per row");
        out.println("p0 leads term 1 (as if elected earlier) and crashes at " + RaftElection.CRASH_AT.toMillis()
                + " ms; rounds = the new leader's term - 1");
        out.println("(1 = the first election won). A run that reaches " + CAP + " rounds without a leader stops and is counted as capped.");
        List<Row> rows = new ArrayList<>();
        for (ElectionTimeouts t : List.of(RaftElection.FIXED, RaftElection.RANDOMISED)) {
            rows.add(histogram(t, runs));
        }
        int maxBucket = rows.stream().mapToInt(r -> r.counts().size()).max().orElse(0);
        StringBuilder md = new StringBuilder("| rounds | " + rows.get(0).timeouts() + " | " + rows.get(1).timeouts() + " |\n|---|---|---|\n");
        out.printf("%n  %-8s %-28s %s%n", "rounds", rows.get(0).timeouts(), rows.get(1).timeouts());
        for (int b = 0; b < maxBucket; b++) {
            String label = bucketLabel(b);
            int c0 = b < rows.get(0).counts().size() ? rows.get(0).counts().get(b) : 0;
            int c1 = b < rows.get(1).counts().size() ? rows.get(1).counts().get(b) : 0;
            out.printf("  %-8s %5d %-22s %5d %s%n", label, c0, bar(c0, runs), c1, bar(c1, runs));
            md.append("| ").append(label).append(" | ").append(c0).append(" | ").append(c1).append(" |\n");
        }
        out.printf("  %-8s %5d %-22s %5d%n", "capped", rows.get(0).capped(), "", rows.get(1).capped());
        md.append("| capped at ").append(CAP).append(" | ").append(rows.get(0).capped()).append(" | ").append(rows.get(1).capped()).append(" |\n");
        out.println();
        for (Row r : rows) {
            out.printf("%-24s mean %s%.2f rounds%s; %d of %d runs won the first election;%n"
                            + "%-24s %d capped; median time from the crash to a leader %s ms (runs that elected one).%n",
                    r.timeouts(), r.capped() > 0 ? "at least " : "", r.mean(),
                    r.capped() > 0 ? " (a capped run counts as " + CAP + ")" : "", r.firstRound(), runs,
                    "", r.capped(), r.medianMillis() < 0 ? "-" : String.valueOf(r.medianMillis()));
        }
        Row fixed = rows.get(0);
        Row random = rows.get(1);
        out.println();
        out.printf("With fixed timeouts only the message delays (%s) separate the followers' timeouts: they%n", DELAY);
        out.println("often time out within a few milliseconds of each other, each votes for itself, and the vote");
        out.println("splits. After a split each candidate restarts its timer when it timed out, so the near-tie");
        out.printf("tends to repeat: %d of %d fixed-timeout runs reached the cap of %d rounds.%n", fixed.capped(), runs, CAP);
        out.printf("Randomised timeouts needed %s rounds on average than fixed ones (%.2f vs %s%.2f) in these runs.%n",
                random.mean() < fixed.mean() ? "fewer" : "no fewer", random.mean(), fixed.capped() > 0 ? "at least " : "", fixed.mean());
        out.println("Nobody slowed a process to choose the leader: the random draw, redone at every election,");
        out.println("usually lets one server time out first and collect a majority before the others start.");

        Path table = a.out().resolve("raft-rounds.md");
        Files.writeString(table, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + timeline);
        out.println("wrote " + mmd);
        out.println("wrote " + table);
    }

    /** Re-election runs of one row: counts by round (1..CAP), capped runs, mean and median. */
    record Row(ElectionTimeouts timeouts, List<Integer> counts, int capped, double mean, int firstRound, long medianMillis) {
    }

    static Row histogram(ElectionTimeouts timeouts, int runs) {
        List<Integer> counts = new ArrayList<>();
        int capped = 0;
        long sum = 0;
        List<Long> times = new ArrayList<>();
        for (long seed = 1; seed <= runs; seed++) {
            Reelection r = RaftElection.reelection(seed, timeouts, CAP);
            sum += r.rounds();
            if (r.capped()) {
                capped++;
                continue;
            }
            times.add(r.millisToLeader());
            int b = bucket(r.rounds());
            while (counts.size() <= b) {
                counts.add(0);
            }
            counts.set(b, counts.get(b) + 1);
        }
        times.sort(null);
        return new Row(timeouts, counts, capped, (double) sum / runs, counts.isEmpty() ? 0 : counts.get(0),
                times.isEmpty() ? -1 : times.get(times.size() / 2));
    }

    /** Buckets: 1, 2, 3, 4, 5, then 6-10, 11-20, 21-30. */
    static int bucket(int rounds) {
        if (rounds <= 5) {
            return rounds - 1;
        }
        return rounds <= 10 ? 5 : rounds <= 20 ? 6 : 7;
    }

    static String bucketLabel(int b) {
        return switch (b) {
            case 5 -> "6-10";
            case 6 -> "11-20";
            case 7 -> "21-" + CAP;
            default -> String.valueOf(b + 1);
        };
    }

    private static String bar(int count, int runs) {
        return "#".repeat((int) Math.round(20.0 * count / runs));
    }

    private static boolean next(List<RoleChange> changes, RoleChange c, long t) {
        int i = changes.indexOf(c);
        return i == changes.size() - 1 || changes.get(i + 1).nanos() > t;
    }

    /** One line per server, one column per 50 ms: F follower, C candidate, L leader; a row of marks for the partition. */
    static String timeline(PartitionRun run) {
        var cluster = run.cluster();
        long step = 50_000_000L;
        long end = cluster.simulation().nowNanos();
        int cols = (int) (end / step);
        StringBuilder sb = new StringBuilder("Timeline (one column per 50 ms; F follower, C candidate, L leader; '=' partition in place)\n");
        sb.append(String.format("  %-9s", "partition"));
        for (int i = 0; i < cols; i++) {
            long t = i * step + step / 2;
            sb.append(t >= run.partitionNanos() && t < run.healNanos() ? '=' : ' ');
        }
        sb.append('\n');
        for (Address a : cluster.nodes()) {
            sb.append(String.format("  %-9s", a));
            for (int i = 0; i < cols; i++) {
                long t = i * step + step / 2;
                Role role = Role.FOLLOWER;
                for (RoleChange c : cluster.changes()) {
                    if (c.node().equals(a) && c.nanos() <= t) {
                        role = c.role();
                    }
                }
                sb.append(role.name().charAt(0));
            }
            sb.append('\n');
        }
        sb.append(String.format("  %-9s", "seconds"));
        for (int i = 0; i < cols; i++) {
            sb.append(i % 20 == 0 ? String.valueOf(i / 20).charAt(0) : ' ');
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

}
