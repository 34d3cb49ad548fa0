package dev.dbinternals.ch08.links.ladder;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a checksum costs: encoding and decoding (CRC32C included) one 1 KiB data frame.
 * The cost of turning corruption into loss is a few hundred nanoseconds per KiB.
 *
 * <p>Run: {@code java -jar ch08-links/target/benchmarks.jar FrameBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameBenchmark {

    private final byte[] payload = Payloads.numbered(42, 1024);
    private final byte[] encoded = Frame.data(1, 42, 41, payload).encode();

    @Benchmark
    public byte[] encode1KiB() {
        return Frame.data(1, 42, 41, payload).encode();
    }

    @Benchmark
    public Frame decode1KiB() {
        return Frame.decode(encoded);
    }
}
