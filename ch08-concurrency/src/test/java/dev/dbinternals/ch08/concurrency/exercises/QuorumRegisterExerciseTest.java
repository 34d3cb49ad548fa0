package dev.dbinternals.ch08.concurrency.exercises;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.concurrency.exercises.QuorumRegisterNode.ClientRead;
import dev.dbinternals.ch08.concurrency.exercises.QuorumRegisterNode.ClientWrite;
import dev.dbinternals.ch08.concurrency.exercises.QuorumRegisterNode.ReadOk;
import dev.dbinternals.ch08.concurrency.exercises.QuorumRegisterNode.WriteOk;
import dev.dbinternals.ch08.harness.history.HistoryRecorder;
import dev.dbinternals.ch08.harness.history.Operation;
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
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise conc-8 by running the reader's {@link QuorumRegisterNode}s under faults over many seeds: every
 * node is a replica and the coordinator of one client; the clients read and write concurrently; the network loses,
 * duplicates, corrupts, delays and reorders frames between nodes; every node's clock is off by up to ±200 ms; in
 * half the runs one node crashes for good. The clients' history must be linearizable (checked with the module's
 * checker), and every operation sent to a node that did not crash must end. One fixed run more, N=5 R=2 W=4 with a
 * partition, puts a read right where a missing or short write-back shows.
 *
 * <p>Wrong solutions this catches (kept in {@code src/wrong/conc-8--*}):
 * <ul>
 *   <li>{@code no-write-back}: a read returns the newest copy of R replicas without storing it first, so a later
 *       read can miss a value an earlier read returned (new-old inversion);</li>
 *   <li>{@code small-quorums}: waits for ⌊N/2⌋ answers instead of R and W, so R + W ≤ N and a read can miss a
 *       completed write;</li>
 *   <li>{@code own-counter-version}: a write takes its version from its own counter without asking a quorum for the
 *       newest one. That is exactly ABD's single-writer scheme, correct with one writer; it fails here only because
 *       three clients write, so a write can carry an older version than one already completed and be ignored;</li>
 *   <li>{@code wall-clock-version}: a write skips the query and takes its version from the node's wall clock; with
 *       perfect clocks it would pass, but the nodes' clocks disagree by up to 400 ms, so a later write can carry an
 *       older version and be ignored;</li>
 *   <li>{@code write-back-waits-r}: a read's write-back waits for R acknowledgements instead of W, so the value it
 *       returned may sit on fewer replicas than a later read quorum is sure to meet (caught by the partition run);</li>
 *   <li>{@code skip-write-back-if-agree}: a read skips the write-back when the R copies it saw agree, but R replicas
 *       agreeing says nothing about the others (caught by the partition run);</li>
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

    /**
     * A write reaches only n1 and n2 (a partition keeps it from n3, n4 and n5 until 300 ms); read A, via n2, asks
     * n1 and n2 and sees it; read B starts after A has ended, via n3, and can ask only n3, n4 and n5.
     */
    @Test
    void shouldKeepAReadFromGoingBackInTimeWhenAWriteReachedOnlyTwoOfFiveReplicas() {
        Quorums quorums = new Quorums(5, 2, 4);
        reportAnUnfinishedStub(quorums);
        Seeds.check(scenario(quorums) + " partition {n1,n2} | {n3,n4,n5} until 300 ms", 20,
                seed -> runPartitioned(seed, quorums));
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
        List<Address> nodes = replicas(sim, seed, quorums);
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
            clients.add(addClient(sim, new Client(c, nodes.get(c), sim, history, eventTimes, OPS_PER_CLIENT, -1, READ_PERCENT)));
        }
        Address crashed = null;
        int crashAt = plan.nextInt(400);
        if (plan.nextBoolean()) {
            crashed = nodes.get(plan.nextInt(nodes.size()));
            Address victim = crashed;
            sim.at(Duration.ofMillis(crashAt), () -> sim.crash(victim));
        }

        String setting = t(quorums + ", " + CLIENTS + " clients x " + OPS_PER_CLIENT + " operations; between nodes "
                + Math.round(LOSS * 100) + "% loss, " + Math.round(DUPLICATION * 100) + "% duplication, 2% corruption, each link's"
                + " delay uniform from 1 ms up to 1, 5, 50 or 300 ms; node clocks off by up to ±200 ms"
                + (crashed == null ? "" : "; node " + crashed + " crashed at " + crashAt + " ms"),
                quorums + ", 클라이언트 " + CLIENTS + "개 x 연산 " + OPS_PER_CLIENT + "개, 노드 사이에 손실 "
                + Math.round(LOSS * 100) + "%, 중복 " + Math.round(DUPLICATION * 100) + "%, 손상 2%, 링크마다 지연은"
                + " 1 ms부터 1, 5, 50, 300 ms 중 하나까지 균등 분포, 노드 클럭의 시각은 최대 ±200 ms 어긋남"
                + (crashed == null ? "" : ", " + crashAt + " ms에 노드 " + crashed + " 충돌"));
        runAndCheck(sim, clients, history, eventTimes, crashed, setting);
    }

    /** The fixed run: c1 writes via n1 at 0 ms, c2 reads via n2 at 50 ms, c3 reads via n3 at 100 ms. */
    private static void runPartitioned(long seed, Quorums quorums) {
        Simulation sim = new Simulation(seed);
        List<Address> nodes = replicas(sim, seed, quorums);
        sim.network().setDefaults(LinkFaults.none().withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(5))));
        sim.network().partition(Set.of(nodes.get(0), nodes.get(1)), Set.of(nodes.get(2), nodes.get(3), nodes.get(4)));
        sim.at(Duration.ofMillis(300), () -> sim.network().heal());
        HistoryRecorder history = new HistoryRecorder();
        List<Long> eventTimes = new ArrayList<>();
        List<Client> clients = List.of(
                addClient(sim, new Client(0, nodes.get(0), sim, history, eventTimes, 1, 0, 0)),
                addClient(sim, new Client(1, nodes.get(1), sim, history, eventTimes, 1, 50, 100)),
                addClient(sim, new Client(2, nodes.get(2), sim, history, eventTimes, 1, 100, 100)));
        runAndCheck(sim, clients, history, eventTimes, null, t(quorums + ", no loss, delays of 1 to 5 ms; node clocks off by up"
                + " to ±200 ms; n1 and n2 cut off from n3, n4 and n5 until 300 ms; c1 writes via n1 at 0 ms, c2 reads via n2"
                + " at 50 ms, c3 reads via n3 at 100 ms", quorums + ", 손실 없음, 지연 1-5 ms, 노드 클럭의 시각은 최대 ±200 ms 어긋남,"
                + " n1과 n2는 300 ms까지 n3, n4, n5와 끊김, c1은 0 ms에 n1을 통해 쓰고, c2는 50 ms에 n2를 통해,"
                + " c3은 100 ms에 n3을 통해 읽음"));
    }

    /** The N replicas, each with its clock off by up to ±200 ms: a node cannot tell the order of events by its clock. */
    private static List<Address> replicas(Simulation sim, long seed, Quorums quorums) {
        List<Address> nodes = new ArrayList<>();
        for (int i = 1; i <= quorums.n(); i++) {
            nodes.add(Address.of("n" + i));
        }
        SplittableRandom skew = new SplittableRandom(seed * 7 + 1);
        for (Address a : nodes) {
            sim.addNode(a, () -> new QuorumRegisterNode(nodes, quorums));
            sim.clock(a).setOffset(Duration.ofMillis(skew.nextInt(-200, 201)));
        }
        return nodes;
    }

    private static Client addClient(Simulation sim, Client client) {
        Address ca = sim.addNode("c" + (client.index + 1), () -> client);
        // a client talks to its own node over a link without faults: the faults under test are between nodes
        sim.network().setBoth(ca, client.node, LinkFaults.none().withDelay(Duration.ofMillis(1)));
        return client;
    }

    /** Runs until every client is done (or the limit), then checks the two properties. */
    private static void runAndCheck(Simulation sim, List<Client> clients, HistoryRecorder history, List<Long> eventTimes,
            Address crashed, String setting) {
        sim.runUntil(() -> clients.stream().allMatch(Client::finished), RUN_LIMIT);
        // liveness: an operation sent to a node that is still up must end, however many frames were lost
        for (Client c : clients) {
            if (!c.finished() && !c.node.equals(crashed)) {
                throw new AssertionError(setting + t(":\n  client c" + (c.index + 1) + " sent '" + c.describeCurrent() + "' to node "
                        + c.node + " at " + c.sentAt + " ms and had no reply when the run stopped at " + RUN_LIMIT.toMillis()
                        + " ms, although " + c.node + " never crashed and a quorum of nodes was up: the operation hangs"
                        + " (was a lost message ever sent again?)",
                        ":\n  클라이언트 c" + (c.index + 1) + " → 노드 " + c.node + ", " + c.sentAt + " ms에 보낸 '" + c.describeCurrent()
                        + "': 실행이 " + RUN_LIMIT.toMillis() + " ms에 멈출 때까지 응답이 없었어요. 그 노드(" + c.node
                        + ")는 충돌하지 않았고 노드의 쿼럼도 살아 있었으니 연산이 멈춘 거예요 (잃어버린 메시지를 다시 보낸 적이 있나요?)"));
            }
        }
        // safety: the clients' history is linearizable for a register that starts at 0
        var recorded = history.history();
        CheckResult result = LinearizabilityChecker.create().check(recorded, Models.register(0L));
        if (result.verdict() != Verdict.OK) {
            throw new AssertionError(setting + t(":\n  the clients' history is "
                    + (result.verdict() == Verdict.UNKNOWN ? "too hard to check (UNKNOWN)" : "NOT linearizable")
                    + "; these operations cannot be put in one order that keeps real time and register semantics:\n",
                    ":\n  클라이언트의 히스토리가 "
                    + (result.verdict() == Verdict.UNKNOWN ? "검사하기에 너무 어려워요 (UNKNOWN)" : "선형적이지 않아요 (NOT linearizable)")
                    + ". 이 연산들은 실시간 순서와 레지스터 의미를 함께 지키는 한 순서로 놓을 수 없어요:\n")
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
                String what = op.f().equals("read") ? (op.isPending() ? t("read (no reply)", "read (응답 없음)")
                        : t("read returned ", "read가 돌려준 값 ") + op.value())
                        : "write " + op.value() + (op.isPending() ? t(" (no reply)", " (응답 없음)") : "");
                sb.append(t("    client c", "    클라이언트 c")).append(op.process() + 1).append(t(" (via n", " (n")).append(op.process() + 1)
                        .append(t("): ", " 경유): ")).append(what).append(t(", sent at ", ", 보낸 시각 ")).append(eventTimes.get((int) op.invokeIndex()))
                        .append(" ms");
                if (!op.isPending()) {
                    sb.append(t(", answered at ", ", 응답 시각 ")).append(eventTimes.get((int) op.completeIndex())).append(" ms");
                }
                if (k.relaxed().contains(op.id())) {
                    sb.append(t(" (its reply is not needed for the contradiction)", " (모순에는 이 연산의 응답이 필요 없어요)"));
                }
                sb.append('\n');
            }
        }
        sb.append(t("  (a read must return the value of the latest write that ended before the read was sent, or of a write"
                + " overlapping the read, 0 before any write; and no read may return an older value than one an"
                + " earlier-finished read returned: one total order that respects real time)",
                "  (읽기는 읽기를 보내기 전에 끝난 가장 최근 쓰기의 값이나, 읽기와 겹치는 쓰기의 값을 돌려줘야 하고, 쓰기가 하나도"
                + " 없었다면 0을 돌려줘야 해요. 또 어떤 읽기도 먼저 끝난 읽기가 돌려준 값보다 오래된 값을 돌려주면 안 돼요:"
                + " 실시간 순서를 지키는 하나의 전체 순서가 있어야 해요)"));
        return sb.toString();
    }

    /** A client: sends one operation at a time to its node and records what it saw. Values written are unique. */
    private static final class Client implements Node {
        final int index;
        final Address node;
        private final Simulation sim;
        private final HistoryRecorder history;
        private final List<Long> eventTimes;
        private final int ops;
        private final long startMs;
        private final int readPercent;
        private int done;
        private long op = -1;
        private boolean write;
        private long value;
        long sentAt;

        /** {@code ops} operations, the first at {@code startMs} (below 0: within 20 ms), reads {@code readPercent}% of them. */
        Client(int index, Address node, Simulation sim, HistoryRecorder history, List<Long> eventTimes, int ops, long startMs,
                int readPercent) {
            this.index = index;
            this.node = node;
            this.sim = sim;
            this.history = history;
            this.eventTimes = eventTimes;
            this.ops = ops;
            this.startMs = startMs;
            this.readPercent = readPercent;
        }

        boolean finished() {
            return done == ops;
        }

        String describeCurrent() {
            return write ? "write " + value : "read";
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(Duration.ofMillis(startMs >= 0 ? startMs : ctx.random().nextInt(20)), "next");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            op = index * 100L + done;
            write = ctx.random().nextInt(100) >= readPercent;
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
