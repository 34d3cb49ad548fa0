package dev.dbinternals.ch08.links.remote;

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
    void shouldIterateARemoteDatasetThroughThePerfectLinkOverUdpWithOneRoundTripPerPage() {
        // given the same map served over a perfect link on loopback UDP
        ConcurrentSkipListMap<String, String> data = dataset(250);
        try (LinkPageSource remote = new LinkPageSource(data, LinkPageSource.DEMO_LINK, 0, 1)) {
            // when the same iterator runs over it
            List<String> local = keys(new PagingIterator(new LocalPageSource(data), 50, PagingIterator.Cursor.KEY), 1000);
            List<String> viaLink = keys(new PagingIterator(remote, 50, PagingIterator.Cursor.KEY), 1000);
            // then it returns the same elements, one page per round trip of the link
            assertThat(viaLink).as("the same keys over the link as locally").isEqualTo(local).hasSize(250);
            assertThat(remote.pages()).as("250 elements in pages of 50: 5 round trips").isEqualTo(5);
            assertThat(remote.bytesOnWire()).as("every element serialised and sent, plus frames and acks").isGreaterThan(250 * 8);
        }
    }

    @Test
    void shouldHaveTheLinkResendALostPageRequestWhileTheIteratorOnlyWaits() {
        // given an iteration over the link that has read its first page
        ConcurrentSkipListMap<String, String> data = dataset(100);
        try (LinkPageSource remote = new LinkPageSource(data, LinkPageSource.DEMO_LINK, 0, 1)) {
            PagingIterator it = new PagingIterator(remote, 10, PagingIterator.Cursor.KEY);
            keys(it, 10);
            // when the request for the second page is lost on the wire
            remote.dropNextRequest();
            List<String> rest = keys(it, 1000);
            // then the link resent it and the iterator saw every remaining key once, in order
            assertThat(rest).as("the 90 keys after the first page, in order").hasSize(90).startsWith("k010").isSorted();
            assertThat(remote.dropped()).as("exactly the one scripted loss").isEqualTo(1);
            assertThat(remote.retransmissions()).as("the link resent the lost request").isGreaterThanOrEqualTo(1);
            assertThat(remote.pages()).as("10 pages, none fetched twice").isEqualTo(10);
        }
    }

    @Test
    void shouldIterateEveryKeyOnceInOrderOverALossyLink() {
        // given a perfect link over UDP where each side drops 20 % of its datagrams
        ConcurrentSkipListMap<String, String> data = dataset(300);
        try (LinkPageSource remote = new LinkPageSource(data, LinkPageSource.DEMO_LINK.withRetransmitTimeout(Duration.ofMillis(5)), 0.2, 7)) {
            // when the iterator reads everything
            List<String> keys = keys(new PagingIterator(remote, 20, PagingIterator.Cursor.KEY), 1000);
            // then nothing is lost, repeated or reordered
            assertThat(keys).as("every key once, in order, despite the loss").isEqualTo(new ArrayList<>(data.keySet()));
            assertThat(remote.dropped()).as("datagrams dropped on purpose").isPositive();
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
