// Wrong solution for cascading-2: the module's CircuitBreaker already is a breaker, so wrapping it answers the exercise (it does not: its wait never grows).
package dev.dbinternals.ch08.cascading.breaker;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Delegates to the module's CircuitBreaker: a window of the last failuresToOpen calls, all failed, opens it. */
public final class SimpleBreaker {

    private final CircuitBreaker breaker;

    public SimpleBreaker(int failuresToOpen, long openNanos, long maxOpenNanos, LongSupplier clock) {
        if (maxOpenNanos < openNanos) {
            throw new IllegalArgumentException("maxOpenNanos < openNanos");
        }
        breaker = CircuitBreaker.Config.defaults().withWindowSize(failuresToOpen).withMinimumCalls(failuresToOpen)
                .withFailureRateThreshold(1, 1).withWaitInOpen(Duration.ofNanos(openNanos)).withTrialCalls(1).build(clock);
    }

    public boolean allow() {
        return breaker.tryAcquirePermission();
    }

    public void success() {
        breaker.onSuccess();
    }

    public void failure() {
        breaker.onFailure();
    }

    public CircuitBreaker.State state() {
        return breaker.state();
    }
}
