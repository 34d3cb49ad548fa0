package dev.dbinternals.ch08.cascading.checksums;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * Replicas that copy records to each other (last writer wins by version), over links that flip
 * bits: corrupted records spread and overwrite good ones unless each record carries a
 * checksum (체크섬) that every replica verifies before applying it.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애). In paraphrase: hardware failures, bit
 * rot and software errors can make corrupted data propagate and overwrite good records;
 * checksums and validation verify the integrity of the data exchanged between nodes.
 *
 * <p>The checksum is end to end: the writer computes a CRC32C over (key, version, value) when
 * the record is born, it travels and is stored with the record, and every replica checks it
 * on arrival. A frame-level checksum ({@code Codec.withChecksum()}) would catch corruption on
 * the wire only; a per-record one also catches a record damaged in memory or on disk before it
 * was forwarded. Without it, a flipped bit in the version turns a record into a "newer" one
 * that wins last-writer-wins on every replica it reaches.
 *
 * <p>Nodes are not thread-safe; {@link #run} is stateless and deterministic per seed.
 */
public final class Replication {

    private Replication() {
    }

    /** A stored record; {@code crc} is the CRC32C of (key, version, value) set by the writer. */
    public record Rec(int key, long version, String value, int crc) {
        /** A new record with its checksum (private: exercise cascading-5 asks you to compute it). */
        private static Rec of(int key, long version, String value) {
            return new Rec(key, version, value, crc32c(key, version, value));
        }
    }

    /** Writer → replica. */
    public record Put(Rec rec) {
    }

    /** Replica → replica: anti-entropy, "here is everything I have". */
    public record Sync(List<Rec> recs) {
    }

    static final Codec CODEC = Codec.builder().register(1, Rec.class).register(2, Put.class).register(3, Sync.class).build();

    /** CRC32C over key (4 bytes, big-endian), version (8 bytes, big-endian) and the UTF-8 value. */
    private static int crc32c(int key, long version, String value) {
        CRC32C c = new CRC32C();
        byte[] head = new byte[12];
        for (int i = 0; i < 4; i++) {
            head[i] = (byte) (key >>> (24 - 8 * i));
        }
        for (int i = 0; i < 8; i++) {
            head[4 + i] = (byte) (version >>> (56 - 8 * i));
        }
        c.update(head);
        c.update(value.getBytes(StandardCharsets.UTF_8));
        return (int) c.getValue();
    }

    /** What a replica checks before applying a record: nothing, or the checksum. */
    public static Predicate<Rec> noValidation() {
        return r -> true;
    }

    /** Accepts a record only if its CRC32C matches its contents. */
    private static boolean intact(Rec r) {
        return r.value() != null && crc32c(r.key(), r.version(), r.value()) == r.crc();
    }

    /**
     * As {@link #run(long, Predicate, double, int)}, with replicas that check nothing, or that check
     * each record's CRC32C ({@code checksums}).
     */
    public static Result run(long seed, boolean checksums, double corruption, int writes) {
        return run(seed, checksums ? Replication::intact : noValidation(), corruption, writes);
    }

    /** A replica: applies records with a higher version than it has, gossips its records. */
    public static final class Replica implements Node {
        private static final Object GOSSIP = "gossip";
        private final Predicate<Rec> validation;
        private final TreeMap<Integer, Rec> store = new TreeMap<>();
        private long applied;
        private long refused;

        public Replica(Predicate<Rec> validation) {
            this.validation = validation;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(Duration.ofMillis(10), GOSSIP);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            // a flip that broke the encoding itself is easy to catch (format validation): the
            // harness counts the frame as discarded (Context.discard) and we read nothing
            Object m = CODEC.receive(ctx, message).orElse(null);
            if (m instanceof Put p) {
                apply(p.rec());
            } else if (m instanceof Sync s) {
                s.recs().forEach(this::apply);
            }
        }

        private void apply(Rec r) {
            if (!validation.test(r)) {
                refused++;
                return;
            }
            Rec mine = store.get(r.key());
            if (mine == null || r.version() > mine.version()) {
                store.put(r.key(), r);
                applied++;
            }
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            List<Address> peers = new ArrayList<>();
            for (Address a : ctx.nodes()) {
                if (!a.equals(ctx.self()) && a.name().startsWith("replica")) {
                    peers.add(a);
                }
            }
            if (!store.isEmpty() && !peers.isEmpty()) {
                Address to = peers.get(ctx.random().nextInt(peers.size()));
                ctx.send(to, CODEC.encode(new Sync(new ArrayList<>(store.values()))));
            }
            ctx.setTimer(Duration.ofMillis(10), GOSSIP);
        }

        public Map<Integer, Rec> store() {
            return new TreeMap<>(store);
        }

        public long refused() {
            return refused;
        }
    }

    /** Writes {@code writes} records, one every 2 ms, to random replicas; remembers what it wrote. */
    public static final class Writer implements Node {
        private static final Object WRITE = "write";
        private final int keys;
        private final int writes;
        private final Set<Rec> written = new HashSet<>(); // membership only, never iterated
        private long version;

        public Writer(int keys, int writes) {
            this.keys = keys;
            this.writes = writes;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(Duration.ofMillis(2), WRITE);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            Rec r = Rec.of(ctx.random().nextInt(keys), ++version, "value-" + version);
            written.add(r);
            List<Address> replicas = ctx.nodes().stream().filter(a -> a.name().startsWith("replica")).toList();
            ctx.send(replicas.get(ctx.random().nextInt(replicas.size())), CODEC.encode(new Put(r)));
            if (version < writes) {
                ctx.setTimer(Duration.ofMillis(2), WRITE);
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }

        /** True if the writer wrote exactly this record (key, version, value and checksum). */
        public boolean wrote(Rec r) {
            return written.contains(r);
        }
    }

    /** Counts at the end of a run. */
    public record Result(long corruptedFrames, long refusedByChecksum, long undecodable, int corruptSlots,
                         int distinctCorruptRecords, int replicasWithCorruption, int replicas, int keysPerReplica,
                         List<String> examples) {
    }

    /**
     * Five replicas, 40 keys, {@code writes} writes, every link corrupting a frame with
     * probability {@code corruption}; runs until the writes are done and one more second of
     * gossip, then counts the stored records the writer never wrote.
     */
    public static Result run(long seed, Predicate<Rec> validation, double corruption, int writes) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(false);
        sim.network().setDefaults(LinkFaults.none().withCorruption(corruption));
        int replicas = 5;
        List<Address> rs = new ArrayList<>();
        for (int i = 1; i <= replicas; i++) {
            rs.add(sim.addNode("replica-" + i, () -> new Replica(validation)));
        }
        Address w = sim.addNode("writer", () -> new Writer(40, writes));
        sim.runFor(Duration.ofMillis(2L * writes + 1000));
        Writer writer = sim.node(w, Writer.class);
        int slots = 0;
        int affected = 0;
        long refused = 0;
        long garbage = 0;
        Map<Rec, Integer> distinct = new HashMap<>(); // counted, never iterated for output
        int keys = 0;
        List<String> examples = new ArrayList<>();
        for (Address a : rs) {
            Replica r = sim.node(a, Replica.class);
            refused += r.refused();
            garbage += sim.discarded(a);
            boolean any = false;
            keys = Math.max(keys, r.store().size());
            for (Rec rec : r.store().values()) {
                if (!writer.wrote(rec)) {
                    slots++;
                    any = true;
                    if (distinct.merge(rec, 1, Integer::sum) == 1 && examples.size() < 3) {
                        examples.add(dev.dbinternals.ch08.harness.lang.Lang.t(
                                a + " holds " + rec + " -- never written (its version/key/value has flipped bits)",
                                a + "에 있는 " + rec + " -- 아무도 쓴 적 없는 레코드다(버전/키/값의 비트가 뒤집혔다)"));
                    }
                }
            }
            if (any) {
                affected++;
            }
        }
        return new Result(sim.stats().corrupted(), refused, garbage, slots, distinct.size(), affected, replicas, keys,
                List.copyOf(examples));
    }
}
