package dev.dbinternals.ch08.cascading.breaker;

import dev.dbinternals.ch08.cascading.Demo05CircuitBreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.cascading.breaker.CircuitBreaker.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong clock = new AtomicLong(5_000);
    private final List<String> seen = new ArrayList<>();

    private CircuitBreaker breaker() {
        return new ObservableCircuitBreaker(CircuitBreaker.Config.defaults().withWindowSize(10).withMinimumCalls(4)
                .withFailureRateThreshold(0.5).withWaitInOpen(Duration.ofNanos(1000)).withTrialCalls(2),
                clock::get, t -> seen.add(t.from() + "->" + t.to()));
    }

    @Test
    void shouldStayClosedUntilTheMinimumNumberOfCallsIsInTheWindow() {
        CircuitBreaker b = breaker();
        b.onFailure();
        b.onFailure();
        b.onFailure();
        assertThat(b.isClosed()).as("3 failures of 3, but minimum is 4").isTrue();
        b.onFailure();
        assertThat(b.isOpen()).as("4 of 4 failed: open").isTrue();
        assertThat(seen).containsExactly("CLOSED->OPEN");
    }

    @Test
    void shouldOpenAtTheFailureRateOverTheSlidingWindow() {
        CircuitBreaker b = breaker();
        for (int i = 0; i < 10; i++) {
            b.onSuccess();
        }
        for (int i = 0; i < 4; i++) {
            b.onFailure();
        }
        assertThat(b.isClosed()).as("4 failures of the last 10 = 40%%: still closed").isTrue();
        b.onFailure();
        assertThat(b.isOpen()).as("5 of the last 10 = 50%: open").isTrue();
    }

    @Test
    void shouldRefuseCallsWhileOpenAndProbeAfterTheWait() {
        CircuitBreaker b = breaker();
        for (int i = 0; i < 4; i++) {
            b.onFailure();
        }
        clock.addAndGet(999);
        assertThat(b.tryAcquirePermission()).as("still inside the wait").isFalse();
        clock.addAndGet(1);
        assertThat(b.tryAcquirePermission()).as("first trial").isTrue();
        assertThat(b.isHalfOpen()).as("the first request after the wait moves it to half-open").isTrue();
        assertThat(b.tryAcquirePermission()).as("second trial").isTrue();
        assertThat(b.tryAcquirePermission()).as("no third call while trials run").isFalse();
        b.onSuccess();
        assertThat(b.isHalfOpen()).as("one success of two trials").isTrue();
        b.onSuccess();
        assertThat(b.isClosed()).as("both trials succeeded: closed").isTrue();
        assertThat(seen).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
        b.onFailure();
        b.onFailure();
        b.onFailure();
        assertThat(b.isClosed()).as("closed starts with an empty window: 3 outcomes, below the minimum of 4").isTrue();
    }

    @Test
    void shouldReopenOnAFailedTrialAndRestartTheWait() {
        CircuitBreaker b = breaker();
        for (int i = 0; i < 4; i++) {
            b.onFailure();
        }
        clock.addAndGet(1000);
        assertThat(b.tryAcquirePermission()).as("the trial call is let through").isTrue();
        b.onFailure();
        assertThat(b.isOpen()).as("a failed trial opens the breaker again").isTrue();
        clock.addAndGet(500);
        assertThat(b.tryAcquirePermission()).as("the wait restarted at the failed trial").isFalse();
        clock.addAndGet(500);
        assertThat(b.tryAcquirePermission()).as("a full wait after the failed trial: the next trial").isTrue();
    }

    @Test
    void shouldIgnoreLateOutcomesWhileOpen() {
        CircuitBreaker b = breaker();
        for (int i = 0; i < 4; i++) {
            b.onFailure();
        }
        b.onSuccess();
        b.onSuccess();
        assertThat(b.isOpen()).as("answers to calls let through before it opened change nothing").isTrue();
    }

    @Test
    void shouldCallTheFallbackWithoutRunningTheCallWhenOpen() {
        CircuitBreaker b = breaker();
        for (int i = 0; i < 4; i++) {
            b.onFailure();
        }
        AtomicLong ran = new AtomicLong();
        String r = b.call(() -> {
            ran.incrementAndGet();
            return "real";
        }, () -> "fallback");
        assertThat(r).isEqualTo("fallback");
        assertThat(ran).as("the protected call was not made").hasValue(0);
    }

    @Test
    void shouldCountAThrowingCallAsAFailureAndRethrow() {
        CircuitBreaker b = breaker();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> b.call(() -> {
                throw new IllegalStateException("down");
            }, () -> "fallback")).hasMessage("down");
        }
        assertThat(b.isOpen()).as("4 thrown calls of 4: open").isTrue();
    }

    @Test
    void shouldRejectOutOfRangeSettingsWithAClearMessage() {
        CircuitBreaker.Config c = CircuitBreaker.Config.defaults();
        assertThatThrownBy(() -> c.withFailureRateThreshold(0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> c.withFailureRateThreshold(1.5)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> c.withWindowSize(0)).hasMessageContaining("window size");
        assertThatThrownBy(() -> c.withWindowSize(5).withMinimumCalls(6)).hasMessageContaining("minimum calls");
        assertThatThrownBy(() -> c.withWaitInOpen(Duration.ZERO)).hasMessageContaining("wait in open");
        assertThatThrownBy(() -> c.withTrialCalls(0)).hasMessageContaining("trial calls");
        assertThatThrownBy(() -> c.build(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldLeaveTheOriginalConfigUnchangedByEveryWith() {
        CircuitBreaker.Config c = CircuitBreaker.Config.defaults();
        c.withWindowSize(7).withTrialCalls(9);
        assertThat(c.windowSize()).isEqualTo(20);
        assertThat(c.trialCalls()).isEqualTo(3);
    }

    @Test
    void shouldKeepItsCountsConsistentWhenTwoThreadsShareIt() throws InterruptedException {
        // given one breaker shared by two threads that only fail, and a wait that never ends
        AtomicLong refused = new AtomicLong();
        CircuitBreaker b = new ObservableCircuitBreaker(CircuitBreaker.Config.defaults().withWindowSize(100)
                .withMinimumCalls(100).withWaitInOpen(Duration.ofDays(1)), clock::get, t -> seen.add(t.from() + "->" + t.to()));
        Runnable caller = () -> {
            for (int i = 0; i < 50_000; i++) {
                if (b.tryAcquirePermission()) {
                    b.onFailure();
                } else {
                    refused.incrementAndGet();
                }
            }
        };
        Thread t1 = new Thread(caller);
        Thread t2 = new Thread(caller);
        // when both run at once
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        // then it opened exactly once, and every call after that was refused
        assertThat(b.isOpen()).isTrue();
        assertThat(seen).as("transitions").containsExactly("CLOSED->OPEN");
        assertThat(refused).as("refused calls: all but those that filled the window")
                .hasValueBetween(100_000L - 100 - 1, 100_000L - 100);
    }

    @Test
    void shouldStopTheCascadeToTheFrontEndOnTheSimulator() {
        // given a dependency that crashes for 1.5 s behind a front end
        BreakerExperiment.Result without = BreakerExperiment.run(1, null, Duration.ofMillis(500), Duration.ofMillis(2000),
                Duration.ofMillis(2500));
        BreakerExperiment.Result with = BreakerExperiment.run(1, Demo05CircuitBreaker.demoBreaker(), Duration.ofMillis(500),
                Duration.ofMillis(2000), Duration.ofMillis(2500));
        // then requests that never needed the dependency suffer without the breaker, not with it
        long p99Without = without.frontend().localLatency().percentileNanos(99);
        long p99With = with.frontend().localLatency().percentileNanos(99);
        assertThat(p99With).as("local p99 with breaker vs %d ns without", p99Without).isLessThan(p99Without / 3);
        assertThat(with.frontend().fastFailed()).as("dependency calls shed fast").isPositive();
        assertThat(with.frontend().maxQueue()).as("front-end queue").isLessThan(without.frontend().maxQueue());
        assertThat(with.transitions()).as("the breaker opened and closed again after the restart")
                .anyMatch(s -> s.endsWith("CLOSED -> OPEN")).last().asString().endsWith("HALF_OPEN -> CLOSED");
    }
}
