package dev.dbinternals.ch08.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.history.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Demo 'linearizability' describes the history it checks: every statement against the history and the verdicts. */
class LinearizabilityDemoNarrationTest {

    @Test
    void shouldDescribeReadCAsInvokedDuringTheFirstWrite() {
        // given the demo's history shape
        List<Operation> ops = Demo04Linearizability.shape(2L, 2L, 0L).operations();
        Operation w1 = ops.stream().filter(o -> o.process() == 0).findFirst().orElseThrow();
        Operation c = ops.stream().filter(o -> o.process() == 2).findFirst().orElseThrow();
        // then read c really is invoked inside the first write's interval ...
        assertThat(c.invokeIndex()).isGreaterThan(w1.invokeIndex()).isLessThan(w1.completeIndex());
        // ... and the narration says so, with the history's own intervals
        String said = Demo04Linearizability.narrate(Demo04Linearizability.outcomes(), new StringBuilder());
        assertThat(said).contains("invoked during the first write").doesNotContain("before the first write")
                .contains("p0: write 1 [" + w1.invokeIndex() + ".." + w1.completeIndex() + "]");
    }

    @Test
    void shouldStateTheCountsAndAdmittedValuesTheCheckersReturned() {
        List<Demo04Linearizability.Outcome> all = Demo04Linearizability.outcomes();
        assertThat(all).hasSize(27);
        assertThat(all).filteredOn(Demo04Linearizability.Outcome::linearizable)
                .allMatch(o -> o.a() == 2 && o.b() == 2).hasSize(3);
        assertThat(all).filteredOn(Demo04Linearizability.Outcome::sequentiallyConsistent)
                .allMatch(o -> o.a() <= o.b()).hasSize(18);
        String said = Demo04Linearizability.narrate(all, new StringBuilder());
        assertThat(said).contains("3 linearizable, 18 sequentially consistent, 9 admitted by neither")
                .contains("admitted (a, b) are: 2 2.").contains("c = [0, 1, 2]").contains("18 against 3");
    }
}
