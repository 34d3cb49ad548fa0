package dev.dbinternals.ch08.concurrency.remote;

import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.HistoryRecorder;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the remote counter: a server, some clients incrementing it over a lossy,
 * duplicating, reordering network, then one read of the final value, all recorded and checked.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유).
 *
 * @param strategy   how clients increment
 * @param dedup      whether the server answers retries from its reply table (request ids)
 * @param clients    number of clients
 * @param increments increments per client
 * @param loss       probability a frame is lost, each way
 * @param duplication probability a frame is delivered twice
 * @param seed       the simulation's seed
 */
public record RemoteCounterScenario(CounterClient.Strategy strategy, boolean dedup, int clients, int increments, double loss,
                                    double duplication, long seed) {

    /** What happened. */
    public record Outcome(long finalValue, long acknowledged, long unknown, long serverWrites, History history, CheckResult check,
                          Simulation simulation) {
    }

    /** The default scenario of the demo: 3 clients × 10 increments, 20% loss, 5% duplication. */
    public static RemoteCounterScenario of(CounterClient.Strategy strategy, boolean dedup, long seed) {
        return new RemoteCounterScenario(strategy, dedup, 3, 10, 0.2, 0.05, seed);
    }

    public Outcome run() {
        Simulation sim = new Simulation(seed);
        sim.network().setDefaults(LinkFaults.none().withLoss(loss).withDuplication(duplication)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(30))));
        HistoryRecorder rec = new HistoryRecorder();
        Address server = sim.addNode("server", () -> new CounterServer(dedup));
        List<Address> cs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long id = c;
            cs.add(sim.addNode("client" + c, () -> new CounterClient(strategy, increments, server, rec, id, Duration.ofMillis(80), 20)));
        }
        sim.runUntil(() -> cs.stream().allMatch(a -> sim.node(a, CounterClient.class).finished()), Duration.ofMinutes(10));
        sim.runUntilQuiet(Duration.ofMinutes(1)); // late duplicates and retries still land
        CounterServer s = sim.node(server, CounterServer.class);
        long reader = 999_999;
        rec.invoke(reader, "read", null);
        rec.ok(reader, "read", s.value());
        History h = rec.history();
        long acked = h.operations().stream().filter(o -> o.f().equals("add") && !o.isPending()).count();
        long unknown = h.operations().stream().filter(o -> o.f().equals("add") && o.isPending()).count();
        CheckResult check = LinearizabilityChecker.create().check(h, Models.counter(0));
        return new Outcome(s.value(), acked, unknown, s.applied(), h, check, sim);
    }
}
