package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema disagreement on the harness: the coordinator has applied schema v2, the replica still
 * has v1 (the change reaches it 200 ms later). The coordinator sends a row; after a rejection it
 * retries every 100 ms.
 *
 * <p>Without versions in frames the replica decodes v2 bytes with v1 and stores a corrupted row,
 * and nobody notices. With a schema version in every frame, the replica rejects the row until its
 * schema has caught up, and then stores it intact.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 *
 * @param versionedFrames whether frames carry the schema version
 * @param unwrapper       the reader's check (exercise conc-7), or {@code null} for the demos' own
 */
public record SchemaScenario(boolean versionedFrames, SchemaFrame.Unwrapper unwrapper) {

    public SchemaScenario(boolean versionedFrames) {
        this(versionedFrames, null);
    }

    /** A row write. */
    public record Insert(long requestId, byte[] frame) {
    }

    /** The row was stored. */
    public record Inserted(long requestId) {
    }

    /** The row was refused (schema mismatch). */
    public record Rejected(long requestId, String reason) {
    }

    /** The schema change reaching the replica. */
    public record SchemaChange(int version) {
    }

    static final Codec CODEC = Codec.builder().register(31, Insert.class).register(32, Inserted.class).register(33, Rejected.class)
            .register(34, SchemaChange.class).withChecksum().build();

    /** The row the coordinator writes. */
    public static final Map<String, Object> ROW = row();

    private static Map<String, Object> row() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", 7L);
        r.put("created", 1_700_000_000L);
        r.put("balance", 100L);
        r.put("owner", "kim");
        return java.util.Collections.unmodifiableMap(r);
    }

    /** What the replica stored and what the coordinator saw. */
    public record Outcome(List<Map<String, Object>> stored, List<String> rejections, boolean acknowledged, Simulation simulation) {
    }

    /** The replica: stores decoded rows, with its current schema. */
    public static final class ReplicaNode implements Node {
        private Schema schema = Schema.V1;
        private final boolean versioned;
        private final SchemaFrame.Unwrapper unwrapper;
        final List<Map<String, Object>> rows = new ArrayList<>();

        ReplicaNode(boolean versioned, SchemaFrame.Unwrapper unwrapper) {
            this.versioned = versioned;
            this.unwrapper = unwrapper;
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            Object m = CODEC.receive(ctx, message).orElse(null);
            if (m == null) {
                return; // did not decode (corrupted): counted by Codec.receive through Context.discard
            }
            if (m instanceof SchemaChange c) {
                schema = c.version() == 2 ? Schema.V2 : Schema.V1;
                ctx.note("schema is now version " + schema.version());
            } else if (m instanceof Insert i) {
                try {
                    byte[] row = versioned ? unwrapper.unwrap(schema, i.frame()) : i.frame();
                    rows.add(schema.decode(row));
                    ctx.send(from, CODEC.encode(new Inserted(i.requestId())));
                } catch (SchemaFrame.SchemaMismatchException e) {
                    ctx.send(from, CODEC.encode(new Rejected(i.requestId(), e.getMessage())));
                }
            }
        }
    }

    /** The coordinator: already on schema v2; sends the row and retries after a rejection. */
    static final class CoordinatorNode implements Node {
        private final Address replica;
        private final boolean versioned;
        final List<String> rejections = new ArrayList<>();
        boolean acknowledged;

        CoordinatorNode(Address replica, boolean versioned) {
            this.replica = replica;
            this.versioned = versioned;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(Duration.ofMillis(10), "send");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            byte[] row = Schema.V2.encode(ROW);
            byte[] frame = versioned ? SchemaFrame.wrap(Schema.V2, row) : row;
            ctx.send(replica, CODEC.encode(new Insert(rejections.size() + 1, frame)));
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            Object m = CODEC.decode(message);
            if (m instanceof Inserted) {
                acknowledged = true;
            } else if (m instanceof Rejected r) {
                rejections.add(r.reason());
                ctx.setTimer(Duration.ofMillis(100), "retry");
            }
        }
    }

    public Outcome run(long seed) {
        Simulation sim = new Simulation(seed);
        SchemaFrame.Unwrapper check = unwrapper != null ? unwrapper : SchemaFrame::unwrap;
        Address replica = sim.addNode("replica", () -> new ReplicaNode(versionedFrames, check));
        Address coordinator = sim.addNode("coordinator", () -> new CoordinatorNode(replica, versionedFrames));
        sim.addNode("schema-admin", () -> new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.setTimer(Duration.ofMillis(200), "migrate");
            }

            @Override
            public void onTimer(Context ctx, Object tag) {
                ctx.send(replica, CODEC.encode(new SchemaChange(2)));
            }

            @Override
            public void onMessage(Context ctx, Address from, byte[] message) {
            }
        });
        sim.runFor(Duration.ofSeconds(1));
        CoordinatorNode c = sim.node(coordinator, CoordinatorNode.class);
        List<Map<String, Object>> stored = new ArrayList<>();
        for (Map<String, Object> r : sim.node(replica, ReplicaNode.class).rows) {
            stored.add(new LinkedHashMap<>(r));
        }
        return new Outcome(stored, List.copyOf(c.rejections), c.acknowledged, sim);
    }
}
