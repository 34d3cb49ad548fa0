package dev.dbinternals.ch08.cascading.checksums;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the per-record CRC32C (체크섬) costs a replica, next to decoding the record it protects.
 * {@code decodeOnly} is the baseline every replica pays anyway; {@code decodeAndVerify} adds
 * the check that stops corrupted records from spreading (demo 'checksums').
 *
 * <p>Run: {@code java -jar ch08-cascading/target/benchmarks.jar ChecksumBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ChecksumBenchmark {

    @Param({"16", "1024"})
    public int valueBytes;

    private byte[] frame;

    @Setup
    public void setup() {
        String value = "v".repeat(valueBytes);
        Replication.Rec r = new Replication.Rec(42, 123_456, value, crc32c(42, 123_456, value));
        frame = Replication.CODEC.encode(new Replication.Put(r));
    }

    @Benchmark
    public Object decodeOnly() {
        return Replication.CODEC.decode(frame, Replication.Put.class).rec();
    }

    @Benchmark
    public boolean decodeAndVerify() {
        Replication.Rec r = Replication.CODEC.decode(frame, Replication.Put.class).rec();
        return r.value() != null && crc32c(r.key(), r.version(), r.value()) == r.crc();
    }

    /**
     * The replicas' check, written out here because {@code Replication} keeps it private (exercise
     * cascading-5 asks the reader for it): CRC32C over key (4 bytes) and version (8 bytes),
     * big-endian, then the UTF-8 value.
     */
    private static int crc32c(int key, long version, String value) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(12).putInt(key).putLong(version).flip());
        c.update(value.getBytes(StandardCharsets.UTF_8));
        return (int) c.getValue();
    }
}
