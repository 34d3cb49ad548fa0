package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Demo 2: three nodes exchange heartbeats; a one-way partition stops A's frames to B while B's
 * frames to A still pass. The table shows which messages crossed in each direction, and the
 * diagrams show the red X's on A -> B only.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애):
 * partitions need not be symmetric, and a node on one side cannot tell a partition from a crash.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Run: {@code ./ch08 demo ch08-harness one-way [--seed N] [--quick]}; diagrams go to
 * {@code ch08-out/one-way/} (or {@code --out DIR}).
 */
public final class Demo02OneWayPartition {

    private Demo02OneWayPartition() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("one-way", "3 nodes, a one-way partition A -/-> B, then heal",
                "노드 3개, 한 방향 파티션 A -/-> B, 그리고 복구").parse(argv);
        Address a = Address.of("A");
        Address b = Address.of("B");
        Address c = Address.of("C");
        Duration start = Duration.ofMillis(30);
        Duration heal = Duration.ofMillis(args.quick() ? 90 : 130);
        Duration end = heal.plusMillis(40);

        Simulation sim = new Simulation(args.seed());
        for (Address x : List.of(a, b, c)) {
            sim.addNode(x, () -> new Heartbeat(Duration.ofMillis(10), Duration.ofMillis(25)));
        }
        sim.at(start, () -> sim.network().partitionOneWay(Set.of(a), Set.of(b)));
        sim.at(heal, () -> sim.network().heal());

        DemoArgs.heading(System.out, t("A, B, C send a heartbeat to each other every 10 ms (timeout 25 ms)",
                "A, B, C가 10 ms마다 서로 하트비트를 보낸다 (타임아웃 25 ms)"));
        System.out.println(t("at " + start.toMillis() + " ms: one-way partition A -/-> B (B -> A still passes); at "
                + heal.toMillis() + " ms: heal",
                start.toMillis() + " ms에 한 방향 파티션 A -/-> B (B -> A는 여전히 통한다); "
                + heal.toMillis() + " ms에 복구"));
        sim.runFor(heal.minusMillis(1));
        List<Address> aSuspects = sim.node(a, Heartbeat.class).suspects();
        List<Address> bSuspects = sim.node(b, Heartbeat.class).suspects();
        System.out.println(t("just before the heal, A suspects " + aSuspects + ", B suspects " + bSuspects
                + ", C suspects " + sim.node(c, Heartbeat.class).suspects(),
                "복구 직전, A가 의심하는 노드 " + aSuspects + ", B가 의심하는 노드 " + bSuspects
                + ", C가 의심하는 노드 " + sim.node(c, Heartbeat.class).suspects()));
        System.out.println(views(a, b, aSuspects, bSuspects));
        sim.runFor(end.minus(heal).plusMillis(1));
        System.out.println(t("after the heal, B suspects " + sim.node(b, Heartbeat.class).suspects(),
                "복구 후, B가 의심하는 노드 " + sim.node(b, Heartbeat.class).suspects()));

        DemoArgs.heading(System.out, t("Which messages crossed during the partition (" + start.toMillis() + ".."
                + heal.toMillis() + " ms)", "파티션 동안 어떤 메시지가 건너갔나 (" + start.toMillis() + ".."
                + heal.toMillis() + " ms)"));
        // padded by terminal columns, not characters, so the Korean header stands over its figures
        System.out.println(Columns.left(t("link", "링크"), 8) + " " + Columns.right(t("delivered", "전달"), 10) + " "
                + Columns.right(t("dropped", "버림"), 10));
        for (Address from : List.of(a, b, c)) {
            for (Address to : List.of(a, b, c)) {
                if (from.equals(to)) continue;
                long d = count(sim.trace(), Kind.DELIVER, to, from, start, heal);
                long x = count(sim.trace(), Kind.DROP, from, to, start, heal);
                System.out.printf("%-8s %10d %10d%s%n", from + "->" + to, d, x, x > 0 ? t("   <- cut", "   <- 끊김") : "");
            }
        }

        DemoArgs.heading(System.out, t("The trace around the partition, A and B only", "파티션 전후의 트레이스, A와 B만"));
        System.out.print(sim.trace().toText(e -> e.timeNanos() >= start.toNanos() - 1 && e.timeNanos() <= start.toNanos() + 22_000_000L
                && (e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE)
                && (e.node() == null || (Set.of(a, b).contains(e.node()) && (e.peer() == null || Set.of(a, b).contains(e.peer()))))));
        Diagrams.write(args.out(), "one-way-partition", t("One-way partition A -/-> B (seed " + args.seed() + ")",
                "한 방향 파티션 A -/-> B (시드 " + args.seed() + ")"),
                sim.trace(), e -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE);
    }

    /** What the two views say about each other, read from the suspicion lists (never assumed). */
    static String views(Address a, Address b, List<Address> aSuspects, List<Address> bSuspects) {
        boolean bSuspectsA = bSuspects.contains(a);
        boolean aSuspectsB = aSuspects.contains(b);
        if (bSuspectsA && !aSuspectsB) {
            return t("-> the views disagree: " + b + " suspects " + a + " (its frames stopped arriving); " + a
                    + ", who still hears " + b + ", does not suspect " + b + ".",
                    "-> 두 관점이 다르다: " + b + "는 " + a + "를 의심하고 (" + a + "의 프레임이 더는 오지 않는다), "
                    + b + "의 프레임을 여전히 듣는 " + a + "는 " + b + "를 의심하지 않는다.");
        }
        if (bSuspectsA) {
            return t("-> " + b + " suspects " + a + ", and " + a + " suspects " + b + " too.",
                    "-> " + b + "는 " + a + "를 의심하고, " + a + "도 " + b + "를 의심한다.");
        }
        if (aSuspectsB) {
            return t("-> " + a + " suspects " + b + ", though " + b + "'s frames still reach " + a + "; " + b + " does not suspect " + a + ".",
                    "-> " + b + "의 프레임이 아직 " + a + "에 닿는데도 " + a + "는 " + b + "를 의심하고, " + b + "는 " + a + "를 의심하지 않는다.");
        }
        return t("-> neither " + a + " nor " + b + " suspects the other at this moment.",
                "-> 지금은 " + a + "도 " + b + "도 상대를 의심하지 않는다.");
    }

    private static long count(Trace t, Kind kind, Address node, Address peer, Duration from, Duration to) {
        return t.events().stream().filter(e -> e.kind() == kind && node.equals(e.node()) && peer.equals(e.peer())
                && e.timeNanos() >= from.toNanos() && e.timeNanos() < to.toNanos()).count();
    }

    static boolean isMessage(TraceEvent e) {
        return e.isMessageEvent();
    }
}
