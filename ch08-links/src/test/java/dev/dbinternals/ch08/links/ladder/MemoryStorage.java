package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** A test double of a node's disk: writes are buffered until {@link #sync()}; {@link #crash()} throws the buffer away. */
public final class MemoryStorage implements DurableStorage {

    private static final byte[] TOMBSTONE = new byte[0];

    private final TreeMap<String, byte[]> durable = new TreeMap<>();
    private final TreeMap<String, byte[]> pending = new TreeMap<>();
    private int syncs;

    @Override
    public Optional<byte[]> get(String key) {
        byte[] p = pending.get(key);
        if (p != null) {
            return p == TOMBSTONE ? Optional.empty() : Optional.of(p.clone());
        }
        byte[] d = durable.get(key);
        return d == null ? Optional.empty() : Optional.of(d.clone());
    }

    @Override
    public void put(String key, byte[] value) {
        pending.put(key, value.clone());
    }

    @Override
    public void remove(String key) {
        pending.put(key, TOMBSTONE);
    }

    @Override
    public void sync() {
        syncs++;
        for (Map.Entry<String, byte[]> e : pending.entrySet()) {
            if (e.getValue() == TOMBSTONE) {
                durable.remove(e.getKey());
            } else {
                durable.put(e.getKey(), e.getValue());
            }
        }
        pending.clear();
    }

    @Override
    public SortedSet<String> keys() {
        TreeSet<String> keys = new TreeSet<>(durable.keySet());
        pending.forEach((k, v) -> {
            if (v == TOMBSTONE) {
                keys.remove(k);
            } else {
                keys.add(k);
            }
        });
        return keys;
    }

    /** How many times {@link #sync()} was called. */
    public int syncs() {
        return syncs;
    }

    /** Loses every write not yet synced, as a crash would. */
    public void crash() {
        pending.clear();
    }
}
