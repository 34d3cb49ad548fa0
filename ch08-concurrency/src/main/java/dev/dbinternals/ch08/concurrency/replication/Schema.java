package dev.dbinternals.ch08.concurrency.replication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table schema and the compact row encoding that depends on it: values are written in column
 * order with no names and no types, as storage formats do to save space.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성), the Cassandra schema-propagation bug:
 * a node that decodes a row with a different schema than the one it was encoded with does not
 * fail, it reads the bytes as the wrong columns, silently. Immutable; thread-safe.
 *
 * @param version increases with every schema change
 * @param columns column names and types, in storage order
 */
public record Schema(int version, List<Column> columns) {

    /** A column type. */
    public enum Type {
        LONG, TEXT
    }

    public record Column(String name, Type type) {
    }

    public Schema {
        columns = List.copyOf(columns);
    }

    /** v1: id, balance, owner. */
    public static final Schema V1 = new Schema(1, List.of(new Column("id", Type.LONG), new Column("balance", Type.LONG),
            new Column("owner", Type.TEXT)));

    /** v2 adds {@code created} before {@code balance} (a column added in the middle, as an ALTER may lay it out). */
    public static final Schema V2 = new Schema(2, List.of(new Column("id", Type.LONG), new Column("created", Type.LONG),
            new Column("balance", Type.LONG), new Column("owner", Type.TEXT)));

    /** Encodes {@code row} (column name → Long or String) by this schema, columns in order, no header. */
    public byte[] encode(Map<String, Object> row) {
        ByteBuffer buf = ByteBuffer.allocate(1024);
        for (Column c : columns) {
            Object v = row.get(c.name());
            if (c.type() == Type.LONG) {
                buf.putLong(v == null ? 0 : (Long) v);
            } else {
                byte[] s = (v == null ? "" : (String) v).getBytes(StandardCharsets.UTF_8);
                buf.putInt(s.length).put(s);
            }
        }
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        return out;
    }

    /**
     * Decodes by this schema, as a naive storage engine does: it trusts that the bytes were
     * written with the same schema, reads what it expects and ignores what is left.
     */
    public Map<String, Object> decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.type() == Type.LONG) {
                row.put(c.name(), buf.remaining() >= 8 ? buf.getLong() : 0L);
            } else {
                int len = buf.remaining() >= 4 ? buf.getInt() : 0;
                len = Math.max(0, Math.min(len, buf.remaining()));
                byte[] s = new byte[len];
                buf.get(s);
                row.put(c.name(), new String(s, StandardCharsets.UTF_8));
            }
        }
        return row;
    }

    /** The column names, for reports. */
    public List<String> names() {
        List<String> n = new ArrayList<>();
        columns.forEach(c -> n.add(c.name()));
        return n;
    }
}
