package dev.dbinternals.ch08.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/** Local and remote execution (로컬 실행과 원격 실행): the same iterator over a local map and over UDP. */
class PagingIteratorTest {

    private static ConcurrentSkipListMap<String, String> dataset(int n) {
        ConcurrentSkipListMap<String, String> m = new ConcurrentSkipListMap<>();
        for (int i = 0; i < n; i++) {
            m.put(String.format("k%03d", i), "v" + i);
        }
        return m;
    }

    private static List<String> keys(PagingIterator it, int limit) {
        List<String> out = new ArrayList<>();
        while (out.size() < limit && it.hasNext()) {
            out.add(it.next().getKey());
        }
        return out;
    }

    @Test
    void shouldReturnTheSameElementsLocallyAndRemotelyButPayOneRoundTripPerPage() throws Exception {
        ConcurrentSkipListMap<String, String> data = dataset(250);
        try (UdpPageServer server = new UdpPageServer(data);
             RemotePageSource remote = new RemotePageSource(server.address(), Duration.ofSeconds(2), 3)) {
            List<String> local = keys(new PagingIterator(new LocalPageSource(data), 50, PagingIterator.Cursor.KEY), 1000);
            PagingIterator it = new PagingIterator(remote, 50, PagingIterator.Cursor.KEY);
            List<String> viaNetwork = keys(it, 1000);
            assertThat(viaNetwork).isEqualTo(local).hasSize(250);
            assertThat(remote.roundTrips()).as("250 elements in pages of 50").isEqualTo(5);
            assertThat(remote.bytesReceived()).as("every element serialised and sent").isGreaterThan(250 * 8);
        }
    }

    @Test
    void shouldRecoverFromALostPageRequestByAskingAgain() throws Exception {
        ConcurrentSkipListMap<String, String> data = dataset(100);
        try (UdpPageServer server = new UdpPageServer(data);
             RemotePageSource remote = new RemotePageSource(server.address(), Duration.ofMillis(200), 5)) {
            PagingIterator it = new PagingIterator(remote, 10, PagingIterator.Cursor.KEY);
            keys(it, 10);
            server.dropNextRequests(1); // the request for the second page is lost
            List<String> rest = keys(it, 1000);
            assertThat(rest).hasSize(90).startsWith("k010");
            // at least the one timeout we caused (a very slow machine may add its own), then the same request again
            assertThat(remote.timeouts()).as("timeouts").isGreaterThanOrEqualTo(1);
            assertThat(remote.requestsSent()).as("every timeout cost one extra request").isEqualTo(remote.roundTrips() + remote.timeouts());
            assertThat(server.dropped()).as("the server ignored exactly the one request").isEqualTo(1);
        }
    }

    @Test
    void shouldMissAnInsertBehindAKeyCursorAndRepeatAnElementWithAnOffsetCursor() {
        // given 100 keys, and an insert before the cursor after the first page of 10
        for (PagingIterator.Cursor cursor : PagingIterator.Cursor.values()) {
            ConcurrentSkipListMap<String, String> data = dataset(100);
            PagingIterator it = new PagingIterator(new LocalPageSource(data), 10, cursor);
            List<String> seen = new ArrayList<>(keys(it, 10));
            data.put("k000a", "inserted"); // lands before everything already seen
            seen.addAll(keys(it, 1000));
            if (cursor == PagingIterator.Cursor.KEY) {
                assertThat(seen).as("key cursor: no repeats, but the new key behind it is never seen")
                        .doesNotContain("k000a").doesNotHaveDuplicates().hasSize(100);
            } else {
                assertThat(seen).as("offset cursor: everything shifted by one, so k009 comes twice")
                        .hasSize(101).filteredOn("k009"::equals).hasSize(2);
            }
        }
    }

    @Test
    void shouldBehaveLikeAnIteratorOverAnEmptyDataset() {
        PagingIterator it = new PagingIterator(new LocalPageSource(new ConcurrentSkipListMap<>()), 10, PagingIterator.Cursor.KEY);
        assertThat(it.hasNext()).isFalse();
    }
}
