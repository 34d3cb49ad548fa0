package dev.dbinternals.ch08.harness.udp;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * {@link DurableStorage} for the real runtime: in memory, or backed by one file that
 * {@link #sync()} rewrites atomically (write a temporary file, fsync it, rename it over the old
 * one), so a killed process restarts with exactly its last synced state.
 *
 * <p>Book: Chapter 8, "Crash faults" (충돌): crash-recovery needs stable storage. Not
 * thread-safe: the node's event loop is its only user.
 */
final class FileStorage implements DurableStorage {
    private final Path file;
    private final TreeMap<String, byte[]> visible = new TreeMap<>();

    /** {@code file == null} keeps everything in memory (lost when the process exits). */
    FileStorage(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String k = in.readUTF();
                    byte[] v = new byte[in.readInt()];
                    in.readFully(v);
                    visible.put(k, v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the storage file " + file, e);
            }
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        byte[] v = visible.get(key);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    @Override
    public void put(String key, byte[] value) {
        visible.put(key, value.clone());
    }

    @Override
    public void remove(String key) {
        visible.remove(key);
    }

    @Override
    public void sync() {
        if (file == null) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(visible.size());
            for (var e : visible.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
            out.flush();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(bytes.toByteArray()));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the storage file " + file, e);
        }
    }

    @Override
    public SortedSet<String> keys() {
        return Collections.unmodifiableSortedSet(new TreeMap<>(visible).navigableKeySet());
    }
}
