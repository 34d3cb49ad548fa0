package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import dev.dbinternals.ch08.links.remote.LinkPageSource;
import dev.dbinternals.ch08.links.remote.LocalPageSource;
import dev.dbinternals.ch08.links.remote.PagingIterator;
import dev.dbinternals.ch08.links.remote.PagingOverLink;
import dev.dbinternals.ch08.links.remote.RemotePageSource;
import dev.dbinternals.ch08.links.remote.UdpPageServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Demo 08: the same {@code Iterator} over a local map and over a remote one, page by page.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행). The same
 * {@link PagingIterator} over a local map and over a remote dataset paged through a
 * {@link WindowedPerfectLink} on real UDP ({@link LinkPageSource}): round trips, bytes on the wire and
 * time per element (with bare request/reply datagrams, {@link RemotePageSource}, beside them);
 * a page request lost on the wire and resent by the link; random loss on the link; the same
 * iteration in the simulator with an exact 1 ms round trip ({@link PagingOverLink}); and data
 * changing between pages of an iteration over the link (a key cursor misses an insert behind
 * it; an offset cursor returns an element twice).
 */
public final class Demo08LocalVsRemote {

    private Demo08LocalVsRemote() {
    }

    /** The link's settings for the real-socket part. */
    private static final WindowedPerfectLink.Config LINK = LinkPageSource.DEMO_LINK;

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("local-remote", "Iterating a local collection vs a remote dataset through a paging iterator")
                .intOption("elements", 20_000, 10, 1_000_000, "elements in the dataset (at most 5000 with --quick)")
                .intOption("page", 100, 1, 5_000, "elements per page").writesNoFiles().parse(argv);
        int n = args.intValue("elements");
        int page = args.intValue("page");
        if (args.quick()) {
            n = Math.min(n, 5_000);
        }
        ConcurrentSkipListMap<String, String> data = new ConcurrentSkipListMap<>();
        for (int i = 0; i < n; i++) {
            data.put(String.format("key-%07d", i), "value-" + i);
        }
        DemoArgs.heading(System.out, "Demo 08 · local vs remote execution (로컬 실행과 원격 실행)");
        System.out.printf("%d entries of ~24 bytes, page size %d. The same PagingIterator (an ordinary java.util.Iterator) four ways:%n", n, page);
        System.out.println("  map          the map's own iterator (no paging)");
        System.out.println("  local        PagingIterator over LocalPageSource: pages read from the map in this process");
        System.out.println("  remote/link  PagingIterator over LinkPageSource: each page is one request and one reply message of a");
        System.out.println("               perfect link over UDP on 127.0.0.1 (a second event loop serves the map; acks, sequence numbers,");
        System.out.println("               CRC32C and retransmission come from the link)");
        System.out.println("  remote/bare  PagingIterator over RemotePageSource: one bare request datagram and one reply datagram per page,");
        System.out.println("               with its own timeout and retry (no link underneath), for comparison");
        try (LinkPageSource overLink = new LinkPageSource(data, LINK, 0, args.seed());
             UdpPageServer server = new UdpPageServer(data);
             RemotePageSource bare = new RemotePageSource(server.address(), Duration.ofMillis(200), 5)) {
            // warm every path so the JIT does not decide the comparison
            for (int i = 0; i < 5; i++) {
                count(new PagingIterator(new LocalPageSource(data), page, PagingIterator.Cursor.KEY));
                count(new PagingIterator(overLink, page, PagingIterator.Cursor.KEY));
                count(new PagingIterator(bare, page, PagingIterator.Cursor.KEY));
                plain(data);
            }
            long t0 = System.nanoTime();
            long plainCount = plain(data);
            long plainTime = System.nanoTime() - t0;
            t0 = System.nanoTime();
            long localCount = count(new PagingIterator(new LocalPageSource(data), page, PagingIterator.Cursor.KEY));
            long local = System.nanoTime() - t0;
            long linkPages0 = overLink.pages();
            long linkBytes0 = overLink.bytesOnWire();
            t0 = System.nanoTime();
            long linkCount = count(new PagingIterator(overLink, page, PagingIterator.Cursor.KEY));
            long linkTime = System.nanoTime() - t0;
            long linkPages = overLink.pages() - linkPages0;
            long linkBytes = overLink.bytesOnWire() - linkBytes0;
            long rt0 = bare.roundTrips();
            long bareBytes0 = bare.bytesReceived() + bare.bytesSent();
            t0 = System.nanoTime();
            long bareCount = count(new PagingIterator(bare, page, PagingIterator.Cursor.KEY));
            long bareTime = System.nanoTime() - t0;
            System.out.printf("%n  %-12s %10s %12s %14s %16s%n", "", "elements", "round trips", "bytes on wire", "time/element");
            System.out.printf("  %-12s %10d %12d %14d %13.0f ns%n", "map", plainCount, 0, 0, (double) plainTime / plainCount);
            System.out.printf("  %-12s %10d %12d %14d %13.0f ns%n", "local", localCount, 0, 0, (double) local / localCount);
            System.out.printf("  %-12s %10d %12d %14d %13.0f ns%n", "remote/link", linkCount, linkPages, linkBytes, (double) linkTime / linkCount);
            System.out.printf("  %-12s %10d %12d %14d %13.0f ns%n", "remote/bare", bareCount, bare.roundTrips() - rt0,
                    bare.bytesReceived() + bare.bytesSent() - bareBytes0, (double) bareTime / bareCount);
            System.out.printf("  remote/link vs local: %.0fx the time per element, with the same code calling the same Iterator methods.%n",
                    (double) linkTime / local);
            System.out.println("  (bytes on wire: link frames with their headers, checksums and acks; for bare UDP, the two datagrams' payloads)");

            DemoArgs.heading(System.out, "A lost page request, over the link");
            PagingIterator it = new PagingIterator(overLink, page, PagingIterator.Cursor.KEY);
            take(it, page);
            long retx0 = overLink.retransmissions();
            overLink.dropNextRequest();
            t0 = System.nanoTime();
            take(it, 1);
            System.out.printf("  the request for page 2 was dropped on its way out; next() blocked %.0f ms: the link resent it%n",
                    (System.nanoTime() - t0) / 1e6);
            System.out.printf("  after its retransmission timeout (now %d ms; %d retransmission) and the iterator went on as if nothing happened.%n",
                    overLink.retransmitTimeout().toMillis(), overLink.retransmissions() - retx0);
            System.out.println("  The perfect link never delivers a request twice while neither end restarts. Its dedup state");
            System.out.println("  (n_processed) lives in memory, so after a server restart a retransmitted request can be delivered and");
            System.out.println("  executed again (PerfectLinkCrashRecoveryTest counts such redeliveries). A non-idempotent call still needs");
            System.out.println("  durable dedup (Demo 06) or an idempotency key (Demo 07). The bare version just asks again, which is safe");
            System.out.println("  only because reads are idempotent.");
        }
        int lossy = Math.min(n, args.quick() ? 2_000 : 5_000);
        ConcurrentSkipListMap<String, String> small = new ConcurrentSkipListMap<>(data.headMap(String.format("key-%07d", lossy)));
        DemoArgs.heading(System.out, "Random loss on the link: 10 % of the datagrams each way");
        try (LinkPageSource lossyLink = new LinkPageSource(small, LINK, 0.1, args.seed())) {
            long t0 = System.nanoTime();
            List<String> keys = take(new PagingIterator(lossyLink, page, PagingIterator.Cursor.KEY), Integer.MAX_VALUE);
            long time = System.nanoTime() - t0;
            boolean exact = keys.equals(new ArrayList<>(small.keySet()));
            System.out.printf("  %d elements in %d pages, %.0f ns per element; %d datagrams dropped, %d retransmissions;%n",
                    keys.size(), lossyLink.pages(), (double) time / keys.size(), lossyLink.dropped(), lossyLink.retransmissions());
            System.out.printf("  every key once and in order: %s. Each loss costs a retransmission timeout, not a page.%n", exact ? "yes" : "NO");
        }

        DemoArgs.heading(System.out, "In the simulator, over the perfect link: 1 ms round trip, exact virtual time");
        System.out.printf("  %-10s %-6s %8s %12s %14s %16s%n", "page size", "loss", "pages", "bytes", "requests sent", "time/element");
        for (double loss : new double[] {0.0, 0.1}) {
            for (int ps : new int[] {10, 100, 1000}) {
                Simulation sim = new Simulation(args.seed());
                sim.trace().setEnabled(false);
                sim.setHandlerTime(Duration.ZERO);
                sim.network().setDefaults(LinkFaults.none().withLoss(loss).withDelay(Duration.ofNanos(500_000)));
                WindowedPerfectLink.Config cfg = WindowedPerfectLink.Config.defaults().withWindow(4).withRetransmitTimeout(Duration.ofMillis(5));
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
        System.out.println("  10,000 entries (PagingOverLink: the same request and reply messages between two simulated nodes).");
        System.out.println("  Every page costs a 1 ms round trip, so time per element is ~RTT / page size; a lost request or page adds");
        System.out.println("  a retransmission timeout (5 ms here). bytes = request and page messages; requests sent = the client's data frames.");

        DemoArgs.heading(System.out, "Data changing between pages, over the link");
        Map<PagingIterator.Cursor, List<String>> seenBy = new java.util.EnumMap<>(PagingIterator.Cursor.class);
        for (PagingIterator.Cursor cursor : PagingIterator.Cursor.values()) {
            ConcurrentSkipListMap<String, String> d = new ConcurrentSkipListMap<>();
            for (int i = 0; i < 30; i++) {
                d.put(String.format("k%02d", i), "v" + i);
            }
            try (LinkPageSource remote = new LinkPageSource(d, LINK, 0, args.seed())) {
                PagingIterator it = new PagingIterator(remote, 10, cursor);
                List<String> seen = new ArrayList<>(take(it, 10));
                d.put("k00a", "new");
                d.remove("k15");
                seen.addAll(take(it, 100));
                seenBy.put(cursor, seen);
                long dups = seen.size() - seen.stream().distinct().count();
                System.out.printf("  %-6s cursor: after page 1, insert k00a (before the cursor) and delete k15 -> saw %d keys, "
                        + "%d repeated, k00a %s, k15 %s%n", cursor, seen.size(), dups, seen.contains("k00a") ? "seen" : "missed",
                        seen.contains("k15") ? "seen" : "not seen");
            }
        }
        System.out.println("  A remote iteration is not a snapshot: each page sees the data as it is when that page is read.");
        System.out.print(cursorVerdict(seenBy, "k00a"));
    }

    /** The sentence under the cursor runs, from the keys each cursor returned: what it repeated, and whether it saw the insert. */
    static String cursorVerdict(Map<PagingIterator.Cursor, List<String>> seenBy, String inserted) {
        List<String> parts = new ArrayList<>();
        boolean shifted = false;
        for (Map.Entry<PagingIterator.Cursor, List<String>> e : seenBy.entrySet()) {
            List<String> seen = e.getValue();
            List<String> repeated = seen.stream().filter(k -> seen.indexOf(k) != seen.lastIndexOf(k)).distinct().toList();
            shifted |= !repeated.isEmpty() && e.getKey() == PagingIterator.Cursor.OFFSET;
            parts.add("the " + e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " cursor repeated "
                    + (repeated.isEmpty() ? "nothing" : String.join(", ", repeated)) + " and " + (seen.contains(inserted) ? "saw " : "missed ")
                    + inserted);
        }
        return "  Here " + String.join(";\n  ", parts) + (shifted
                ? "\n  (the insert before the offset shifted the last key of a page into the next page)" : "") + ".\n";
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
