package dev.dbinternals.ch08.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Seeds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("P-compositionality: checking keys apart gives the same verdict as checking them together")
@Tag("slow") // property test over hundreds of random histories: the newest-JDK build in CI leaves it to the main run
class PCompositionalityProperties {

    @Test
    void shouldGiveTheSameVerdictPerKeyAndAsOneObject() {
        Seeds.check("per-key and whole-history verdicts agree", 300, seed -> {
            boolean linearizable = seed % 2 == 0;
            var h = GeneratedHistories.registers(seed, 60, 4, 3, linearizable);

            Verdict perKey = LinearizabilityChecker.create().check(h, Models.register(0L)).verdict();
            Verdict whole = LinearizabilityChecker.create().withoutPartitioning().check(h, Models.register(0L)).verdict();

            assertThat(perKey).isEqualTo(whole).isEqualTo(linearizable ? Verdict.OK : Verdict.VIOLATED);
        });
    }

    @Test
    void shouldCheckAMutexHistory() {
        var ok = dev.dbinternals.ch08.harness.history.History.builder()
                .invoke(0, "acquire", null).invoke(1, "acquire", null).ok(0, "acquire", null)
                .invoke(0, "release", null).ok(0, "release", null).ok(1, "acquire", null)
                .build();
        var bad = dev.dbinternals.ch08.harness.history.History.builder()
                .invoke(0, "acquire", null).ok(0, "acquire", null)
                .invoke(1, "acquire", null).ok(1, "acquire", null)
                .build();

        assertThat(LinearizabilityChecker.create().check(ok, Models.mutex()).verdict()).isEqualTo(Verdict.OK);
        assertThat(LinearizabilityChecker.create().check(bad, Models.mutex()).verdict()).isEqualTo(Verdict.VIOLATED);
    }
}
