package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ties in time resolve the same way unless shuffled, and then by the seed (issue 12 §2). */
class SimultaneousEventsTest {

    /** Who reached B first: A and C each send one frame at time 0 over links with the same fixed delay. */
    private static String firstArrival(long seed, boolean shuffle) {
        Simulation sim = new Simulation(seed);
        sim.shuffleSimultaneousEvents(shuffle);
        Address b = Address.of("B");
        sim.addNode("A", () -> new Nodes.Blaster(b, 1, 4));
        sim.addNode("C", () -> new Nodes.Blaster(b, 1, 4));
        sim.addNode(b, Nodes.Sink::new);
        sim.network().setDefaults(LinkFaults.none().withDelay(Delay.fixed(Duration.ofMillis(1))));
        sim.runFor(Duration.ofMillis(5));
        return sim.trace().ofKind(TraceEvent.Kind.DELIVER).get(0).peer().name();
    }

    @Test
    void shouldResolveTiesOneWayUnlessShuffled() {
        Set<String> plain = new HashSet<>();
        Set<String> shuffled = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            plain.add(firstArrival(seed, false));
            shuffled.add(firstArrival(seed, true));
            assertThat(firstArrival(seed, true)).as("seed %d shuffled twice", seed).isEqualTo(firstArrival(seed, true));
        }
        assertThat(plain).as("first arrival over 20 seeds, ties in scheduling order").hasSize(1);
        assertThat(shuffled).as("first arrival over 20 seeds, ties shuffled").containsExactlyInAnyOrder("A", "C");
    }
}
