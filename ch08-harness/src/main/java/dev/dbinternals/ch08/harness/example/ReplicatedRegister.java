package dev.dbinternals.ch08.harness.example;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.history.HistoryRecorder;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Nemesis;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the replicated register under a nemesis, checked for linearizability: the worked
 * example of the harness README. Three replicas ({@link RegisterReplica}) and a few clients
 * ({@link RegisterClient}); links that lose a fifth of the frames and delay the rest with a long tail
 * ({@link #LINKS}); a
 * {@link Nemesis#random} schedule of partitions (which may cut clients off too), replica crashes and
 * restarts, pauses and clock steps for the first {@code active} of the run, then quiet; the clients'
 * history recorded with the simulation's true time and checked against a register that starts empty.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유), "State
 * Consistency" (상태 일관성) and "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애).
 */
public final class ReplicatedRegister {

    /**
     * What one seed did.
     *
     * @param schedule the nemesis's faults, one line each, in time order
     * @param result   the linearizability verdict on the clients' history
     */
    public record Run(long seed, Simulation sim, List<String> schedule, HistoryRecorder history, CheckResult result) {
    }

    /** The links: 20 % of frames lost, the rest delayed with a long tail (median 2 ms, 99th percentile 20 ms). */
    public static final LinkFaults LINKS = LinkFaults.none().withLoss(0.2)
            .withDelay(Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(20)));

    private ReplicatedRegister() {
    }

    /**
     * Runs seed {@code seed}: {@code clients} clients doing {@code operations} operations each, the
     * nemesis active for {@code active}; {@code skipWriteBack} seeds the bug.
     */
    public static Run run(long seed, boolean skipWriteBack, int clients, int operations, Duration active) {
        Simulation sim = new Simulation(seed);
        sim.shuffleSimultaneousEvents(true);
        sim.network().setDefaults(LINKS);
        sim.trace().setPayloadFormat(RegisterMessages.CODEC::describe);
        List<Address> replicas = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            replicas.add(sim.addNode("R" + i, RegisterReplica::new));
        }
        HistoryRecorder history = new HistoryRecorder(sim);
        List<RegisterClient> running = new ArrayList<>();
        for (int p = 0; p < clients; p++) {
            HistoryRecorder.Client pen = history.client(p, Address.of("C" + p));
            RegisterClient client = new RegisterClient(replicas, pen, operations, skipWriteBack);
            running.add(client);
            sim.addNode("C" + p, () -> client); // clients are not crashed: the nemesis targets replicas only
        }
        List<String> schedule = Nemesis.random(seed).targets(replicas).plan(sim, active);
        sim.runUntil(() -> running.stream().allMatch(RegisterClient::done), Duration.ofMinutes(1));
        CheckResult result = LinearizabilityChecker.create().check(history.history(), Models.register(null));
        return new Run(seed, sim, schedule, history, result);
    }
}
