package dev.dbinternals.ch08.harness.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineChartTest {

    @Test
    void shouldPlaceTicksOnRoundValues() {
        assertThat(LineChart.ticks(0, 2000, false)).containsExactly(0, 500, 1000, 1500, 2000);
        assertThat(LineChart.ticks(5, 50, false)).containsExactly(10, 20, 30, 40, 50);
        assertThat(LineChart.ticks(1, 4, true)).as("decades on a log axis").containsExactly(1, 2, 3, 4);
    }

    @Test
    void shouldEscapeTextAndDrawOneLinePerSeries() {
        String svg = new LineChart("t <&>", "x", "y \"q\"").series("a", new double[] {1, 2}, new double[] {3, 4})
                .series("b", new double[] {1, 2}, new double[] {4, 5}).svg();
        assertThat(svg).startsWith("<svg").contains("t &lt;&amp;&gt;").contains("y &quot;q&quot;").doesNotContain("t <&>");
        assertThat(svg.split("<polyline", -1)).as("one polyline per series").hasSize(3);
    }

    @Test
    void shouldRefuseASeriesWithMismatchedLengths() {
        assertThatThrownBy(() -> new LineChart("t", "x", "y").series("a", new double[] {1, 2}, new double[] {3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }
}
