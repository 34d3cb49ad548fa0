package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Virtual time never wraps around, and a timer's tag never leaks an identity hash into the trace
 * (issue 12, "Replay and runs that never lie").
 */
class TimeLimitsTest {

    /** Sets one timer {@code delay} ahead when it starts and remembers when it fired. */
    static final class Sleeper implements Node {
        final Duration delay;
        final Supplier<Object> tag;
        final List<Long> fired = new ArrayList<>();

        Sleeper(Duration delay, Supplier<Object> tag) {
            this.delay = delay;
            this.tag = tag;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(delay, tag.get());
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            fired.add(ctx.clock().monotonicNanos());
        }
    }

    @Test
    void shouldNotFireATimerSetCenturiesAheadAtOnce() {
        Simulation sim = new Simulation(1);
        Address a = sim.addNode("A", () -> new Sleeper(Duration.ofDays(365L * 300), () -> "far"));
        sim.runFor(Duration.ofSeconds(1));
        assertThat(sim.node(a, Sleeper.class).fired).as("a timer 300 years ahead, after 1 s").isEmpty();
        assertThat(sim.trace().toText()).contains("timer").doesNotContain("-");
    }

    @Test
    void shouldNeverMoveVirtualTimeBackwards() {
        Simulation sim = new Simulation(1);
        sim.addNode("A", () -> new Sleeper(Duration.ofMillis(5), () -> "beat"));
        sim.runFor(Duration.ofSeconds(1));
        long before = sim.nowNanos();
        sim.runFor(Duration.ofDays(365L * 300)); // longer than Long.MAX_VALUE ns from here
        assertThat(sim.nowNanos()).as("virtual time after a 300-year run").isGreaterThanOrEqualTo(before).isPositive();
        sim.runFor(Duration.ofSeconds(1)); // and on from the end of time: it stays there
        assertThat(sim.nowNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(sim.runUntilQuiet(Duration.ofDays(365L * 400))).isTrue();
    }

    @Test
    void shouldPrintATagWithoutItsOwnToStringTheSameInEveryRun() {
        // new Object() prints as java.lang.Object@<identity hash>: a different hash in every run
        long first = run(Object::new);
        long second = run(Object::new);
        assertThat(second).as("trace hash of the same seed with fresh Object tags").isEqualTo(first);
        Runnable lambda = () -> { };
        assertThat(Simulation.tagText(lambda)).isEqualTo("lambda");
        assertThat(Simulation.tagText(new Object())).isEqualTo("java.lang.Object");
        assertThat(Simulation.tagText("beat")).isEqualTo("beat");
        assertThat(Simulation.tagText(List.of(1, 2))).isEqualTo("[1, 2]");
    }

    private static long run(Supplier<Object> tag) {
        Simulation sim = new Simulation(7);
        sim.addNode("A", () -> new Sleeper(Duration.ofMillis(3), tag));
        sim.runFor(Duration.ofMillis(10));
        return sim.trace().hash();
    }

    @Test
    void shouldSaturateInsteadOfOverflowing() {
        assertThat(Simulation.plus(Long.MAX_VALUE - 5, 10)).isEqualTo(Long.MAX_VALUE);
        assertThat(Simulation.plus(10, 5)).isEqualTo(15);
        assertThat(Simulation.plus(Long.MIN_VALUE + 5, -10)).isEqualTo(Long.MIN_VALUE);
        assertThat(Simulation.nanos(Duration.ofDays(365L * 1000))).isEqualTo(Long.MAX_VALUE);
        assertThat(Simulation.nanos(Duration.ofMillis(2))).isEqualTo(2_000_000L);
    }
}
