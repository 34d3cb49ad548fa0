package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.check.CheckResult;
import dev.dbinternals.ch08.concurrency.check.LinearizabilityChecker;
import dev.dbinternals.ch08.concurrency.check.Models;
import dev.dbinternals.ch08.concurrency.check.Verdict;
import dev.dbinternals.ch08.concurrency.exercises.QuorumRegisterNode.ClientRead;
import dev.dbinternals.ch08.concurrency.exercises.QuorumRegisterNode.ClientWrite;
import dev.dbinternals.ch08.concurrency.exercises.QuorumRegisterNode.ReadOk;
import dev.dbinternals.ch08.concurrency.exercises.QuorumRegisterNode.WriteOk;
import dev.dbinternals.ch08.concurrency.history.HistoryRecorder;
import dev.dbinternals.ch08.concurrency.history.Operation;
import dev.dbinternals.ch08.concurrency.replication.Quorums;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise conc-8 by running the reader's {@link QuorumRegisterNode}s under faults over many seeds: every
 * node is a replica and the coordinator of one client; the clients read and write concurrently; the network loses,
 * duplicates, corrupts, delays and reorders frames between nodes; in half the runs one node crashes for good. The
 * clients' history must be linearizable (checked with the module's checker), and every operation sent to a node
 * that did not crash must end.
 *
 * <p>Wrong solutions this catches (kept in {@code src/wrong/conc-8--*}):
 * <ul>
 *   <li>{@code no-write-back}: a read returns the newest copy of R replicas without storing it first, so a later
 *       read can miss a value an earlier read returned (new-old inversion);</li>
 *   <li>{@code small-quorums}: waits for ⌊N/2⌋ answers instead of R and W, so R + W ≤ N and a read can miss a
 *       completed write;</li>
 *   <li>{@code own-counter-version}: a write takes its version from its own counter without asking a quorum for the
 *       newest one, so a write can carry an older version than one already completed and be ignored;</li>
 *   <li>{@code count-messages}: counts replies, not replicas, so a duplicated reply counts twice towards R or W;</li>
 *   <li>{@code no-resend}: sends each phase once, so a lost message leaves an operation hanging forever.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("conc-8: a linearizable quorum register (protocol)")
class QuorumRegisterExerciseTest {

    private static final int CLIENTS = 3;
    private static final int OPS_PER_CLIENT = 6;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(20);
    private static final double LOSS = 0.15;
    private static final double DUPLICATION = 0.1;
    /** Each link between nodes delays a frame by 1 ms up to one of these, drawn per link and run. */
    private static final int[] SLOWEST_MS = {1, 5, 50, 300};
    private static final int READ_PERCENT = 70;

    @Test
    void shouldStayLinearizableAndLiveWithThreeReplicasAndMajorities() {
        Quorums quorums = new Quorums(3, 2, 2);
        reportAnUnfinishedStub(quorums);
        Seeds.check(scenario(quorums), 1000, seed -> run(seed, quorums));
    }

    @Test
    void shouldStayLinearizableAndLiveWithFiveReplicasSmallReadsAndLargeWrites() {
        // R + W > N without majorities: two reads of 2 replicas out of 5 easily ask disjoint replicas
        Quorums quorums = new Quorums(5, 2, 4);
        reportAnUnfinishedStub(quorums);
        Seeds.check(scenario(quorums), 1000, seed -> run(seed, quorums));
    }

    @Test
    void shouldStayLinearizableAndLiveWithFiveReplicasLargeReadsAndSmallWrites() {
        Quorums quorums = new Quorums(5, 4, 2);
        reportAnUnfinishedStub(quorums);
        Seeds.check(scenario(quorums), 300, seed -> run(seed, quorums));
    }

    private static String scenario(Quorums q) {
        return "conc-8 quorum register N=" + q.n() + " R=" + q.r() + " W=" + q.w();
    }

    /**
     * An unfinished stub throws inside a handler: report that first and plainly, so that the progress line names the
     * file to open. (Seeds.check is called from each test method itself, so that its replay command names that method.)
     */
    private static void reportAnUnfinishedStub(Quorums quorums) {
        try {
            run(1, quorums);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NotDoneYet notDone) {
                    throw notDone;
                }
            }
        } catch (AssertionError e) {
            // a property failed: Seeds.check reports it next, with the seed and the replay command
        }
    }

    /** One run: the nodes, the clients, the faults; then the two properties. */
    private static void run(long seed, Quorums quorums) {
        Simulation sim = new Simulation(seed);
        SplittableRandom plan = new SplittableRandom(seed * 31 + quorums.n());
        List<Address> nodes = new ArrayList<>();
        for (int i = 1; i <= quorums.n(); i++) {
            nodes.add(Address.of("n" + i));
        }
        for (Address a : nodes) {
            sim.addNode(a, () -> new QuorumRegisterNode(nodes, quorums));
        }
        HistoryRecorder history = new HistoryRecorder();
        List<Long> eventTimes = new ArrayList<>();
        List<Client> clients = new ArrayList<>();
        // every link between two nodes gets its own delay range, so some replicas hear of a write long after others
        for (Address from : nodes) {
            for (Address to : nodes) {
                int slowest = SLOWEST_MS[plan.nextInt(SLOWEST_MS.length)];
                sim.network().set(from, to, LinkFaults.none().withLoss(LOSS).withDuplication(DUPLICATION).withCorruption(0.02)
                        .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(slowest))));
            }
        }
        for (int c = 0; c < CLIENTS; c++) {
            Client client = new Client(c, nodes.get(c), sim, history, eventTimes);
            clients.add(client);
            Address ca = sim.addNode("c" + (c + 1), () -> client);
            // a client talks to its own node over a link without faults: the faults under test are between nodes
            sim.network().setBoth(ca, nodes.get(c), LinkFaults.none().withDelay(Duration.ofMillis(1)));
        }
        Address crashed = null;
        int crashAt = plan.nextInt(400);
        if (plan.nextBoolean()) {
            crashed = nodes.get(plan.nextInt(nodes.size()));
            Address victim = crashed;
            sim.at(Duration.ofMillis(crashAt), () -> sim.crash(victim));
        }

        sim.runUntil(() -> clients.stream().allMatch(Client::finished), RUN_LIMIT);

        String setting = quorums + ", " + CLIENTS + " clients x " + OPS_PER_CLIENT + " operations; between nodes "
                + Math.round(LOSS * 100) + "% loss, " + Math.round(DUPLICATION * 100) + "% duplication, 2% corruption, each link's"
                + " delay uniform from 1 ms up to 1, 5, 50 or 300 ms"
                + (crashed == null ? "" : "; node " + crashed + " crashed at " + crashAt + " ms");
        // liveness: an operation sent to a node that is still up must end, however many frames were lost
        for (Client c : clients) {
            if (!c.finished() && !c.node.equals(crashed)) {
                throw new AssertionError(setting + ":\n  client c" + (c.index + 1) + " sent '" + c.describeCurrent() + "' to node "
                        + c.node + " at " + c.sentAt + " ms and had no reply when the run stopped at " + RUN_LIMIT.toMillis()
                        + " ms, although " + c.node + " never crashed and a quorum of nodes was up: the operation hangs"
                        + " (was a lost message ever sent again?)");
            }
        }
        // safety: the clients' history is linearizable for a register that starts at 0
        var recorded = history.history();
        CheckResult result = LinearizabilityChecker.create().check(recorded, Models.register(0L));
        if (result.verdict() != Verdict.OK) {
            throw new AssertionError(setting + ":\n  the clients' history is "
                    + (result.verdict() == Verdict.UNKNOWN ? "too hard to check (UNKNOWN)" : "NOT linearizable")
                    + "; these operations cannot be put in one order that keeps real time and register semantics:\n"
                    + core(result, recorded.operations(), eventTimes));
        }
    }

    /** The checker's core, in the exercise's terms: client, operation, node, and the times it was sent and answered. */
    private static String core(CheckResult result, List<Operation> operations, List<Long> eventTimes) {
        StringBuilder sb = new StringBuilder();
        for (CheckResult.KeyResult k : result.keys()) {
            if (k.verdict() == Verdict.OK) {
                continue;
            }
            for (Operation shown : k.core()) {
                // the core may forget a reply it does not need; describe the operation as it really happened
                Operation op = operations.stream().filter(o -> o.id() == shown.id()).findFirst().orElse(shown);
                String what = op.f().equals("read") ? (op.isPending() ? "read (no reply)" : "read returned " + op.value())
                        : "write " + op.value() + (op.isPending() ? " (no reply)" : "");
                sb.append("    client c").append(op.process() + 1).append(" (via n").append(op.process() + 1).append("): ")
                        .append(what).append(", sent at ").append(eventTimes.get((int) op.invokeIndex())).append(" ms");
                if (!op.isPending()) {
                    sb.append(", answered at ").append(eventTimes.get((int) op.completeIndex())).append(" ms");
                }
                if (k.relaxed().contains(op.id())) {
                    sb.append(" (its reply is not needed for the contradiction)");
                }
                sb.append('\n');
            }
        }
        sb.append("  (a read must return the value of the latest write that ended before the read was sent, or of a write"
                + " overlapping the read; 0 before any write)");
        return sb.toString();
    }

    /** A client: sends one operation at a time to its node and records what it saw. Values written are unique. */
    private static final class Client implements Node {
        final int index;
        final Address node;
        private final Simulation sim;
        private final HistoryRecorder history;
        private final List<Long> eventTimes;
        private int done;
        private long op = -1;
        private boolean write;
        private long value;
        long sentAt;

        Client(int index, Address node, Simulation sim, HistoryRecorder history, List<Long> eventTimes) {
            this.index = index;
            this.node = node;
            this.sim = sim;
            this.history = history;
            this.eventTimes = eventTimes;
        }

        boolean finished() {
            return done == OPS_PER_CLIENT;
        }

        String describeCurrent() {
            return write ? "write " + value : "read";
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(Duration.ofMillis(ctx.random().nextInt(20)), "next");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            op = index * 100L + done;
            write = ctx.random().nextInt(100) >= READ_PERCENT;
            value = (index + 1) * 100L + done + 1;
            sentAt = sim.now().toMillis();
            record(write ? "write" : "read", write ? value : null, true);
            ctx.send(node, QuorumRegisterNode.CODEC.encode(write ? new ClientWrite(op, value) : new ClientRead(op)));
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] frame) {
            Object m = QuorumRegisterNode.CODEC.receive(ctx, frame).orElse(null);
            if (m instanceof ReadOk r && r.op() == op && !write) {
                record("read", r.value(), false);
            } else if (m instanceof WriteOk w && w.op() == op && write) {
                record("write", value, false);
            } else {
                return; // a reply to nothing this client is waiting for
            }
            op = -1;
            done++;
            if (!finished()) {
                ctx.setTimer(Duration.ofMillis(ctx.random().nextInt(30)), "next");
            }
        }

        private void record(String f, Object v, boolean invoke) {
            eventTimes.add(sim.now().toMillis());
            if (invoke) {
                history.invoke(index, f, v);
            } else {
                history.ok(index, f, v);
            }
        }
    }
}
