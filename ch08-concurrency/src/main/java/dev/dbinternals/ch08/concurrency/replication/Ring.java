package dev.dbinternals.ch08.concurrency.replication;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * A node's view of a consistent-hashing ring: which member owns which key, at which epoch.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성), the Cassandra example of a
 * <em>divergent view of the ring</em> (링 상태 불일치): two nodes that disagree about the members
 * route the same key to different owners, so a write lands where a later read does not look.
 * The epoch numbers views: every membership change makes a new ring with a higher epoch.
 * Immutable; thread-safe.
 *
 * @param epoch   the view's number; higher is newer
 * @param members the members, in any order
 */
public record Ring(long epoch, List<String> members) {

    private static final int TOKENS_PER_MEMBER = 8;

    public Ring {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one member");
        }
    }

    /** The member owning {@code key}: the first token clockwise from the key's hash. */
    public String owner(String key) {
        TreeMap<Long, String> tokens = new TreeMap<>();
        for (String m : members) {
            for (int t = 0; t < TOKENS_PER_MEMBER; t++) {
                tokens.put(hash(m + "#" + t), m);
            }
        }
        Map.Entry<Long, String> e = tokens.ceilingEntry(hash(key));
        return (e != null ? e : tokens.firstEntry()).getValue();
    }

    /** The same members plus {@code member}, one epoch later. */
    public Ring join(String member) {
        List<String> more = new java.util.ArrayList<>(members);
        more.add(member);
        return new Ring(epoch + 1, more);
    }

    static long hash(String s) {
        CRC32C crc = new CRC32C();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
