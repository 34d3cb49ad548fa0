package dev.dbinternals.ch08.links.remote;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.ladder.Link;
import dev.dbinternals.ch08.links.ladder.LinkListener;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import dev.dbinternals.ch08.links.ladder.Received;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Reading a sorted dataset from several replicas: page through each one and merge the pages
 * (a k-way merge by key), reconciling each key by its <em>version</em>.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행): iterating a remote
 * dataset needs an understanding of paging (페이징), merging (병합) and reconciling data from
 * several nodes (데이터 조정). Locally there is one copy of each row; remotely each replica
 * answers with its own copy, at its own speed, and a replica that missed a write answers with
 * an older version, or without the row at all. The client therefore
 * <ul>
 *   <li>pages through every replica it reads with a key cursor (one request outstanding per
 *       replica, over a {@link PerfectLink});</li>
 *   <li>emits the smallest key only when every replica it reads has shown its next key (or
 *       has ended), so no replica can still hold a smaller one: a k-way merge, whose pace is
 *       set by the slowest replica it waits for;</li>
 *   <li>keeps, for each key, the row with the highest version. Not the first or last row to
 *       arrive (arrival order is the network's, not the writes'), not the "largest" value
 *       (values carry no order of time).</li>
 * </ul>
 * A client that waits for fewer replicas ({@code wait} &lt; all) is faster and wrong whenever
 * none of the replicas it picked holds the newest version of some key; if every write reached
 * at least {@code n - wait + 1} replicas (R + W &gt; N), any {@code wait} replicas include one
 * that has it. {@link #scenario} builds three replicas where one is slow and one (perhaps the
 * same) missed the newest write of a few keys and one insert: every write is on at least two.
 *
 * <p>Not thread-safe (simulation nodes).
 */
public final class ReplicaMerge {

    private ReplicaMerge() {
    }

    /** One row as a replica stores it: a key, a value and the version of the write that set it. */
    public record Row(String key, String value, long version) {
    }

    /**
     * Three replicas, their one-way delays from the client, and what they hold.
     *
     * @param replicas what each replica stores
     * @param delays   one-way network delay between the client and each replica
     * @param slow     index of the slow replica
     * @param stale    index of the replica that missed some writes
     * @param newest   the newest version of every key over all replicas (what a correct read returns)
     */
    public record Scenario(List<NavigableMap<String, Row>> replicas, List<Duration> delays, int slow, int stale,
                           NavigableMap<String, Row> newest) {
    }

    private static final String[] WORDS = {"amber", "basalt", "cedar", "dune", "ember", "fjord", "garnet", "harbor",
        "indigo", "juniper", "kelp", "lagoon", "marble", "nectar", "onyx", "pumice", "quartz", "russet", "sienna", "tundra"};

    /**
     * The scenario of seed {@code seed}: {@code keys} keys on three replicas; one replica slow
     * (20-40 ms each way instead of 1-4 ms), one (chosen independently, so sometimes the same)
     * holding an older version of three keys and lacking the newest insert. Deterministic.
     */
    public static Scenario scenario(long seed, int keys) {
        if (keys < 5) {
            throw new IllegalArgumentException("need at least 5 keys, got " + keys);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        NavigableMap<String, Row> newest = new TreeMap<>();
        NavigableMap<String, Row> older = new TreeMap<>();
        for (int i = 0; i < keys; i++) {
            String key = String.format("k%03d", i);
            long v = 2 + rnd.nextInt(4);
            String now = WORDS[rnd.nextInt(WORDS.length)];
            String before = WORDS[rnd.nextInt(WORDS.length)];
            if (before.equals(now)) {
                before = WORDS[(rnd.nextInt(WORDS.length - 1) + 1 + indexOf(now)) % WORDS.length];
            }
            newest.put(key, new Row(key, now, v));
            older.put(key, new Row(key, before, v - 1));
        }
        int slow = rnd.nextInt(3);
        int stale = rnd.nextInt(3);
        List<String> all = new ArrayList<>(newest.keySet());
        String missing = all.get(rnd.nextInt(all.size()));
        List<NavigableMap<String, Row>> replicas = new ArrayList<>();
        List<Duration> delays = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            NavigableMap<String, Row> copy = new TreeMap<>(newest);
            if (r == stale) {
                copy.remove(missing); // the newest insert has not reached this replica yet
                for (int s = 0; s < 3; s++) {
                    String k = all.get(rnd.nextInt(all.size()));
                    if (copy.containsKey(k)) {
                        copy.put(k, older.get(k)); // nor the newest write of this key
                    }
                }
            }
            replicas.add(copy);
            long micros = r == slow ? 20_000 + rnd.nextInt(20_000) : 1_000 + rnd.nextInt(3_000);
            delays.add(Duration.ofNanos(micros * 1_000));
        }
        return new Scenario(List.copyOf(replicas), List.copyOf(delays), slow, stale, Collections.unmodifiableNavigableMap(newest));
    }

    private static int indexOf(String w) {
        for (int i = 0; i < WORDS.length; i++) {
            if (WORDS[i].equals(w)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * What one read returned.
     *
     * @param merged       the rows the client returned, in key order
     * @param arrivals     every row received, in arrival order (the input of a "concatenate" client)
     * @param picked       the replicas the client read, in the order their first page arrived
     * @param elapsedNanos virtual time from the first request to the last row
     * @param pages        page replies received
     */
    public record Result(List<Row> merged, List<Row> arrivals, List<Integer> picked, long elapsedNanos, long pages) {
    }

    /**
     * Runs one read of {@code s} in a new simulation with seed {@code seed}: the client asks all
     * three replicas for their first page, keeps the first {@code wait} to answer, and merges
     * those page by page.
     */
    public static Result read(long seed, Scenario s, int wait, int pageSize, LinkFaults faults) {
        if (wait < 1 || wait > 3) {
            throw new IllegalArgumentException("wait must be 1..3 replicas, got " + wait);
        }
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(false);
        sim.setHandlerTime(Duration.ZERO);
        Duration period = Duration.ofMillis(200); // the links' retransmission period
        List<Address> replicas = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            NavigableMap<String, Row> data = s.replicas().get(r);
            replicas.add(sim.addNode("replica" + (char) ('A' + r), () -> new Replica(data, period)));
        }
        Address c = sim.addNode("client", () -> new Client(replicas, wait, pageSize, period));
        for (int r = 0; r < 3; r++) {
            sim.network().setBoth(c, replicas.get(r), faults.withDelay(Delay.fixed(s.delays().get(r))));
        }
        Client client = sim.node(c, Client.class);
        if (!sim.runUntil(client::done, Duration.ofMinutes(10))) {
            throw new IllegalStateException("the read did not finish within 10 virtual minutes (seed " + seed + ")");
        }
        return new Result(client.merged(), client.arrivals(), client.picked(), client.elapsedNanos(), client.pages());
    }

    /** A replica: serves pages of its sorted rows after a key, over a perfect link. */
    public static final class Replica implements Node, LinkListener {
        private final NavigableMap<String, Row> data;
        private final Link link;

        public Replica(NavigableMap<String, Row> data, Duration retransmitPeriod) {
            this.data = data;
            this.link = new PerfectLink(retransmitPeriod, this);
        }

        @Override
        public void onStart(Context ctx) {
            link.onStart(ctx);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            link.onFrame(ctx, from, message);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            link.onTimer(ctx, tag);
        }

        @Override
        public void delivered(Context ctx, Address from, byte[] bytes) {
            PageRequest request = Received.message(ctx, "page request", bytes, ReplicaMerge::decodeRequest);
            if (request == null) {
                return;
            }
            List<Row> page = new ArrayList<>();
            for (Row r : data.tailMap(request.after(), false).values()) {
                if (page.size() == request.size()) {
                    break;
                }
                page.add(r);
            }
            boolean more = !page.isEmpty() && data.higherKey(page.get(page.size() - 1).key()) != null;
            link.send(ctx, from, encodePage(new Page(more, page)));
        }
    }

    /** The reading client: a k-way merge over the pages of the replicas it waits for. */
    public static final class Client implements Node, LinkListener {
        private final List<Address> replicas;
        private final int wait;
        private final int pageSize;
        private final Link link;
        private final Map<Address, Cursor> cursors = new TreeMap<>();
        private final List<Integer> picked = new ArrayList<>();
        private final List<Row> merged = new ArrayList<>();
        private final List<Row> arrivals = new ArrayList<>();
        private long pages;
        private long startNanos;
        private long doneNanos = -1;

        /** Where the client is in one replica's rows. */
        private static final class Cursor {
            final ArrayDeque<Row> buffer = new ArrayDeque<>();
            String lastKey = "";
            boolean more = true;
            boolean outstanding;
        }

        public Client(List<Address> replicas, int wait, int pageSize, Duration retransmitPeriod) {
            this.replicas = List.copyOf(replicas);
            this.wait = wait;
            this.pageSize = pageSize;
            this.link = new PerfectLink(retransmitPeriod, this);
        }

        @Override
        public void onStart(Context ctx) {
            link.onStart(ctx);
            startNanos = ctx.clock().monotonicNanos();
            for (Address r : replicas) {
                cursors.put(r, new Cursor());
                request(ctx, r);
            }
        }

        private void request(Context ctx, Address r) {
            Cursor c = cursors.get(r);
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeUTF(c.lastKey);
                out.writeInt(pageSize);
                out.flush();
                link.send(ctx, r, bytes.toByteArray());
                c.outstanding = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void delivered(Context ctx, Address from, byte[] reply) {
            Cursor c = cursors.get(from);
            c.outstanding = false;
            int index = replicas.indexOf(from);
            if (picked.size() < wait && !picked.contains(index)) {
                picked.add(index); // the first `wait` replicas to answer are the ones this client reads
            }
            if (!picked.contains(index)) {
                return; // a replica answering after the client stopped waiting for it
            }
            Page p = Received.message(ctx, "page", reply, ReplicaMerge::decodePage);
            if (p == null) {
                return;
            }
            pages++;
            List<Row> page = p.rows();
            arrivals.addAll(page);
            c.buffer.addAll(page);
            c.more = p.more() && !page.isEmpty();
            if (!page.isEmpty()) {
                c.lastKey = page.get(page.size() - 1).key();
            }
            drain(ctx);
        }

        /** Emits rows while every picked replica has shown its next key or ended. */
        private void drain(Context ctx) {
            if (picked.size() < wait || done()) {
                return;
            }
            while (true) {
                String smallest = null;
                for (int i : picked) {
                    Cursor c = cursors.get(replicas.get(i));
                    if (c.buffer.isEmpty()) {
                        if (c.more) {
                            if (!c.outstanding) {
                                request(ctx, replicas.get(i));
                            }
                            return; // this replica may still hold a smaller key: wait for its page
                        }
                        continue; // this replica has ended
                    }
                    String k = c.buffer.peekFirst().key();
                    if (smallest == null || k.compareTo(smallest) < 0) {
                        smallest = k;
                    }
                }
                if (smallest == null) {
                    doneNanos = ctx.clock().monotonicNanos();
                    return;
                }
                Row best = null;
                for (int i : picked) {
                    ArrayDeque<Row> b = cursors.get(replicas.get(i)).buffer;
                    if (!b.isEmpty() && b.peekFirst().key().equals(smallest)) {
                        Row r = b.pollFirst();
                        if (best == null || r.version() > best.version()) {
                            best = r; // reconcile by version: the newest write wins
                        }
                    }
                }
                merged.add(best);
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            link.onFrame(ctx, from, message);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            link.onTimer(ctx, tag);
        }

        public boolean done() {
            return doneNanos >= 0;
        }

        public List<Row> merged() {
            return List.copyOf(merged);
        }

        public List<Row> arrivals() {
            return List.copyOf(arrivals);
        }

        public List<Integer> picked() {
            return List.copyOf(picked);
        }

        public long pages() {
            return pages;
        }

        public long elapsedNanos() {
            return doneNanos - startNanos;
        }
    }

    /** A client's request: the rows after key {@code after}, at most {@code size} of them. */
    record PageRequest(String after, int size) {
    }

    /** A replica's answer: rows in key order, and whether more follow. */
    record Page(boolean more, List<Row> rows) {
    }

    static PageRequest decodeRequest(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new PageRequest(in.readUTF(), in.readInt());
        }
    }

    static byte[] encodePage(Page page) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeBoolean(page.more());
            out.writeInt(page.rows().size());
            for (Row r : page.rows()) {
                out.writeUTF(r.key());
                out.writeUTF(r.value());
                out.writeLong(r.version());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Page decodePage(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            boolean more = in.readBoolean();
            int n = in.readInt();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(new Row(in.readUTF(), in.readUTF(), in.readLong()));
            }
            return new Page(more, rows);
        }
    }

    /** Keys whose row in {@code rows} is missing or not the newest version in {@code newest}. */
    public static List<String> wrongKeys(List<Row> rows, NavigableMap<String, Row> newest) {
        Map<String, Row> got = new TreeMap<>();
        for (Row r : rows) {
            got.put(r.key(), r);
        }
        List<String> wrong = new ArrayList<>();
        for (Row want : newest.values()) {
            if (!want.equals(got.get(want.key()))) {
                wrong.add(want.key());
            }
        }
        return wrong;
    }

    /** Reconciles by arrival: each key keeps the row that arrived last (a map filled in arrival order). */
    public static List<Row> byArrival(List<Row> arrivals) {
        Map<String, Row> m = new TreeMap<>();
        arrivals.forEach(r -> m.put(r.key(), r));
        return List.copyOf(m.values());
    }

    /** Reconciles by value: each key keeps the "largest" value, as if values were ordered in time. */
    public static List<Row> byValue(List<Row> arrivals) {
        Map<String, Row> m = new TreeMap<>();
        arrivals.forEach(r -> m.merge(r.key(), r, (a, b) -> a.value().compareTo(b.value()) >= 0 ? a : b));
        return List.copyOf(m.values());
    }
}
