package dev.dbinternals.ch08.cascading.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.cascading.breaker.CircuitBreaker.State;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("cascading-2: a circuit breaker's state transitions")
class SimpleBreakerExerciseTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void shouldOpenAfterConsecutiveFailuresOnly() {
        SimpleBreaker b = new SimpleBreaker(3, 100, now::get);
        assertThat(b.state()).as("a new breaker is closed").isEqualTo(State.CLOSED);
        b.failure();
        b.failure();
        b.success(); // resets the count
        b.failure();
        b.failure();
        assertThat(b.state()).as("2 failures in a row after a success: still closed").isEqualTo(State.CLOSED);
        assertThat(b.allow()).as("closed allows calls").isTrue();
        b.failure();
        assertThat(b.state()).as("the 3rd failure in a row opens it").isEqualTo(State.OPEN);
        assertThat(b.allow()).as("open refuses calls").isFalse();
    }

    @Test
    void shouldLetOneTrialThroughAfterTheWaitAndCloseOnItsSuccess() {
        SimpleBreaker b = new SimpleBreaker(1, 100, now::get);
        b.failure();
        now.addAndGet(99);
        assertThat(b.allow()).as("99 ns into a 100 ns wait: still refused").isFalse();
        now.addAndGet(1);
        assertThat(b.allow()).as("wait over: one trial allowed").isTrue();
        assertThat(b.state()).as("the trial runs half-open").isEqualTo(State.HALF_OPEN);
        assertThat(b.allow()).as("no second call while the trial runs").isFalse();
        b.success();
        assertThat(b.state()).as("a successful trial closes it").isEqualTo(State.CLOSED);
        assertThat(b.allow()).isTrue();
    }

    @Test
    void shouldReopenAndRestartTheWaitWhenTheTrialFails() {
        SimpleBreaker b = new SimpleBreaker(1, 100, now::get);
        b.failure();
        now.addAndGet(100);
        assertThat(b.allow()).isTrue();
        b.failure();
        assertThat(b.state()).as("a failed trial opens it again").isEqualTo(State.OPEN);
        now.addAndGet(50);
        assertThat(b.allow()).as("the wait starts over at the failed trial").isFalse();
        now.addAndGet(50);
        assertThat(b.allow()).as("a full wait after the failed trial: next trial").isTrue();
    }

    @Test
    void shouldRejectOutOfRangeSettings() {
        assertThatThrownBy(() -> new SimpleBreaker(0, 100, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimpleBreaker(1, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
