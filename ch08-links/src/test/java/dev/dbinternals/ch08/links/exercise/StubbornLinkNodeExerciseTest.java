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
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-7. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-7--*}): retransmitting a fixed number of times ({@code --few-tries});
 * delivering only the first copy, as if a stubborn link deduplicated ({@code --deliver-once});
 * retransmitting only the newest message ({@code --newest-only}); delegating to the main
 * {@code StubbornLink}, which speaks another wire format ({@code --delegate}).
 */
@Tag("exercise")
@DisplayName("links-7: a stubborn link, as a node")
class StubbornLinkNodeExerciseTest {

    static final Address A = Address.of("A");
    static final Address B = Address.of("B");
    static final Duration RUN = Duration.ofMillis(600);
    static final Duration LAST = Duration.ofMillis(200);
    static final Codec WIRE = Codec.builder().register(1, StubbornLinkNode.Data.class).withChecksum().build();

    /** One run: A and B send each other a few messages at seeded times over a faulty network. */
    static void run(long seed, LinkFaults faults) {
        Random r = new Random(seed);
        List<AppNode.Planned> fromA = new ArrayList<>();
        List<AppNode.Planned> fromB = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            fromA.add(new AppNode.Planned(Duration.ofMillis(r.nextInt(100)), B, "a" + i));
        }
        for (int i = 1; i <= 2; i++) {
            fromB.add(new AppNode.Planned(Duration.ofMillis(r.nextInt(100)), A, "b" + i));
        }
        Simulation sim = new Simulation(seed);
        List<LinkEvent> history = new ArrayList<>();
        List<String> badFrames = new ArrayList<>();
        for (Address self : List.of(A, B)) {
            sim.addNode(self, () -> {
                StubbornLinkNode link = new StubbornLinkNode((ctx, from, p) -> AppNode.delivered(sim, history, ctx, from, p));
                return new AppNode(sim, link, link::send, self.equals(A) ? fromA : fromB, WIRE,
                        f -> f instanceof StubbornLinkNode.Data d ? d.payload() : null, history, badFrames);
            });
        }
        sim.network().setDefaults(faults);
        sim.runFor(RUN);

        assertThat(badFrames).as("frames on the wire must be StubbornLinkNode.Data encoded with its CODEC, each carrying a payload its sender was asked to send").isEmpty();
        CheckResult noCreation = LinkChecks.noCreation(history);
        assertThat(noCreation.holds()).as("%s", noCreation).isTrue();
        long lastWindow = RUN.minus(LAST).toNanos();
        for (LinkEvent sent : history.stream().filter(e -> e.kind() == LinkEvent.Kind.SEND).toList()) {
            List<LinkEvent> deliveries = history.stream().filter(e -> e.kind() == LinkEvent.Kind.DELIVER
                    && e.from().equals(sent.from()) && e.to().equals(sent.to()) && e.message().equals(sent.message())).toList();
            long late = deliveries.stream().filter(e -> e.timeNanos() >= lastWindow).count();
            assertThat(late).as("stubborn delivery: '%s', sent once by %s to %s at %d ms, was delivered %d time(s) in all "
                            + "and never in the last %d ms of the %d ms run (a stubborn link delivers it infinitely often)",
                    sent.message(), sent.from(), sent.to(), sent.timeNanos() / 1_000_000, deliveries.size(),
                    LAST.toMillis(), RUN.toMillis()).isPositive();
        }
    }

    @Test
    void shouldKeepDeliveringOverAReliableNetwork() {
        Seeds.check("stubborn link, no faults", 1, seed -> run(seed, LinkFaults.none()));
    }

    @Test
    void shouldKeepDeliveringEveryMessageDespiteLossDuplicationAndReordering() {
        Seeds.check("stubborn link, 30% loss, 10% duplication, delay 1-20 ms", 1000, seed -> run(seed,
                LinkFaults.none().withLoss(0.3).withDuplication(0.1)
                        .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(20)))));
    }
}
