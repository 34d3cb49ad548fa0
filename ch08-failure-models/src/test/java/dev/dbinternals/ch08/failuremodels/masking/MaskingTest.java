package dev.dbinternals.ch08.failuremodels.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.masking.MaskingClient.Strategy;
import dev.dbinternals.ch08.failuremodels.masking.MaskingRun.Result;
import dev.dbinternals.ch08.harness.sim.Seeds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Masking failures with redundancy (장애 처리)")
class MaskingTest {

    @Test
    void shouldShowTheCrashToTheUserWithoutRedundancy() {
        Result r = MaskingRun.run(Strategy.PRIMARY_ONLY, 300, 1);
        assertThat(r.failed()).as("errors after the primary crashed a third of the way in").isBetween(190, 210);
    }

    @Test
    void shouldHideTheCrashWithEveryRedundantStrategy() {
        Seeds.check("masking/no-errors", 5, seed -> {
            for (Strategy s : new Strategy[] {Strategy.FAILOVER, Strategy.FAN_OUT, Strategy.HEDGED}) {
                Result r = MaskingRun.run(s, 300, seed);
                assertThat(r.requests()).as("requests finished with %s", s).isEqualTo(300);
                assertThat(r.failed()).as("errors the user saw with %s", s).isZero();
            }
        });
    }

    @Test
    void shouldPayForMaskingInTimeOrInMessages() {
        Result failover = MaskingRun.run(Strategy.FAILOVER, 300, 2);
        Result fanOut = MaskingRun.run(Strategy.FAN_OUT, 300, 2);
        assertThat(failover.maxMillis()).as("failover's worst request waited a full timeout").isGreaterThanOrEqualTo(100);
        assertThat(fanOut.messagesPerRequest()).as("fan-out sends to all three").isEqualTo(3.0);
        assertThat(fanOut.maxMillis()).as("fan-out's worst request").isLessThan(failover.maxMillis());
    }
}
