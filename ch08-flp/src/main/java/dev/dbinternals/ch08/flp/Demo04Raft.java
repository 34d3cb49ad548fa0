package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.flp.RaftElection.PartitionRun;
import dev.dbinternals.ch08.flp.RaftElection.Reelection;
import dev.dbinternals.ch08.flp.RaftElection.RoleChange;
import dev.dbinternals.ch08.flp.RaftElectionNode.Role;
import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.lang.Lang;
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
    private static String delay() {
        return t("1 to 10 ms", "1 ~ 10 ms 사이");
    }

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-raft",
                        "Raft leader election: two leaders after a partition, and fixed vs randomised election timeouts",
                        "Raft 리더 선출: 파티션 뒤의 두 리더, 고정 선출 타임아웃과 무작위 선출 타임아웃")
                .intOption("runs", 500, 1, 100_000, "seeds per histogram row (--quick: 100)", "히스토그램 행마다 시드 수 (--quick: 100)")
                .parse(args);
        int runs = a.quick() ? 100 : a.intValue("runs");
        PrintStream out = System.out;
        out.println(t("Five Raft servers p0..p4, leader election only: terms, RequestVote (one vote per term),",
                "Raft 서버 다섯 대 p0..p4, 리더 선출만 한다: 임기(term), RequestVote(임기마다 한 표),"));
        out.println(t("AppendEntries heartbeats every " + RaftElection.HEARTBEAT.toMillis() + " ms, and any server that sees a higher term",
                RaftElection.HEARTBEAT.toMillis() + " ms마다 AppendEntries 하트비트, 그리고 더 높은 임기를 본 서버는"));
        out.println(t("becomes a follower. Election timeouts " + RaftElection.RANDOMISED + "; every message takes "
                + delay() + " (uniform).", "팔로워가 된다. 선출 타임아웃(election timeout)은 " + RaftElection.RANDOMISED
                + "; 메시지마다 " + delay() + "(균등 분포)가 걸린다."));
        out.println(t("The notes say, in paraphrase, that processes can be slowed on purpose to make one the leader.",
                "학습 노트는 (풀어 말하면) 프로세스를 일부러 느리게 해서 하나를 리더로 만들 수 있다고 한다."));
        out.println(t("Raft chooses no leader by slowing processes; this is what it does (Ongaro and Ousterhout 2014, §5.1-5.2).",
                "Raft는 프로세스를 느리게 해서 리더를 고르지 않는다; 실제로 하는 일은 이렇다(Ongaro, Ousterhout 2014, §5.1-5.2)."));

        Files.createDirectories(a.out());
        PartitionRun run = RaftElection.partitionRun(a.seed(), true);
        var cluster = run.cluster();
        Address stale = run.stale().node();
        Address newer = run.newer().node();
        DemoArgs.heading(out, t("1. A partition: seed " + a.seed() + ", every role change of the run",
                "1. 파티션: 시드 " + a.seed() + ", 실행의 모든 역할 변경"));
        for (RoleChange c : cluster.changes()) {
            // the role padded by terminal columns, not characters: 후보 and 팔로워 differ in width, the term after them must not move
            out.printf(t("  %9s  %s  %s term %d  (%s)%n", "  %9s  %s  %s 임기 %d  (%s)%n"), ms(c.nanos()), c.node(), Columns.left(role(c.role()), 9), c.term(),
                    why(c.why()));
            if (c.nanos() <= run.partitionNanos() && next(cluster.changes(), c, run.partitionNanos())) {
                out.printf(t("  %9s  partition {%s, %s} | the other three%n", "  %9s  파티션 {%s, %s} | 나머지 셋%n"), ms(run.partitionNanos()), stale, run.follower());
            }
            if (c.nanos() <= run.healNanos() && next(cluster.changes(), c, run.healNanos())) {
                out.printf(t("  %9s  heal%n", "  %9s  복구%n"), ms(run.healNanos()));
            }
        }
        out.println();
        out.printf(t("%s led term %d from %s; the partition cut it off with %s at %s.%n",
                        "%1$s는 %3$s부터 임기 %2$d의 리더였다; %5$s에 파티션이 그 리더를 %4$s와 함께 고립시켰다.%n"), stale, run.stale().term(),
                ms(run.stale().fromNanos()), run.follower(), ms(run.partitionNanos()));
        out.printf(t("The majority elected %s leader of term %d at %s, %s after the partition.%n",
                        "과반 쪽은 %3$s에, 파티션 %4$s 뒤에 %1$s를 임기 %2$d의 리더로 뽑았다.%n"), newer, run.newer().term(),
                ms(run.newer().fromNanos()), ms(run.newer().fromNanos() - run.partitionNanos()));
        if (run.overlapTo() > run.overlapFrom()) {
            out.printf(t("Two servers believed they led from %s to %s (%s): %s in term %d, %s in term %d.%n",
                            "%1$s부터 %2$s까지(%3$s) 두 서버가 자신이 리더라고 믿었다: 임기 %5$d의 %4$s, 임기 %7$d의 %6$s.%n"),
                    ms(run.overlapFrom()), ms(run.overlapTo()), ms(run.overlapTo() - run.overlapFrom()),
                    stale, run.stale().term(), newer, run.newer().term());
        } else {
            out.println(t("The two leaderships did not overlap in this run.", "이 실행에서는 두 리더십이 겹치지 않았다."));
        }
        if (run.stepDown() != null) {
            out.printf(t("The partition healed at %s; %s stepped down at %s, %s later:%n  it %s.%n",
                            "파티션은 %1$s에 복구됐다; %2$s는 %4$s 뒤인 %3$s에 물러났다:%n  %5$s.%n"), ms(run.healNanos()), stale,
                    ms(run.stepDown().nanos()), ms(run.stepDown().nanos() - run.healNanos()), why(run.stepDown().why()));
        } else {
            out.printf(t("The partition healed at %s and %s did NOT step down by the end of the run.%n",
                    "파티션은 %1$s에 복구됐지만 %2$s는 실행이 끝날 때까지 물러나지 않았다.%n"), ms(run.healNanos()), stale);
        }
        var twice = cluster.termsWithTwoLeaders();
        out.println(twice.isEmpty()
                ? t("Each term had at most one leader (election safety): the two leaders held different terms.",
                        "임기마다 리더는 많아야 하나였다(선출 안전성): 두 리더의 임기는 서로 달랐다.")
                : t("Terms with two leaders (election safety VIOLATED): ", "리더가 둘인 임기(선출 안전성 위반): ") + twice);

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

        DemoArgs.heading(out, t("2. Election rounds until a new leader, seeds 1.." + runs + " per row",
                "2. 새 리더가 나올 때까지의 선출 라운드, 행마다 시드 1.." + runs));
        out.println(t("p0 leads term 1 (as if elected earlier) and crashes at " + RaftElection.CRASH_AT.toMillis()
                + " ms; rounds = the new leader's term - 1", "p0가 (앞서 뽑힌 것처럼) 임기 1을 이끌다가 "
                + RaftElection.CRASH_AT.toMillis() + " ms에 충돌한다; 라운드 = 새 리더의 임기 - 1"));
        out.println(t("(1 = the first election won). A run that reaches " + CAP + " rounds without a leader stops and is counted as capped.",
                "(1 = 첫 선출에서 성공). 리더 없이 " + CAP + " 라운드에 이른 실행은 멈추고 상한 도달로 센다."));
        List<Row> rows = new ArrayList<>();
        for (ElectionTimeouts t : List.of(RaftElection.FIXED, RaftElection.RANDOMISED)) {
            rows.add(histogram(t, runs));
        }
        int maxBucket = rows.stream().mapToInt(r -> r.counts().size()).max().orElse(0);
        StringBuilder md = new StringBuilder(t("| rounds | ", "| 라운드 | ") + rows.get(0).timeouts() + " | " + rows.get(1).timeouts() + " |\n|---|---|---|\n");
        // padded by terminal columns, not characters; the first column widens to 상한 도달 (9 columns) in Korean only
        int labelWidth = Math.max(8, Columns.width(t("capped", "상한 도달")));
        out.printf("%n  %s %s %s%n", Columns.left(t("rounds", "라운드"), labelWidth), Columns.left(String.valueOf(rows.get(0).timeouts()), 28), rows.get(1).timeouts());
        for (int b = 0; b < maxBucket; b++) {
            String label = bucketLabel(b);
            int c0 = b < rows.get(0).counts().size() ? rows.get(0).counts().get(b) : 0;
            int c1 = b < rows.get(1).counts().size() ? rows.get(1).counts().get(b) : 0;
            out.printf("  %-" + labelWidth + "s %5d %-22s %5d %s%n", label, c0, bar(c0, runs), c1, bar(c1, runs));
            md.append("| ").append(label).append(" | ").append(c0).append(" | ").append(c1).append(" |\n");
        }
        out.printf("  %s %5d %-22s %5d%n", Columns.left(t("capped", "상한 도달"), labelWidth), rows.get(0).capped(), "", rows.get(1).capped());
        md.append(t("| capped at ", "| 상한 ")).append(CAP).append(" | ").append(rows.get(0).capped()).append(" | ").append(rows.get(1).capped()).append(" |\n");
        out.println();
        for (Row r : rows) {
            out.printf(t("%-24s mean %s%.2f rounds%s; %d of %d runs won the first election;%n"
                            + "%-24s %d capped; median time from the crash to a leader %s ms (runs that elected one).%n",
                            "%1$-24s 평균 %2$s%3$.2f 라운드%4$s; 실행 %6$d개 중 %5$d개가 첫 선출에서 성공;%n"
                            + "%7$-24s 상한 도달 %8$d개; 충돌부터 리더까지 시간 중앙값 %9$s ms (리더를 뽑은 실행).%n"),
                    r.timeouts(), r.capped() > 0 ? t("at least ", "최소 ") : "", r.mean(),
                    r.capped() > 0 ? t(" (a capped run counts as " + CAP + ")", " (상한 도달 실행은 " + CAP + "으로 셈)") : "", r.firstRound(), runs,
                    "", r.capped(), r.medianMillis() < 0 ? "-" : String.valueOf(r.medianMillis()));
        }
        Row fixed = rows.get(0);
        Row random = rows.get(1);
        out.println();
        out.printf(t("With fixed timeouts only the message delays (%s) separate the followers' timeouts: they%n",
                "고정 타임아웃에서는 메시지 지연(%s)만이 팔로워들의 타임아웃을 갈라놓는다: 그들은%n"), delay());
        out.println(t("often time out within a few milliseconds of each other, each votes for itself, and the vote",
                "흔히 서로 몇 밀리초 안에 타임아웃되고, 저마다 자기에게 투표하며, 표가 갈린다."));
        out.println(t("splits. After a split each candidate restarts its timer when it timed out, so the near-tie",
                "표가 갈린 뒤 각 후보는 자신이 타임아웃된 시점에 타이머를 다시 시작하므로, 거의 동시인 상태가"));
        out.printf(t("tends to repeat: %d of %d fixed-timeout runs reached the cap of %d rounds.%n",
                "되풀이되기 쉽다: 고정 타임아웃 실행 %2$d개 중 %1$d개가 상한 %3$d 라운드에 이르렀다.%n"), fixed.capped(), runs, CAP);
        out.printf(t("Randomised timeouts needed %s rounds on average than fixed ones (%.2f vs %s%.2f) in these runs.%n",
                        "이 실행들에서 무작위 타임아웃은 고정 타임아웃보다 평균 라운드가 %s (%.2f 대 %s%.2f).%n"),
                random.mean() < fixed.mean() ? t("fewer", "적었다") : t("no fewer", "적지 않았다"), random.mean(),
                fixed.capped() > 0 ? t("at least ", "최소 ") : "", fixed.mean());
        out.println(t("Nobody slowed a process to choose the leader: the random draw, redone at every election,",
                "리더를 고르려고 프로세스를 느리게 한 이는 없다: 선출 때마다 새로 뽑는 무작위 값 덕분에 대개"));
        out.println(t("usually lets one server time out first and collect a majority before the others start.",
                "한 서버가 먼저 타임아웃되어 다른 서버들이 시작하기 전에 과반을 모은다."));

        Path table = a.out().resolve("raft-rounds.md");
        Files.writeString(table, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote ", "썼다: ") + timeline);
        out.println(t("wrote ", "썼다: ") + mmd);
        out.println(t("wrote ", "썼다: ") + table);
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
        StringBuilder sb = new StringBuilder(t("Timeline (one column per 50 ms; F follower, C candidate, L leader; '=' partition in place)\n",
                "타임라인 (열 하나 = 50 ms; F 팔로워, C 후보, L 리더; '=' 파티션 중)\n"));
        sb.append("  ").append(Columns.left(t("partition", "파티션"), 9)); // by terminal columns, so the chart's columns stay put
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
        sb.append("  ").append(Columns.left(t("seconds", "초"), 9));
        for (int i = 0; i < cols; i++) {
            sb.append(i % 20 == 0 ? String.valueOf(i / 20).charAt(0) : ' ');
        }
        sb.append('\n');
        return sb.toString();
    }

    /** A role's name in the reader's language. */
    private static String role(Role r) {
        return switch (r) {
            case FOLLOWER -> t("follower", "팔로워");
            case CANDIDATE -> t("candidate", "후보");
            case LEADER -> t("leader", "리더");
        };
    }

    /** The reason a node gave for a role change ({@link RaftElectionNode}'s words), in the reader's language. */
    static String why(String reason) {
        if (!Lang.korean()) {
            return reason;
        }
        java.util.regex.Matcher m;
        if (reason.equals("election timeout")) {
            return "선출 타임아웃";
        }
        if ((m = java.util.regex.Pattern.compile("saw term (\\d+) in (\\w+) from (\\S+)").matcher(reason)).matches()) {
            return m.group(3) + "의 " + m.group(2) + "에서 임기 " + m.group(1) + "을(를) 보았다";
        }
        if ((m = java.util.regex.Pattern.compile("heard the leader (\\S+) of term (\\d+)").matcher(reason)).matches()) {
            return "임기 " + m.group(2) + "의 리더 " + m.group(1) + "의 메시지를 받았다";
        }
        if ((m = java.util.regex.Pattern.compile("(\\d+) of (\\d+) votes").matcher(reason)).matches()) {
            return "표 " + m.group(2) + "개 중 " + m.group(1) + "개";
        }
        if ((m = java.util.regex.Pattern.compile("starts as the leader of term (\\d+)").matcher(reason)).matches()) {
            return "임기 " + m.group(1) + "의 리더로 시작한다";
        }
        return reason;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

}
