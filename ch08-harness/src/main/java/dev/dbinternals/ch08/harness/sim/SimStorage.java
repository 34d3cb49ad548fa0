package dev.dbinternals.ch08.harness.sim;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * A node's simulated disk: writes go to a volatile layer, {@link #sync()} makes them durable,
 * a crash throws the volatile layer away. Not thread-safe.
 */
final class SimStorage implements DurableStorage {
    private TreeMap<String, byte[]> durable = new TreeMap<>();
    private TreeMap<String, byte[]> visible = new TreeMap<>();
    private boolean dirty;
    long syncs;

    @Override
    public Optional<byte[]> get(String key) {
        byte[] v = visible.get(key);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    @Override
    public void put(String key, byte[] value) {
        if (key == null || value == null) {
            throw new NullPointerException("storage keys and values must not be null");
        }
        visible.put(key, value.clone());
        dirty = true;
    }

    @Override
    public void remove(String key) {
        if (visible.remove(key) != null) {
            dirty = true;
        }
    }

    @Override
    public void sync() {
        syncs++;
        if (dirty) {
            // values are never mutated after put (we copy in and out), so sharing arrays is safe
            durable = new TreeMap<>(visible);
            dirty = false;
        }
    }

    @Override
    public SortedSet<String> keys() {
        return Collections.unmodifiableSortedSet(new TreeMap<>(visible).navigableKeySet());
    }

    /** The crash: everything not synced is lost. */
    void crash() {
        visible = new TreeMap<>(durable);
        dirty = false;
    }

    Map<String, byte[]> durableView() {
        return Collections.unmodifiableMap(durable);
    }
}
