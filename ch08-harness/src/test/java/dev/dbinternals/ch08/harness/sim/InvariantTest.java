package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Named invariants checked after every event; the first violation stops the run there (issue 12 §1). */
class InvariantTest {

    /** Counts its own timer ticks, one every millisecond. */
    static final class Ticker implements Node {
        int ticks;

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(Duration.ofMillis(1), "tick");
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            ticks++;
            ctx.setTimer(Duration.ofMillis(1), "tick");
        }
    }

    @Test
    void shouldStopRightAfterTheEventThatBreaksAnInvariant() {
        Simulation sim = new Simulation(9);
        Address a = sim.addNode("A", Ticker::new);
        sim.invariant("fewer than 5 ticks", () -> sim.node(a, Ticker.class).ticks < 5);

        assertThatThrownBy(() -> sim.runFor(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(InvariantViolation.class, v -> {
                    assertThat(v.invariant()).isEqualTo("fewer than 5 ticks");
                    assertThat(v.seed()).isEqualTo(9);
                    assertThat(v.timeNanos()).isEqualTo(5_000_000L); // the fifth tick, at 5 ms
                    assertThat(v).hasMessageContaining("broken at 5.000ms (seed 9");
                });
        List<TraceEvent> events = sim.trace().events();
        assertThat(events.get(events.size() - 1).detail()).isEqualTo("invariant 'fewer than 5 ticks' broken");
        // the event that broke it: the fifth tick (its handler set the next timer, also recorded)
        assertThat(events.subList(events.size() - 3, events.size() - 1)).extracting(TraceEvent::kind)
                .containsExactly(TraceEvent.Kind.TIMER_FIRE, TraceEvent.Kind.TIMER_SET);
        assertThat(sim.nowNanos()).as("the run stopped at the violation, not at 1 s").isEqualTo(5_000_000L);
        assertThat(sim.node(a, Ticker.class).ticks).isEqualTo(5);
    }

    @Test
    void shouldRunToTheEndWhileEveryInvariantHolds() {
        Simulation sim = new Simulation(9);
        Address a = sim.addNode("A", Ticker::new);
        sim.invariant("ticks never go down", () -> sim.node(a, Ticker.class).ticks >= 0);
        sim.runFor(Duration.ofMillis(50));
        assertThat(sim.node(a, Ticker.class).ticks).isEqualTo(50);
    }
}
