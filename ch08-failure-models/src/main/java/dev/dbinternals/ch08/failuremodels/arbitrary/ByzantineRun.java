package dev.dbinternals.ch08.failuremodels.arbitrary;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.arbitrary.ReadClient.Decision;
import dev.dbinternals.ch08.failuremodels.arbitrary.ReadClient.Strategy;
import dev.dbinternals.ch08.failuremodels.arbitrary.Replica.Behavior;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * A client reads from replicas some of which are faulty; counts how often it was fooled.
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애). Faulty replicas get the fast links
 * (1 ms), correct ones 2..8 ms: a wrong answer that arrives first is the worst case for a
 * client that trusts one reply, and costs a voting client nothing extra. Not thread-safe.
 */
public final class ByzantineRun {

    /** Counts over all queries. */
    public record Outcome(List<Behavior> replicas, Strategy strategy, int f, int correct, int wrong, int undecided,
                          double meanLatencyMillis, Simulation sim) {
        @Override
        public String toString() {
            return String.format(t("%-11s f=%d  correct %3d  WRONG %3d  undecided %3d  mean latency %5.2f ms",
                            "%-11s f=%d  맞음 %3d  틀림(WRONG) %3d  미결정 %3d  평균 레이턴시 %5.2f ms"),
                    strategy, f, correct, wrong, undecided, meanLatencyMillis);
        }
    }

    private ByzantineRun() {
    }

    public static Outcome run(List<Behavior> behaviors, Strategy strategy, int f, int queries, long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        Address client = Address.of("client");
        List<Address> replicas = new ArrayList<>();
        for (int i = 0; i < behaviors.size(); i++) {
            Behavior b = behaviors.get(i);
            replicas.add(sim.addNode("R" + (i + 1), () -> new Replica(b)));
        }
        sim.addNode(client, () -> new ReadClient(replicas, strategy, f, queries, Duration.ofMillis(50)));
        for (int i = 0; i < replicas.size(); i++) {
            Delay d = behaviors.get(i) == Behavior.CORRECT
                    ? Delay.uniform(Duration.ofMillis(2), Duration.ofMillis(8)) : Delay.fixed(Duration.ofMillis(1));
            sim.network().setBoth(client, replicas.get(i), LinkFaults.none().withDelay(d));
        }
        sim.runFor(Duration.ofMillis(50L * (queries + 2)));
        List<Decision> ds = sim.node(client, ReadClient.class).decisions();
        int ok = 0;
        int wrong = 0;
        int undecided = 0;
        double latency = 0;
        for (Decision d : ds) {
            if (!d.decided()) {
                undecided++;
            } else {
                latency += d.latencyNanos() / 1e6;
                if (d.correct()) {
                    ok++;
                } else {
                    wrong++;
                }
            }
        }
        return new Outcome(List.copyOf(behaviors), strategy, f, ok, wrong, undecided,
                ok + wrong == 0 ? Double.NaN : latency / (ok + wrong), sim);
    }
}
