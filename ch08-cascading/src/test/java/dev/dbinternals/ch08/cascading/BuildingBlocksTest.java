package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.processing.Burst;
import dev.dbinternals.ch08.cascading.hotspots.KeySampler;
import dev.dbinternals.ch08.cascading.processing.LatencyStats;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.harness.Address;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BuildingBlocksTest {

    @Test
    void shouldComputeNearestRankPercentilesExactly() {
        LatencyStats s = new LatencyStats();
        for (int i = 100; i >= 1; i--) {
            s.record(i);
        }
        assertThat(s.percentileNanos(50)).isEqualTo(50);
        assertThat(s.percentileNanos(99)).isEqualTo(99);
        assertThat(s.percentileNanos(100)).isEqualTo(100);
        assertThat(s.meanNanos()).isEqualTo(50.5);
        assertThatThrownBy(() -> s.record(-1)).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> s.percentileNanos(0)).hasMessageContaining("(0, 100]");
    }

    @Test
    void shouldDrawZipfKeysWithTheirProbabilities() {
        KeySampler z = KeySampler.zipf(10, 1.0);
        double sum = 0;
        for (int k = 0; k < 10; k++) {
            sum += z.probability(k);
        }
        assertThat(sum).as("probabilities sum to 1").isCloseTo(1.0, within(1e-12));
        assertThat(z.probability(0)).as("key 0 is twice as likely as key 1").isCloseTo(2 * z.probability(1), within(1e-12));
        SplittableRandom r = new SplittableRandom(3);
        int[] n = new int[10];
        for (int i = 0; i < 100_000; i++) {
            n[z.next(r)]++;
        }
        assertThat(n[0] / 100_000.0).as("observed share of key 0").isCloseTo(z.probability(0), within(0.01));
        assertThatThrownBy(() -> KeySampler.zipf(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeySampler.uniform(2_000_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectOutOfRangeSettingsOfServersProducersAndBursts() {
        assertThatThrownBy(() -> new ServerNode.Config(-1, Duration.ofMillis(1))).hasMessageContaining("queue capacity");
        assertThatThrownBy(() -> new ServerNode.Config(1, Duration.ZERO)).hasMessageContaining("service time");
        assertThatThrownBy(() -> LoadGenerator.Config.openLoop(Address.of("s"), 0, Duration.ofSeconds(1)))
                .hasMessageContaining("rate");
        assertThatThrownBy(() -> LoadGenerator.Config.openLoop(Address.of("s"), 10, Duration.ofSeconds(1)).withCreditWindow(-1))
                .hasMessageContaining("credit window");
        assertThatThrownBy(() -> new Burst(Duration.ofMillis(5), Duration.ofMillis(5), 2)).hasMessageContaining("from < to");
        assertThatThrownBy(() -> new Burst(Duration.ZERO, Duration.ofMillis(5), 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new ServerNode(new ServerNode.Config(1, Duration.ofMillis(1))).setSlowdown(0.5))
                .hasMessageContaining("slowdown");
    }

    @Test
    void shouldPrintTablesAlignedAndAsMarkdown() {
        Table t = new Table("name", "value").row("a", 1).row("longer", 100);
        assertThat(t.toString()).contains("name    value").contains("a           1").contains("longer    100");
        assertThat(t.toMarkdown()).startsWith("| name | value |\n| --- | --- |\n| a | 1 |");
        assertThatThrownBy(() -> t.row("only one")).hasMessageContaining("needs 2 cells");
    }
}
