package dev.dbinternals.ch08.harness.sim;

import dev.dbinternals.ch08.harness.Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The simulated network between the nodes: per-direction {@link LinkFaults}, and partitions
 * (symmetric and one-way) that can be created and healed at any time of a run.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션 부분 장애):
 * "prepare a test harness that can create partitions"; a partition can be one-way, where A
 * hears B but B does not hear A, which is exactly the case that confuses failure detectors.
 *
 * <p>Each directed link draws from its own random stream, keyed by the two node names, so
 * adding a node or changing another link never changes this link's choices.
 *
 * <p>A partition is checked when a frame is sent: frames sent across it are dropped with
 * {@link DropReason#PARTITION}; frames already on the wire when it starts still arrive (as if
 * the switch failed behind them). Not thread-safe: use it from the simulation's thread
 * (directly or from {@link Simulation#at} actions).
 */
public final class Network {

    /** At most this many extra copies of one frame, however high the duplication probability. */
    public static final int MAX_EXTRA_COPIES = 8;

    private final Simulation sim;
    private LinkFaults defaults = LinkFaults.none();
    private Link[][] links = new Link[0][0];
    // one-way blocks: from -> to; symmetric partitions add both directions
    private record Block(Set<Address> from, Set<Address> to) {
    }

    private final List<Block> blockSets = new ArrayList<>();
    private boolean[][] blocked = new boolean[0][0];
    private boolean anyBlocked;

    Network(Simulation sim) {
        this.sim = sim;
    }

    static final class Link {
        final String name;
        final long streamSeed;
        LinkFaults own;
        SplittableRandom random;
        long busyUntil;
        long[] queue = new long[8];
        int qHead;
        int qSize;

        Link(String name, long streamSeed) {
            this.name = name;
            this.streamSeed = streamSeed;
        }

        SplittableRandom random() {
            if (random == null) {
                random = new SplittableRandom(streamSeed);
            }
            return random;
        }
    }

    void nodeAdded(int n, List<Simulation.NodeSlot> slots) {
        Link[][] grown = new Link[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i < links.length && j < links.length) {
                    grown[i][j] = links[i][j];
                } else {
                    String name = slots.get(i).address.name() + "->" + slots.get(j).address.name();
                    grown[i][j] = new Link(name, sim.streamSeed("link/" + name));
                }
            }
        }
        links = grown;
        recomputeBlocks();
    }

    /** Faults for every directed link that has no setting of its own. */
    public void setDefaults(LinkFaults faults) {
        this.defaults = Objects.requireNonNull(faults, "faults");
        sim.recordNetwork("defaults " + faults);
    }

    /** Faults for the one direction {@code from -> to}; replaces that link's earlier setting. */
    public void set(Address from, Address to, LinkFaults faults) {
        Objects.requireNonNull(faults, "faults");
        link(from, to).own = faults;
        sim.recordNetwork("link " + from + "->" + to + " " + faults);
    }

    /** Faults for both directions between {@code x} and {@code y}. */
    public void setBoth(Address x, Address y, LinkFaults faults) {
        Objects.requireNonNull(faults, "faults");
        link(x, y).own = faults;
        link(y, x).own = faults;
        sim.recordNetwork("links " + x + "<->" + y + " " + faults);
    }

    /** Forgets every per-link setting: all links use the defaults again. */
    public void resetLinks() {
        for (Link[] row : links) {
            for (Link l : row) {
                l.own = null;
            }
        }
        sim.recordNetwork("every link back to the defaults");
    }

    /** The faults in force on {@code from -> to} now. */
    public LinkFaults faults(Address from, Address to) {
        Link l = link(from, to);
        return l.own != null ? l.own : defaults;
    }

    public LinkFaults defaults() {
        return defaults;
    }

    /** Symmetric partition: no frame crosses between {@code side1} and {@code side2}, either way. */
    public void partition(Set<Address> side1, Set<Address> side2) {
        check(side1, side2);
        addBlock(side1, side2);
        addBlock(side2, side1);
        recomputeBlocks();
        sim.recordPartition(names(side1) + " -/- " + names(side2));
    }

    /** One-way partition: frames {@code from -> to} are dropped; frames {@code to -> from} still pass. */
    public void partitionOneWay(Set<Address> from, Set<Address> to) {
        check(from, to);
        addBlock(from, to);
        recomputeBlocks();
        sim.recordPartition(names(from) + " -/-> " + names(to) + " (one-way)");
    }

    /** Isolates one node from every other node, both ways. */
    public void isolate(Address node) {
        Set<Address> rest = new TreeSet<>(sim.nodes());
        rest.remove(node);
        partition(Set.of(node), rest);
    }

    /** Removes every partition; link faults stay as they are. */
    public void heal() {
        blockSets.clear();
        recomputeBlocks();
        sim.recordHeal();
    }

    /** True when a partition stops frames from {@code from} to {@code to} now. */
    public boolean isBlocked(Address from, Address to) {
        return blocked[sim.slot(from).index][sim.slot(to).index];
    }

    private void check(Set<Address> a, Set<Address> b) {
        Objects.requireNonNull(a, "side");
        Objects.requireNonNull(b, "side");
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("both sides of a partition need at least one node, got " + a + " and " + b);
        }
        for (Address x : a) {
            sim.slot(x);
            if (b.contains(x)) {
                throw new IllegalArgumentException(x + " is on both sides of the partition " + a + " / " + b);
            }
        }
        b.forEach(sim::slot);
    }

    private void addBlock(Set<Address> from, Set<Address> to) {
        blockSets.add(new Block(Set.copyOf(from), Set.copyOf(to)));
    }

    private void recomputeBlocks() {
        int n = links.length;
        blocked = new boolean[n][n];
        anyBlocked = !blockSets.isEmpty();
        for (Block b : blockSets) {
            for (Address f : b.from()) {
                for (Address t : b.to()) {
                    blocked[sim.slot(f).index][sim.slot(t).index] = true;
                }
            }
        }
    }

    private static String names(Set<Address> s) {
        return new TreeSet<>(s).toString();
    }

    private Link link(Address from, Address to) {
        return links[sim.slot(from).index][sim.slot(to).index];
    }

    /**
     * The frame's way through the network. {@code bytes} is already a private copy; {@code t}
     * is when it leaves the sender (the end of the sender's handler).
     */
    void send(Simulation.NodeSlot src, Simulation.NodeSlot dst, byte[] bytes, long t) {
        long id = sim.nextMessageId++;
        sim.sent++;
        boolean tracing = sim.trace.isEnabled();
        if (tracing) {
            sim.traceAt(t, TraceEvent.Kind.SEND, src, dst.address, id, bytes, null);
        }
        Link link = links[src.index][dst.index];
        LinkFaults f = link.own != null ? link.own : defaults;
        if (f.fast && !anyBlocked) {
            // the fast path, kept small so the JIT inlines it: no random draw, no queue, no partition
            sim.scheduleDelivery(t + f.fixedNanos, dst, src.index, id, bytes);
            return;
        }
        sendWithFaults(src, dst, bytes, t, id, link, f, tracing);
    }

    private void sendWithFaults(Simulation.NodeSlot src, Simulation.NodeSlot dst, byte[] bytes, long t, long id,
                                Link link, LinkFaults f, boolean tracing) {
        if (anyBlocked && blocked[src.index][dst.index]) {
            sim.drop(t, src, dst, id, bytes, DropReason.PARTITION, null);
            return;
        }
        if (f.fast) {
            sim.scheduleDelivery(t + f.fixedNanos, dst, src.index, id, bytes);
            return;
        }
        SplittableRandom r = link.random();
        if (f.loss() > 0 && r.nextDouble() < f.loss()) {
            sim.drop(t, src, dst, id, bytes, DropReason.LOSS, null);
            return;
        }
        long depart = t;
        if (f.bandwidth() > 0) {
            while (link.qSize > 0 && link.queue[link.qHead] <= t) {
                link.qHead = (link.qHead + 1) % link.queue.length;
                link.qSize--;
            }
            if (f.queueLimit() > 0 && link.qSize >= f.queueLimit()) {
                sim.drop(t, src, dst, id, bytes, DropReason.QUEUE_FULL, "(" + link.qSize + " frames waiting)");
                return;
            }
            long start = Math.max(t, link.busyUntil);
            long onWire = (long) Math.ceil(bytes.length * 1e9 / f.bandwidth());
            depart = start + onWire;
            link.busyUntil = depart;
            push(link, depart);
        }
        int copies = 1;
        if (f.duplication() > 0) {
            while (copies <= MAX_EXTRA_COPIES && r.nextDouble() < f.duplication()) {
                copies++;
            }
        }
        for (int c = 0; c < copies; c++) {
            byte[] p = c == 0 ? bytes : bytes.clone();
            if (c > 0) {
                sim.duplicated++;
                if (tracing) {
                    sim.traceAt(t, TraceEvent.Kind.DUPLICATE, src, dst.address, id, p, "copy " + (c + 1));
                }
            }
            if (f.corruption() > 0 && r.nextDouble() < f.corruption() && p.length > 0) {
                if (p == bytes) {
                    p = bytes.clone(); // the SEND event keeps the bytes as sent
                }
                // 1 to 3 distinct bits, so the frame always differs (two flips of one bit would cancel)
                int flips = Math.min(1 + r.nextInt(3), p.length * 8);
                int[] bits = new int[flips];
                StringBuilder which = new StringBuilder(flips > 1 ? "flipped bits" : "flipped bit");
                for (int k = 0; k < flips; k++) {
                    int bit;
                    boolean seen;
                    do {
                        bit = r.nextInt(p.length * 8);
                        seen = false;
                        for (int j = 0; j < k; j++) {
                            seen |= bits[j] == bit;
                        }
                    } while (seen);
                    bits[k] = bit;
                    p[bit >>> 3] ^= (byte) (1 << (bit & 7));
                    which.append(k == 0 ? " " : ",").append(bit);
                }
                sim.corrupted++;
                if (tracing) {
                    sim.traceAt(t, TraceEvent.Kind.CORRUPT, src, dst.address, id, p, which.toString());
                }
            }
            sim.scheduleDelivery(depart + f.delay().sampleNanos(r), dst, src.index, id, p);
        }
    }

    private static void push(Link l, long finish) {
        if (l.qSize == l.queue.length) {
            long[] grown = new long[l.queue.length * 2];
            for (int i = 0; i < l.qSize; i++) {
                grown[i] = l.queue[(l.qHead + i) % l.queue.length];
            }
            l.queue = grown;
            l.qHead = 0;
        }
        l.queue[(l.qHead + l.qSize) % l.queue.length] = finish;
        l.qSize++;
    }

    @Override
    public String toString() {
        return "Network[defaults=" + defaults + ", partitions=" + blockSets.size() + ", nodes="
                + Arrays.toString(sim.nodes().toArray()) + "]";
    }
}
