package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

// Wrong solutions this must reject (src/wrong/flp-3--*): add-constant (mistakes grow with the bound),
// never-grows (a fixed timeout, as if the bound were known), capped (stops growing at one second).
@Tag("exercise")
@DisplayName("flp-3: a timeout that outgrows an unknown delay bound")
class AdaptiveTimeoutExerciseTest {

    @Test
    void shouldStartWithTheInitialTimeout() {
        assertThat(new AdaptiveTimeout(Duration.ofMillis(10)).current()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void shouldGrowOnEveryFalseSuspicion() {
        var timeout = new AdaptiveTimeout(Duration.ofMillis(10));
        Duration previous = timeout.current();
        for (int i = 0; i < 20; i++) {
            timeout.onFalseSuspicion();
            assertThat(timeout.current()).as(t("after %d false suspicions the timeout must be longer", "잘못된 의심이 %d번 있은 뒤에는 타임아웃이 더 길어야 해요"), i + 1).isGreaterThan(previous);
            previous = timeout.current();
        }
    }

    @Test
    void shouldOvertakeAnyUnknownBoundAfterFewFalseSuspicions() {
        // after GST a heartbeat takes up to `bound`; every timeout <= bound can cause one more false suspicion
        for (Duration bound : new Duration[] {Duration.ofMillis(15), Duration.ofSeconds(2), Duration.ofHours(1)}) {
            var timeout = new AdaptiveTimeout(Duration.ofMillis(1));
            int mistakes = 0;
            while (timeout.current().compareTo(bound) <= 0 && mistakes <= 64) {
                timeout.onFalseSuspicion();
                mistakes++;
            }
            assertThat(mistakes).as(t("false suspicions before the timeout exceeds an unknown bound of %s", "타임아웃이 알려지지 않은 상한 %s를 넘기 전까지의 잘못된 의심 횟수"), bound).isLessThanOrEqualTo(64);
        }
    }
}
