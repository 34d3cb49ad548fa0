package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void shouldRunEverySeedFromOneToCount() {
        List<Long> seen = new ArrayList<>();
        int n = Seeds.check("count", 5, seen::add);
        assertThat(n).isEqualTo(5);
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldNameTheFailingSeedAndTheReplayCommandAndWriteTheTrace() {
        assertThatThrownBy(() -> Seeds.check("fails on 3", 10, seed -> {
            Simulation sim = new Simulation(seed);
            sim.addNode("A", Nodes.Sink::new);
            sim.addNode("B", () -> new Nodes.Blaster(Address.of("A"), 2, 4));
            sim.runFor(Duration.ofMillis(5));
            if (seed == 3) {
                throw new AssertionError("the property does not hold");
            }
        }))
                .isInstanceOf(AssertionError.class)
                .satisfies(e -> System.out.println(e.getMessage()))
                .hasMessageContaining("seed 3")
                .hasMessageContaining("  replay: ./ch08 replay ch08-harness SeedsTest#shouldNameTheFailingSeedAndTheReplayCommandAndWriteTheTrace 3\n")
                .hasMessageContaining("the property does not hold")
                .hasMessageContaining("fails-on-3-seed-3.html");
    }

    @Test
    void shouldNotPrintAMavenCommandWhenNoJUnitTestStartedTheRun() throws Exception {
        // a plain main (here: a fresh thread, whose stack holds no JUnit frame) gets no made-up test name
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Seeds.check("always fails", 1, seed -> {
                    throw new IllegalStateException("boom");
                });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        t.join();
        assertThat(thrown.get()).isInstanceOf(AssertionError.class);
        assertThat(thrown.get().getMessage()).contains("-Dch08.seed=1").doesNotContain("mvn ").doesNotContain("./ch08 replay");
    }
}
