package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bounded trace keeps the last events and still hashes all of them (issue 12 §4). */
class BoundedTraceTest {

    private static Simulation run(int keepLast) {
        Simulation sim = new Simulation(3);
        if (keepLast > 0) {
            sim.trace().keepLast(keepLast);
        }
        sim.addNode("A", () -> new Nodes.Gossip(1));
        sim.addNode("B", () -> new Nodes.Gossip(2));
        sim.runFor(Duration.ofMillis(20));
        return sim;
    }

    @Test
    void shouldKeepTheLastEventsAndHashThemAll() {
        Simulation full = run(0);
        Simulation bounded = run(2);
        int n = full.trace().size();
        assertThat(n).as("events of the full run").isGreaterThan(4);
        assertThat(bounded.trace().size()).isBetween(2, 3);
        assertThat(bounded.trace().forgotten()).isEqualTo(n - bounded.trace().size());
        assertThat(bounded.trace().events().stream().map(Object::toString).toList())
                .isEqualTo(full.trace().events().subList(n - bounded.trace().size(), n).stream().map(Object::toString).toList());
        assertThat(bounded.trace().hash()).as("hash over every event, forgotten ones too").isEqualTo(full.trace().hash());
        assertThat(full.trace().forgotten()).isZero();
    }

    @Test
    void shouldRejectAnEmptyBound() {
        assertThatThrownBy(() -> new Simulation(1).trace().keepLast(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
