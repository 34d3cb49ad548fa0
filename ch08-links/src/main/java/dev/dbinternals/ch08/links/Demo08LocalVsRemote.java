package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
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
        DemoArgs args = DemoArgs.forDemo("local-remote", "Iterating a local collection vs a remote dataset through a paging iterator",
                        "페이징 반복자로 로컬 컬렉션과 원격 데이터셋을 순회해 비교한다")
                .intOption("elements", 20_000, 10, 1_000_000, "elements in the dataset (at most 5000 with --quick)",
                        "데이터셋의 원소 수 (--quick이면 최대 5000)")
                .intOption("page", 100, 1, 5_000, "elements per page", "페이지당 원소 수").writesNoFiles().parse(argv);
        int n = args.intValue("elements");
        int page = args.intValue("page");
        if (args.quick()) {
            n = Math.min(n, 5_000);
        }
        ConcurrentSkipListMap<String, String> data = new ConcurrentSkipListMap<>();
        for (int i = 0; i < n; i++) {
            data.put(String.format("key-%07d", i), "value-" + i);
        }
        DemoArgs.heading(System.out, t("Demo 08 · local vs remote execution (로컬 실행과 원격 실행)", "데모 08 · 로컬 실행과 원격 실행(local and remote execution)"));
        System.out.printf(t("%d entries of ~24 bytes, page size %d. The same PagingIterator (an ordinary java.util.Iterator) four ways:%n",
                "약 24바이트 항목 %d개, 페이지 크기 %d. 같은 PagingIterator(평범한 java.util.Iterator)를 네 가지로 쓴다:%n"), n, page);
        System.out.println(t("  map          the map's own iterator (no paging)", "  map          맵 자체의 반복자 (페이징 없음)"));
        System.out.println(t("  local        PagingIterator over LocalPageSource: pages read from the map in this process",
                "  local        LocalPageSource 위의 PagingIterator: 이 프로세스 안의 맵에서 페이지를 읽는다"));
        System.out.println(t("  remote/link  PagingIterator over LinkPageSource: each page is one request and one reply message of a",
                "  remote/link  LinkPageSource 위의 PagingIterator: 페이지마다 127.0.0.1의 UDP 위 퍼펙트 링크로 요청 메시지"));
        System.out.println(t("               perfect link over UDP on 127.0.0.1 (a second event loop serves the map; acks, sequence numbers,",
                "               하나와 응답 메시지 하나 (두 번째 이벤트 루프가 맵을 제공하고, 확인 응답, 시퀀스 번호,"));
        System.out.println(t("               CRC32C and retransmission come from the link)", "               CRC32C, 재전송은 링크가 맡는다)"));
        System.out.println(t("  remote/bare  PagingIterator over RemotePageSource: one bare request datagram and one reply datagram per page,",
                "  remote/bare  RemotePageSource 위의 PagingIterator: 페이지마다 맨 요청 데이터그램 하나와 응답 데이터그램 하나,"));
        System.out.println(t("               with its own timeout and retry (no link underneath), for comparison",
                "               자체 타임아웃과 재시도 (아래에 링크 없음), 비교용"));
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
            // padded by terminal columns, not characters; the bytes column widens to fit its Korean header (15 columns)
            // with a space to spare, as the English one has, so the header does not run into 왕복
            String bytesHeader = t("bytes on wire", "네트워크 바이트");
            int bytesWidth = Math.max(14, Columns.width(bytesHeader) + 1);
            System.out.printf("%n  %-12s %s %s %s %s%n", "", Columns.right(t("elements", "원소"), 10), Columns.right(t("round trips", "왕복"), 12),
                    Columns.right(bytesHeader, bytesWidth), Columns.right(t("time/element", "원소당 시간"), 16));
            String row = "  %-12s %10d %12d %" + bytesWidth + "d %13.0f ns%n";
            System.out.printf(row, "map", plainCount, 0, 0, (double) plainTime / plainCount);
            System.out.printf(row, "local", localCount, 0, 0, (double) local / localCount);
            System.out.printf(row, "remote/link", linkCount, linkPages, linkBytes, (double) linkTime / linkCount);
            System.out.printf(row, "remote/bare", bareCount, bare.roundTrips() - rt0,
                    bare.bytesReceived() + bare.bytesSent() - bareBytes0, (double) bareTime / bareCount);
            System.out.printf(t("  remote/link vs local: %.0fx the time per element, with the same code calling the same Iterator methods.%n",
                    "  remote/link 대 local: 원소당 시간 %.0f배, 같은 코드가 같은 Iterator 메서드를 부르는데도.%n"),
                    (double) linkTime / local);
            System.out.println(t("  (bytes on wire: link frames with their headers, checksums and acks; for bare UDP, the two datagrams' payloads)",
                    "  (네트워크 바이트: 링크는 헤더, 체크섬, 확인 응답을 포함한 프레임, 맨 UDP는 두 데이터그램의 페이로드)"));

            DemoArgs.heading(System.out, t("A lost page request, over the link", "링크 위에서 잃어버린 페이지 요청"));
            PagingIterator it = new PagingIterator(overLink, page, PagingIterator.Cursor.KEY);
            take(it, page);
            long retx0 = overLink.retransmissions();
            overLink.dropNextRequest();
            t0 = System.nanoTime();
            take(it, 1);
            System.out.printf(t("  the request for page 2 was dropped on its way out; next() blocked %.0f ms: the link resent it%n",
                    "  페이지 2 요청이 나가는 길에 버려졌다. next()가 %.0f ms 동안 멈췄다: 링크가%n"),
                    (System.nanoTime() - t0) / 1e6);
            System.out.printf(t("  after its retransmission timeout (now %d ms; %d retransmission) and the iterator went on as if nothing happened.%n",
                    "  재전송 타임아웃(지금 %d ms, 재전송 %d번)이 지난 뒤 요청을 다시 보냈고, 반복자는 아무 일 없었던 듯 계속했다.%n"),
                    overLink.retransmitTimeout().toMillis(), overLink.retransmissions() - retx0);
            System.out.println(t("  The perfect link never delivers a request twice while neither end restarts. Its dedup state",
                    "  어느 쪽도 재시작하지 않는 동안 퍼펙트 링크는 요청을 두 번 전달하지 않는다. 중복 제거 상태"));
            System.out.println(t("  (n_processed) lives in memory, so after a server restart a retransmitted request can be delivered and",
                    "  (n_processed)가 메모리에 있으므로, 서버가 재시작하면 재전송된 요청이 다시 전달되어"));
            System.out.println(t("  executed again (PerfectLinkCrashRecoveryTest counts such redeliveries). A non-idempotent call still needs",
                    "  다시 실행될 수 있다 (PerfectLinkCrashRecoveryTest가 이런 재전달을 센다). 멱등이 아닌 호출에는 여전히"));
            System.out.println(t("  durable dedup (Demo 06) or an idempotency key (Demo 07). The bare version just asks again, which is safe",
                    "  영속적인 중복 제거(데모 06)나 멱등 키(데모 07)가 필요하다. 맨 버전은 그냥 다시 묻는데, 이것이 안전한 것은"));
            System.out.println(t("  only because reads are idempotent.", "  읽기가 멱등이기 때문일 뿐이다."));
        }
        int lossy = Math.min(n, args.quick() ? 2_000 : 5_000);
        ConcurrentSkipListMap<String, String> small = new ConcurrentSkipListMap<>(data.headMap(String.format("key-%07d", lossy)));
        DemoArgs.heading(System.out, t("Random loss on the link: 10 % of the datagrams each way", "링크의 무작위 손실: 방향마다 데이터그램의 10 %"));
        try (LinkPageSource lossyLink = new LinkPageSource(small, LINK, 0.1, args.seed())) {
            long t0 = System.nanoTime();
            List<String> keys = take(new PagingIterator(lossyLink, page, PagingIterator.Cursor.KEY), Integer.MAX_VALUE);
            long time = System.nanoTime() - t0;
            boolean exact = keys.equals(new ArrayList<>(small.keySet()));
            System.out.printf(t("  %d elements in %d pages, %.0f ns per element; %d datagrams dropped, %d retransmissions;%n",
                    "  원소 %d개, 페이지 %d개, 원소당 %.0f ns. 버려진 데이터그램 %d개, 재전송 %d번.%n"),
                    keys.size(), lossyLink.pages(), (double) time / keys.size(), lossyLink.dropped(), lossyLink.retransmissions());
            System.out.printf(t("  every key once and in order: %s. Each loss costs a retransmission timeout, not a page.%n",
                    "  모든 키가 한 번씩 순서대로: %s. 손실마다 재전송 타임아웃만큼 늦어질 뿐 페이지를 잃지는 않는다.%n"),
                    exact ? t("yes", "예") : t("NO", "아니오"));
        }

        DemoArgs.heading(System.out, t("In the simulator, over the perfect link: 1 ms round trip, exact virtual time",
                "시뮬레이터에서 퍼펙트 링크 위로: 왕복 1 ms, 정확한 가상 시간"));
        // padded by terminal columns, not characters; the page-size column widens to fit its Korean header (11 columns)
        // with a space to spare, as the English one has, so the header does not run into 손실
        String pageSizeHeader = t("page size", "페이지 크기");
        int pageSizeWidth = Math.max(10, Columns.width(pageSizeHeader) + 1);
        System.out.printf("  %s %s %s %s %s %s%n", Columns.left(pageSizeHeader, pageSizeWidth), Columns.left(t("loss", "손실"), 6),
                Columns.right(t("pages", "페이지"), 8), Columns.right(t("bytes", "바이트"), 12), Columns.right(t("requests sent", "보낸 요청"), 14),
                Columns.right(t("time/element", "원소당 시간"), 16));
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
                System.out.printf("  %-" + pageSizeWidth + "d %-6s %8d %12d %14d %13.1f us%n", ps, (int) (loss * 100) + "%", client.pages(), client.bytes(),
                        client.requestTransmissions(), client.elapsedNanos() / 1e3 / client.keys().size());
            }
        }
        System.out.println(t("  10,000 entries (PagingOverLink: the same request and reply messages between two simulated nodes).",
                "  항목 10,000개 (PagingOverLink: 시뮬레이션한 두 노드 사이의 같은 요청, 응답 메시지)."));
        System.out.println(t("  Every page costs a 1 ms round trip, so time per element is ~RTT / page size; a lost request or page adds",
                "  페이지마다 왕복 1 ms가 들므로 원소당 시간은 약 RTT / 페이지 크기다. 요청이나 페이지를 잃으면"));
        System.out.println(t("  a retransmission timeout (5 ms here). bytes = request and page messages; requests sent = the client's data frames.",
                "  재전송 타임아웃(여기서는 5 ms)이 더해진다. 바이트 = 요청과 페이지 메시지, 보낸 요청 = 클라이언트의 데이터 프레임."));

        DemoArgs.heading(System.out, t("Data changing between pages, over the link", "링크 위에서 페이지 사이에 데이터가 바뀐다"));
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
                System.out.printf(t("  %-6s cursor: after page 1, insert k00a (before the cursor) and delete k15 -> saw %d keys, "
                        + "%d repeated, k00a %s, k15 %s%n",
                        "  %-6s 커서: 페이지 1 뒤에 k00a를 (커서 앞에) 넣고 k15를 지운다 -> 본 키 %d개, "
                        + "반복 %d개, k00a %s, k15 %s%n"), cursor, seen.size(), dups,
                        seen.contains("k00a") ? t("seen", "봄") : t("missed", "놓침"),
                        seen.contains("k15") ? t("seen", "봄") : t("not seen", "못 봄"));
            }
        }
        System.out.println(t("  A remote iteration is not a snapshot: each page sees the data as it is when that page is read.",
                "  원격 순회는 스냅숏이 아니다: 각 페이지는 그 페이지를 읽는 순간의 데이터를 본다."));
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
            String cursor = e.getKey().name().toLowerCase(java.util.Locale.ROOT);
            parts.add(t("the " + cursor + " cursor repeated "
                    + (repeated.isEmpty() ? "nothing" : String.join(", ", repeated)) + " and " + (seen.contains(inserted) ? "saw " : "missed ")
                    + inserted,
                    cursor + " 커서는 " + (repeated.isEmpty() ? "아무것도 반복하지 않았고" : String.join(", ", repeated) + " 키를 반복했고")
                    + " " + inserted + (seen.contains(inserted) ? " 키를 봤다" : " 키를 놓쳤다")));
        }
        return t("  Here ", "  여기서 ") + String.join(t(";\n  ", ".\n  "), parts) + (shifted
                ? t("\n  (the insert before the offset shifted the last key of a page into the next page)",
                        "\n  (오프셋 앞의 삽입이 한 페이지의 마지막 키를 다음 페이지로 밀어냈다)") : "") + ".\n";
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
