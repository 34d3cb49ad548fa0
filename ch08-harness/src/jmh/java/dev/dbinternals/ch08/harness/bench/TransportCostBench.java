package dev.dbinternals.ch08.harness.bench;

import dev.dbinternals.ch08.harness.fallacies.F7TransportCostIsZero;
import dev.dbinternals.ch08.harness.fallacies.F7TransportCostIsZero.Batch;
import dev.dbinternals.ch08.harness.fallacies.F7TransportCostIsZero.Put;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serialisation cost per message, unbatched and batched: encode and decode 64 small messages
 * (a key and a value) with the harness codec and its CRC32C, as 64 frames of one (k = 1), 8
 * frames of 8, or 1 frame of 64. The score is nanoseconds per message.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류), transport cost is
 * not zero; and "Local and Remote Execution" (로컬 실행과 원격 실행): a remote call pays for
 * serialisation, a local call does not. The byte side of the same comparison is counted by
 * {@code fallacies.F7TransportCostIsZero} ({@code ./ch08 demo harness fallacies --only 7}).
 *
 * <p>What batching can save inside the codec is per-frame work: one type id, one length check,
 * one CRC32C and one output buffer per frame instead of per message. Measured (README,
 * "Benchmarks"), that is small next to the per-message field encoding: the figures for k = 1, 8
 * and 64 are within about 15 % of each other. The batches are built in setup, so the time to
 * collect k messages (and the latency of waiting for them) is not in the score; neither are the
 * per-datagram costs outside the codec (system calls, headers), which batching also divides by k.
 *
 * <p>A JMH state; JMH gives each benchmark thread what it needs (not thread-safe otherwise).
 *
 * <p>Run: {@code ./ch08 bench harness -f 1 -wi 2 -i 3 -r 1s TransportCostBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TransportCostBench {

    static final int MESSAGES = 64;

    /** Messages per frame; divides {@link #MESSAGES}. */
    @Param({"1", "8", "64"})
    int k;

    private Object[] frames;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        List<Put> puts = new ArrayList<>();
        for (int i = 1; i <= MESSAGES; i++) {
            puts.add(new Put(i, r.nextLong(1_000_000)));
        }
        frames = new Object[MESSAGES / k];
        for (int f = 0; f < frames.length; f++) {
            List<Put> slice = puts.subList(f * k, (f + 1) * k);
            frames[f] = k == 1 ? slice.get(0) : new Batch(List.copyOf(slice));
        }
    }

    /** Encodes every frame, decodes it again, and returns a value that depends on all of it. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long encodeAndDecode() {
        long acc = 0;
        for (Object frame : frames) {
            byte[] bytes = F7TransportCostIsZero.CODEC.encode(frame);
            Object back = F7TransportCostIsZero.CODEC.decode(bytes);
            acc += bytes.length + (back instanceof Batch b ? b.puts().size() : 1);
        }
        return acc;
    }
}
