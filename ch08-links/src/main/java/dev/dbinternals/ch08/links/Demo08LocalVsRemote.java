package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Demo 08: the same {@code Iterator} over a local map and over a remote one, page by page.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행). Real UDP on loopback:
 * round trips, bytes on the wire and time per element beside the local version; then a lost
 * page request (the server ignores one request, the client times out and asks again); the same
 * iteration in the simulator over the {@link PerfectLink} with a 1 ms round trip and loss
 * ({@link PagingOverLink}); and data changing between pages (a key cursor misses an insert
 * behind it; an offset cursor returns an element twice).
 */
public final class Demo08LocalVsRemote {

    private Demo08LocalVsRemote() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("local-remote", "Iterating a local collection vs a remote dataset through a paging iterator")
                .option("elements", "20000", "elements in the dataset").option("page", "100", "elements per page").parse(argv);
        int n = (int) args.getLong("elements", 10, 1_000_000);
        int page = (int) args.getLong("page", 1, 5_000);
        if (args.quick()) {
            n = Math.min(n, 5_000);
        }
        ConcurrentSkipListMap<String, String> data = new ConcurrentSkipListMap<>();
        for (int i = 0; i < n; i++) {
            data.put(String.format("key-%07d", i), "value-" + i);
        }
        DemoArgs.heading(System.out, "Demo 08 · local vs remote execution (로컬 실행과 원격 실행)");
        System.out.printf("%d entries of ~24 bytes; page size %d; remote = UDP on 127.0.0.1, one datagram each way per page.%n", n, page);
        try (UdpPageServer server = new UdpPageServer(data);
             RemotePageSource remote = new RemotePageSource(server.address(), Duration.ofMillis(200), 5)) {
            // warm both paths so the JIT does not decide the comparison
            for (int i = 0; i < 5; i++) {
                count(new PagingIterator(new LocalPageSource(data), page, PagingIterator.Cursor.KEY));
                count(new PagingIterator(remote, page, PagingIterator.Cursor.KEY));
                plain(data);
            }
            long rt0 = remote.roundTrips();
            long in0 = remote.bytesReceived();
            long out0 = remote.bytesSent();
            long t0 = System.nanoTime();
            long plainCount = plain(data);
            long plainTime = System.nanoTime() - t0;
            t0 = System.nanoTime();
            long localCount = count(new PagingIterator(new LocalPageSource(data), page, PagingIterator.Cursor.KEY));
            long local = System.nanoTime() - t0;
            t0 = System.nanoTime();
            long remoteCount = count(new PagingIterator(remote, page, PagingIterator.Cursor.KEY));
            long rem = System.nanoTime() - t0;
            System.out.println("map = the map's own iterator; local = the paging iterator over the same map in this process;");
            System.out.println("remote = the same paging iterator, each page fetched from the server over UDP.");
            System.out.printf("%n  %-8s %10s %12s %14s %16s%n", "", "elements", "round trips", "bytes on wire", "time/element");
            System.out.printf("  %-8s %10d %12d %14d %13.0f ns%n", "map", plainCount, 0, 0, (double) plainTime / plainCount);
            System.out.printf("  %-8s %10d %12d %14d %13.0f ns%n", "local", localCount, 0, 0, (double) local / localCount);
            System.out.printf("  %-8s %10d %12d %14d %13.0f ns%n", "remote", remoteCount, remote.roundTrips() - rt0,
                    remote.bytesReceived() - in0 + remote.bytesSent() - out0, (double) rem / remoteCount);
            System.out.printf("  remote / local time: %.0fx, with the same code calling the same Iterator methods%n", (double) rem / local);

            DemoArgs.heading(System.out, "A lost page request");
            PagingIterator it = new PagingIterator(remote, page, PagingIterator.Cursor.KEY);
            take(it, page);
            server.dropNextRequests(1);
            long timeouts = remote.timeouts();
            t0 = System.nanoTime();
            take(it, 1);
            System.out.printf("  the request for page 2 was dropped; next() blocked %.0f ms (one %d ms timeout, %d retry) and went on%n",
                    (System.nanoTime() - t0) / 1e6, 200, remote.timeouts() - timeouts);
            System.out.println("  page reads are idempotent, so asking again is safe; a non-idempotent remote call would not be.");
        }
        DemoArgs.heading(System.out, "In the simulator, over the perfect link: 1 ms round trip, exact virtual time");
        System.out.printf("  %-10s %-6s %8s %12s %14s %16s%n", "page size", "loss", "pages", "bytes", "requests sent", "time/element");
        for (double loss : new double[] {0.0, 0.1}) {
            for (int ps : new int[] {10, 100, 1000}) {
                Simulation sim = new Simulation(args.seed());
                sim.trace().setEnabled(false);
                sim.setHandlerTime(Duration.ZERO);
                sim.network().setDefaults(LinkFaults.none().withLoss(loss).withDelay(Duration.ofNanos(500_000)));
                PerfectLink.Config cfg = PerfectLink.Config.defaults().withWindow(4).withRetransmitTimeout(Duration.ofMillis(5));
                TreeMap<String, String> d = new TreeMap<>();
                for (int i = 0; i < 10_000; i++) {
                    d.put(String.format("key-%07d", i), "value-" + i);
                }
                Address s = sim.addNode("server", () -> new PagingOverLink.Server(d, cfg));
                Address c = sim.addNode("client", () -> new PagingOverLink.Client(s, ps, cfg));
                PagingOverLink.Client client = sim.node(c, PagingOverLink.Client.class);
                sim.runUntil(client::done, Duration.ofMinutes(10));
                System.out.printf("  %-10d %-6s %8d %12d %14d %13.1f us%n", ps, (int) (loss * 100) + "%", client.pages(), client.bytes(),
                        client.requestTransmissions(), client.elapsedNanos() / 1e3 / client.keys().size());
            }
        }
        System.out.println("  10,000 entries. A local map answers in tens of nanoseconds; here every page costs a 1 ms round trip,");
        System.out.println("  so time per element is ~RTT / page size, and a lost request or page adds a retransmission timeout.");

        DemoArgs.heading(System.out, "Data changing between pages");
        for (PagingIterator.Cursor cursor : PagingIterator.Cursor.values()) {
            ConcurrentSkipListMap<String, String> d = new ConcurrentSkipListMap<>();
            for (int i = 0; i < 30; i++) {
                d.put(String.format("k%02d", i), "v" + i);
            }
            PagingIterator it = new PagingIterator(new LocalPageSource(d), 10, cursor);
            List<String> seen = new ArrayList<>(take(it, 10));
            d.put("k00a", "new");
            d.remove("k15");
            seen.addAll(take(it, 100));
            long dups = seen.size() - seen.stream().distinct().count();
            System.out.printf("  %-6s cursor: after page 1, insert k00a (before the cursor) and delete k15 -> saw %d keys, "
                    + "%d repeated, k00a %s, k15 %s%n", cursor, seen.size(), dups, seen.contains("k00a") ? "seen" : "missed",
                    seen.contains("k15") ? "seen" : "not seen");
        }
        System.out.println("  A remote iteration is not a snapshot: each page sees the data as it is when that page is read.");
    }

    private static long plain(Map<String, String> data) {
        long c = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            c += e.getKey().length() > 0 ? 1 : 0;
        }
        return c;
    }

    private static long count(PagingIterator it) {
        long c = 0;
        while (it.hasNext()) {
            it.next();
            c++;
        }
        return c;
    }

    private static List<String> take(PagingIterator it, int k) {
        List<String> out = new ArrayList<>();
        while (out.size() < k && it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            out.add(e.getKey());
        }
        return out;
    }
}
