package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.HistoryEvent;
import dev.dbinternals.ch08.harness.history.HistoryRecorder;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The stale-read scenario: three replicas; writer A cannot reach r3, reader B cannot reach r1,
 * and B's link to r3 is the fastest. A writes x = 1, then B reads x. With R + W > N the read
 * quorum must include r2, which has the write; with R = W = 1 B answers from r3 alone: stale.
 * Then the partitions heal and B reads twice more: with read repair r3 is brought up to date.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 *
 * @param quorums    N = 3 and the R and W to use
 * @param readRepair whether B repairs stale replicas it notices
 * @param planner    the reader's read-repair planner (exercise conc-4), or {@code null} for the demos' own
 */
public record QuorumScenario(Quorums quorums, boolean readRepair, ReadRepair.Planner planner) {

    public QuorumScenario(Quorums quorums, boolean readRepair) {
        this(quorums, readRepair, null);
    }

    /**
     * What happened: the history, its check, the value B's first successful read returned ({@code null}: it found
     * nothing, or no read succeeded), and each replica's copy of x at the end.
     */
    public record Outcome(History history, CheckResult check, Long firstRead, List<Versioned> replicasAtEnd, Simulation simulation) {

        public boolean replicasConverged() {
            return replicasAtEnd.stream().distinct().count() == 1;
        }

        /** How A's write ended: {@code OK} (W acknowledgements in time) or {@code INFO} (unknown), {@code null} if it never ended. */
        public HistoryEvent.Type writeEnd() {
            return end(0, "write");
        }

        /** Whether B's very first read failed (fewer than R replies in time); {@link #firstRead} is then a later read's. */
        public boolean firstReadFailed() {
            return end(1, "read") == HistoryEvent.Type.FAIL;
        }

        private HistoryEvent.Type end(long process, String f) {
            return history.events().stream().filter(e -> Long.valueOf(process).equals(e.process()) && e.f().equals(f)
                    && e.type() != HistoryEvent.Type.INVOKE).map(HistoryEvent::type).findFirst().orElse(null);
        }
    }

    public Outcome run(long seed) {
        Simulation sim = new Simulation(seed);
        HistoryRecorder rec = new HistoryRecorder();
        List<Address> replicas = new ArrayList<>();
        for (int i = 1; i <= quorums.n(); i++) {
            replicas.add(sim.addNode("r" + i, Replica::new));
        }
        Address r1 = replicas.get(0);
        Address r2 = replicas.get(1);
        Address r3 = replicas.get(2);
        ReadRepair.Planner repair = planner != null ? planner : ReadRepair::plan;
        Address a = sim.addNode("A", () -> new QuorumClient(replicas, quorums, readRepair, repair,
                List.of(QuorumClient.Step.write(Duration.ofMillis(10), "x", 1)), rec, 0));
        Address b = sim.addNode("B", () -> new QuorumClient(replicas, quorums, readRepair, repair,
                List.of(QuorumClient.Step.read(Duration.ofMillis(100), "x"), QuorumClient.Step.read(Duration.ofMillis(1100), "x"),
                        QuorumClient.Step.read(Duration.ofMillis(1300), "x")), rec, 1));
        sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofMillis(5)));
        sim.network().setBoth(b, r3, LinkFaults.none().withDelay(Duration.ofMillis(1)));
        sim.network().partition(Set.of(a), Set.of(r3));
        sim.network().partition(Set.of(b), Set.of(r1));
        sim.at(Duration.ofMillis(1000), () -> sim.network().heal());
        sim.runFor(Duration.ofSeconds(3));
        History h = rec.history();
        Long first = h.operations().stream().filter(o -> o.f().equals("read") && !o.isPending()).findFirst()
                .map(o -> (Long) o.value()).orElse(null);
        List<Versioned> end = replicas.stream().map(r -> sim.node(r, Replica.class).get("x")).toList();
        CheckResult check = LinearizabilityChecker.create().check(h, Models.register(null));
        return new Outcome(h, check, first, end, sim);
    }
}
