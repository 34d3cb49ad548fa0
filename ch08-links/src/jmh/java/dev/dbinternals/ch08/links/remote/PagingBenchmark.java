package dev.dbinternals.ch08.links.remote;

import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Local vs remote execution (로컬 실행과 원격 실행): time per element of iterating 1,000 entries
 * through the same {@link PagingIterator}, with pages read from a map in this process
 * ({@code local}), through a {@link WindowedPerfectLink} over loopback UDP ({@code remoteOverLink},
 * {@link LinkPageSource}), or with bare request/reply datagrams from a {@link UdpPageServer}
 * ({@code remote}). Page size is a parameter: fewer, bigger pages amortise the round trip.
 *
 * <p>Run: {@code java -jar ch08-links/target/benchmarks.jar PagingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PagingBenchmark {

    static final int ELEMENTS = 1_000;

    @Param({"10", "100"})
    public int pageSize;

    private ConcurrentSkipListMap<String, String> data;
    private UdpPageServer server;
    private RemotePageSource remote;
    private LocalPageSource local;
    private LinkPageSource overLink;

    @Setup(Level.Trial)
    public void setUp() {
        data = new ConcurrentSkipListMap<>();
        for (int i = 0; i < ELEMENTS; i++) {
            data.put(String.format("key-%07d", i), "value-" + i);
        }
        local = new LocalPageSource(data);
        server = new UdpPageServer(data);
        remote = new RemotePageSource(server.address(), Duration.ofSeconds(1), 5);
        overLink = new LinkPageSource(data, LinkPageSource.DEMO_LINK, 0, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        remote.close();
        server.close();
        overLink.close();
    }

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public long local() {
        return drain(new PagingIterator(local, pageSize, PagingIterator.Cursor.KEY));
    }

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public long remote() {
        return drain(new PagingIterator(remote, pageSize, PagingIterator.Cursor.KEY));
    }

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public long remoteOverLink() {
        return drain(new PagingIterator(overLink, pageSize, PagingIterator.Cursor.KEY));
    }

    private static long drain(PagingIterator it) {
        long h = 0;
        while (it.hasNext()) {
            h += it.next().getKey().length();
        }
        return h;
    }
}
