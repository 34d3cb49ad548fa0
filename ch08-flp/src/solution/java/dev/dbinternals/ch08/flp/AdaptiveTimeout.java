package dev.dbinternals.ch08.flp;

import java.time.Duration;

/**
 * Exercise flp-3, reference solution: double the timeout on every false suspicion. Any unknown
 * bound D is overtaken after about log2(D / initial) mistakes; adding a constant instead would
 * take D / step mistakes, which for a bound of an hour and a step of a millisecond is millions.
 */
public final class AdaptiveTimeout {

    private Duration current;

    public AdaptiveTimeout(Duration initial) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the initial timeout must be positive, got " + initial);
        }
        this.current = initial;
    }

    public Duration current() {
        return current;
    }

    public void onFalseSuspicion() {
        current = current.multipliedBy(2);
    }
}
