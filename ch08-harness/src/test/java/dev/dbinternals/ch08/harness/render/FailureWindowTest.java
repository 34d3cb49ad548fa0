package dev.dbinternals.ch08.harness.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A long run that fails late: its diagrams must show the failing event and say which part of the
 * run they show. The run is two nodes passing a counter back and forth until an invariant breaks
 * after {@link #LIMIT} deliveries, thousands of events past what a diagram draws.
 */
class FailureWindowTest {

    private static final int LIMIT = 2_500;
    private static final Predicate<TraceEvent> NO_TIMERS = e -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_CANCEL;

    /** Sends the number it got plus one back to whoever sent it. */
    static final class Relay implements Node {
        final Address first;
        int delivered;

        Relay(Address first) {
            this.first = first;
        }

        @Override
        public void onStart(Context ctx) {
            if (first != null) {
                ctx.send(first, "0".getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            delivered++;
            long n = Long.parseLong(new String(message, StandardCharsets.UTF_8));
            ctx.send(from, Long.toString(n + 1).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The two relays, with the invariant that breaks late. */
    private static Simulation build(long seed) {
        Simulation sim = new Simulation(seed);
        sim.addNode("A", () -> new Relay(Address.of("B")));
        sim.addNode("B", () -> new Relay(null));
        sim.invariant("fewer than " + LIMIT + " deliveries at B", () -> sim.node(Address.of("B"), Relay.class).delivered < LIMIT);
        return sim;
    }

    /** Runs until the invariant breaks; returns the simulation (its trace ends at the violation). */
    private static Simulation runUntilItBreaks(long seed) {
        Simulation sim = build(seed);
        assertThatThrownBy(() -> sim.runFor(Duration.ofHours(1))).hasMessageContaining("fewer than");
        return sim;
    }

    @Test
    void shouldDrawTheEndOfALongRunUpToTheBrokenInvariantAndSaySo() {
        Simulation sim = runUntilItBreaks(1);
        Trace trace = sim.trace();
        TraceEvent last = trace.events().get(trace.size() - 1);
        assertThat(last.detail()).as("the run stops at the violation, with a note naming it").contains("broken");
        assertThat(trace.size()).as("long enough to be cut").isGreaterThan(3 * SpaceTime.MAX_EVENTS);

        SpaceTime.Model end = SpaceTime.model(trace, NO_TIMERS, Window.END);
        assertThat(end.items().get(end.items().size() - 1).e()).as("the last event drawn is the failing one").isSameAs(last);
        String total = String.format(java.util.Locale.ROOT, "%,d", trace.size());
        assertThat(end.range()).contains("of " + total).contains("the end of the run").contains("–" + total + " ");
        SpaceTime.Model start = SpaceTime.model(trace, NO_TIMERS, Window.START);
        assertThat(start.items().stream().map(SpaceTime.Item::e)).as("the old behaviour: the start only").doesNotContain(last);
        assertThat(start.range()).startsWith("Shown: events 1–").contains("the later ones are in the text trace");
        assertThat(SpaceTime.html(trace, NO_TIMERS, "t", Window.END)).contains("broken").contains("\"range\":");

        String mermaid = Mermaid.sequenceDiagram(trace, Window.END);
        assertThat(mermaid).contains(Mermaid.escape(last.detail())).contains(Mermaid.escape("of " + total));
        assertThat(Mermaid.sequenceDiagram(trace)).doesNotContain(Mermaid.escape(last.detail()));
    }

    @Test
    void shouldNameTheWholeRunsNumbersWhenABoundedTraceForgotItsStart() {
        Simulation sim = new Simulation(2);
        sim.trace().keepLast(100);
        sim.addNode("A", () -> new Relay(Address.of("B")));
        sim.addNode("B", () -> new Relay(null));
        sim.runFor(Duration.ofSeconds(1));
        Trace trace = sim.trace();
        long total = trace.forgotten() + trace.size();
        assertThat(trace.forgotten()).isPositive();
        String range = SpaceTime.model(trace, e -> true, Window.END).range();
        assertThat(range).as("numbered in the whole run, and honest about the forgotten start")
                .contains("of " + String.format(java.util.Locale.ROOT, "%,d", total)).contains("were not kept (Trace.keepLast)");
        // a bounded trace longer than a diagram: the text trace holds some earlier events, not all of them
        assertThat(Window.END.describe(4_001, 7_000, 7_000, 2_000))
                .isEqualTo("Shown: events 4,001–7,000 of 7,000, the end of the run, up to where it stopped;"
                        + " the earlier ones are in the text trace. The first 2,000 were not kept (Trace.keepLast).");
    }

    @Test
    void shouldWriteTheFailingEventIntoTheDiagramsOfAFailedSeed() throws Exception {
        assertThatThrownBy(() -> Seeds.check("late failure", 1, seed -> build(seed).runFor(Duration.ofHours(1))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("late-failure-seed-1.html");
        Path mmd = Path.of("target", "ch08-failures", "late-failure-seed-1.mmd");
        String text = Files.readString(mmd, StandardCharsets.UTF_8);
        assertThat(text).contains(Mermaid.escape("invariant 'fewer than " + LIMIT + " deliveries at B' broken"))
                .contains(Mermaid.escape("the end of the run"));
        assertThat(Files.readString(Path.of("target", "ch08-failures", "late-failure-seed-1.html"), StandardCharsets.UTF_8))
                .contains("fewer than " + LIMIT + " deliveries at B");
        assertThat(List.of(text.split("\n"))).hasSizeLessThan(Mermaid.MAX_LINES + 20);
    }
}
