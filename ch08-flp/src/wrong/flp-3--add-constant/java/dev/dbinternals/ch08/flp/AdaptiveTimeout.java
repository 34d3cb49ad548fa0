// Wrong solution for flp-3: grows by a constant step, so the mistakes before passing the bound grow with the bound.
package dev.dbinternals.ch08.flp;

import java.time.Duration;

public final class AdaptiveTimeout {

    private final Duration initial;
    private Duration current;

    public AdaptiveTimeout(Duration initial) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the initial timeout must be positive, got " + initial);
        }
        this.initial = initial;
        this.current = initial;
    }

    public Duration current() {
        return current;
    }

    public void onFalseSuspicion() {
        current = current.plus(initial);
    }
}
