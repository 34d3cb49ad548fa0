package dev.dbinternals.ch08.links.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Remote iteration over the perfect link in the simulator (로컬 실행과 원격 실행). */
class PagingOverLinkTest {

    private static final WindowedPerfectLink.Config CFG = WindowedPerfectLink.Config.defaults().withWindow(4).withRetransmitTimeout(Duration.ofMillis(5));

    private static TreeMap<String, String> data(int n) {
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put(String.format("k%04d", i), "v" + i);
        }
        return m;
    }

    @Test
    void shouldPayOneRoundTripPerPageSoLatencyPerElementIsRttOverPageSize() {
        // given 1,000 entries behind a 1 ms round trip (0.5 ms each way), no loss
        for (int pageSize : new int[] {10, 100}) {
            Simulation sim = new Simulation(1);
            sim.setHandlerTime(Duration.ZERO);
            sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofNanos(500_000)));
            Address s = sim.addNode("server", () -> new PagingOverLink.Server(data(1000), CFG));
            Address c = sim.addNode("client", () -> new PagingOverLink.Client(s, pageSize, CFG));
            // when the client iterates everything
            PagingOverLink.Client client = sim.node(c, PagingOverLink.Client.class);
            assertThat(sim.runUntil(client::done, Duration.ofSeconds(10))).isTrue();
            // then one round trip per page, and the elapsed time is pages x RTT
            assertThat(client.keys()).hasSize(1000).isSorted();
            assertThat(client.pages()).as("pages of %d", pageSize).isEqualTo(1000 / pageSize + (1000 % pageSize == 0 ? 0 : 1));
            assertThat(client.elapsedNanos()).as("one 1 ms round trip per page").isEqualTo(client.pages() * 1_000_000L);
        }
    }

    @Test
    void shouldFinishTheIterationDespiteLostRequestsAndReplies() {
        Seeds.check("paging over a lossy link", 200, seed -> {
            Simulation sim = new Simulation(seed);
            sim.setHandlerTime(Duration.ZERO);
            sim.network().setDefaults(LinkFaults.none().withLoss(0.3).withDuplication(0.1).withDelay(Duration.ofNanos(500_000)));
            Address s = sim.addNode("server", () -> new PagingOverLink.Server(data(300), CFG));
            Address c = sim.addNode("client", () -> new PagingOverLink.Client(s, 25, CFG));
            PagingOverLink.Client client = sim.node(c, PagingOverLink.Client.class);
            assertThat(sim.runUntil(client::done, Duration.ofSeconds(30))).as("iteration finished").isTrue();
            assertThat(client.keys()).as("every key once, in order").hasSize(300).isSorted().doesNotHaveDuplicates();
            assertThat(client.pages()).isEqualTo(12);
        });
    }

    @Test
    void shouldMissAnEntryInsertedBehindTheCursorBetweenPages() {
        // given an iteration in pages of 10, and an insert before the cursor after the first page
        Simulation sim = new Simulation(1);
        sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofNanos(500_000)));
        Address s = sim.addNode("server", () -> new PagingOverLink.Server(data(50), CFG));
        Address c = sim.addNode("client", () -> new PagingOverLink.Client(s, 10, CFG));
        PagingOverLink.Client client = sim.node(c, PagingOverLink.Client.class);
        sim.runUntil(() -> client.pages() == 1, Duration.ofSeconds(1));
        sim.node(s, PagingOverLink.Server.class).data().put("k0000a", "late");
        sim.node(s, PagingOverLink.Server.class).data().put("k0049a", "late too");
        // when it finishes
        sim.runUntil(client::done, Duration.ofSeconds(10));
        // then it saw the insert ahead of the cursor but not the one behind it: not a snapshot
        List<String> keys = client.keys();
        assertThat(keys).contains("k0049a").doesNotContain("k0000a").hasSize(51);
    }
}
