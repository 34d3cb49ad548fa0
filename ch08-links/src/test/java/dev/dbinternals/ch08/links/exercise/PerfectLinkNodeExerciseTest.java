package dev.dbinternals.ch08.links.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.CheckResult;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-8. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-8--*}): dedup that keeps only the highest number seen, so a message
 * overtaken by a later one is dropped ({@code --max-only}); taking an ack of message n as an ack
 * of everything up to n ({@code --ack-as-cumulative}); acknowledging only the first copy, so a
 * lost ack is never repaired ({@code --ack-first-copy-only}); delivering on arrival, out of order
 * ({@code --no-reorder}); a dedup set that remembers every number forever
 * ({@code --unbounded-dedup}); delegating to the main {@code PerfectLink}, which speaks another
 * wire format ({@code --delegate}), or tunnelling its frames inside {@code Data} records, whose
 * payloads are then not the application's messages ({@code --tunnel}).
 */
@Tag("exercise")
@DisplayName("links-8: a perfect link with n_consecutive, as a node")
class PerfectLinkNodeExerciseTest {

    static final Address A = Address.of("A");
    static final Address B = Address.of("B");
    static final Address C = Address.of("C");
    static final Codec WIRE = Codec.builder().register(1, PerfectLinkNode.Data.class)
            .register(2, PerfectLinkNode.Ack.class).withChecksum().build();

    /** One run: A and C send to B, B sends to A, at seeded times over a faulty network; then every property. */
    static void run(long seed, LinkFaults faults) {
        Random r = new Random(seed);
        Map<Address, List<AppNode.Planned>> plans = new TreeMap<>();
        plans.put(A, plan(r, B, "a", 10));
        plans.put(C, plan(r, B, "c", 10));
        plans.put(B, plan(r, A, "b", 5));
        Simulation sim = new Simulation(seed);
        List<LinkEvent> history = new ArrayList<>();
        List<String> badFrames = new ArrayList<>();
        for (Address self : List.of(A, B, C)) {
            sim.addNode(self, () -> {
                PerfectLinkNode link = new PerfectLinkNode((ctx, from, p) -> AppNode.delivered(sim, history, ctx, from, p));
                return new AppNode(sim, link, link::send, plans.get(self), WIRE,
                        f -> f instanceof PerfectLinkNode.Data d ? d.payload() : null, history, badFrames);
            });
        }
        sim.network().setDefaults(faults);
        long sends = plans.values().stream().mapToLong(List::size).sum();
        boolean allDelivered = sim.runUntil(() -> history.stream().filter(e -> e.kind() == LinkEvent.Kind.DELIVER).count() >= sends,
                Duration.ofSeconds(20));
        boolean quiet = sim.runUntilQuiet(Duration.ofSeconds(20));

        assertThat(badFrames).as("frames on the wire must be PerfectLinkNode records encoded with its CODEC, a Data carrying a payload its sender was asked to send").isEmpty();
        for (CheckResult c : LinkChecks.perfectLinkSafety(history)) {
            assertThat(c.holds()).as("%s", c).isTrue();
        }
        CheckResult reliable = LinkChecks.reliableDelivery(history);
        assertThat(reliable.holds()).as("after %s ms of simulated time: %s", sim.now().toMillis(), reliable).isTrue();
        assertThat(allDelivered).as("every message delivered").isTrue();
        assertThat(quiet).as("20 s after every message was delivered, the nodes still send or keep timers: a sender must stop once its messages are acknowledged").isTrue();
        for (Address self : List.of(A, B, C)) {
            PerfectLinkNode node = sim.node(self, AppNode.class).link(PerfectLinkNode.class);
            assertThat(node.unacknowledged()).as("%s still keeps %d sent message(s) after everything was delivered and the run went quiet",
                    self, node.unacknowledged()).isZero();
        }
        PerfectLinkNode b = sim.node(B, AppNode.class).link(PerfectLinkNode.class);
        for (Address sender : List.of(A, C)) {
            long sent = plans.get(sender).size();
            assertThat(b.nConsecutive(sender)).as("B's n_consecutive for %s, once all %d of its messages arrived", sender, sent).isEqualTo(sent);
            assertThat(b.keptAbove(sender)).as("numbers from %s that B keeps one by one above n_consecutive, once every message arrived "
                    + "(memory must not grow with the messages received)", sender).isZero();
        }
    }

    private static List<AppNode.Planned> plan(Random r, Address to, String prefix, int n) {
        List<AppNode.Planned> p = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            p.add(new AppNode.Planned(Duration.ofMillis(r.nextInt(150)), to, prefix + i));
        }
        return p;
    }

    @Test
    void shouldGiveEveryPropertyOverAReliableNetwork() {
        Seeds.check("perfect link, no faults", 1, seed -> run(seed, LinkFaults.none()));
    }

    @Test
    void shouldGiveEveryPropertyDespiteLossDuplicationAndReordering() {
        Seeds.check("perfect link, 25% loss, 15% duplication, delay 1-25 ms", 1000, seed -> run(seed,
                LinkFaults.none().withLoss(0.25).withDuplication(0.15)
                        .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(25)))));
    }
}
