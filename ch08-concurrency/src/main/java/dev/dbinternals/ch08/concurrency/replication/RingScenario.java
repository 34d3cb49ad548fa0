package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.HistoryRecorder;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The divergent ring: s4 has joined (epoch 2) and every storage node knows it, as does client
 * A, but client B still routes with epoch 1. A writes a key that moved to s4; B then reads it
 * from its old owner. Without the epoch check B's read returns nothing although the data exists;
 * with it, the old owner rejects B's request, B adopts the new ring and reads the value.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 *
 * @param checkEpoch whether storage nodes check the request's ring epoch
 * @param guard      the reader's check (exercise conc-6), or {@code null} for the demos' own
 */
public record RingScenario(boolean checkEpoch, EpochGuard.Policy guard) {

    public RingScenario(boolean checkEpoch) {
        this(checkEpoch, null);
    }

    public static final Ring OLD = new Ring(1, List.of("s1", "s2", "s3"));
    public static final Ring NEW = OLD.join("s4");

    /** A key whose owner changes when s4 joins. */
    public static String movedKey() {
        for (int i = 0; ; i++) {
            String k = "user:" + i;
            if (NEW.owner(k).equals("s4")) {
                return k;
            }
        }
    }

    /** What happened: the history and its check, what B's read returned, and where the data is. */
    public record Outcome(History history, CheckResult check, Long readByB, Map<String, Map<String, Long>> dataByNode, int reroutes,
                          Simulation simulation) {
    }

    public Outcome run(long seed, boolean staleClientWrites) {
        Simulation sim = new Simulation(seed);
        HistoryRecorder rec = new HistoryRecorder();
        String key = movedKey();
        for (String s : NEW.members()) {
            sim.addNode(s, () -> guard == null ? new StorageNode(NEW, checkEpoch) : new StorageNode(NEW, checkEpoch, guard));
        }
        Ring writerView = staleClientWrites ? OLD : NEW;
        Ring readerView = staleClientWrites ? NEW : OLD;
        Address a = sim.addNode("A", () -> new RingClient(writerView, List.of(QuorumClient.Step.write(Duration.ofMillis(10), key, 42)), rec, 0));
        Address b = sim.addNode("B", () -> new RingClient(readerView, List.of(QuorumClient.Step.read(Duration.ofMillis(100), key)), rec, 1));
        sim.runFor(Duration.ofSeconds(1));
        History h = rec.history();
        Long read = h.operations().stream().filter(o -> o.f().equals("read") && !o.isPending()).findFirst()
                .map(o -> (Long) o.value()).orElse(null);
        Map<String, Map<String, Long>> data = new TreeMap<>();
        for (String s : NEW.members()) {
            data.put(s, sim.node(Address.of(s), StorageNode.class).data());
        }
        int reroutes = sim.node(a, RingClient.class).reroutes() + sim.node(b, RingClient.class).reroutes();
        return new Outcome(h, LinearizabilityChecker.create().check(h, Models.register(null)), read, data, reroutes, sim);
    }
}
