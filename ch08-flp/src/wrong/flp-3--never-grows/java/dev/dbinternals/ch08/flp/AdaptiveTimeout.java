// Wrong solution for flp-3: a fixed timeout, as if the delay bound were known.
package dev.dbinternals.ch08.flp;

import java.time.Duration;

public final class AdaptiveTimeout {

    private final Duration initial;

    public AdaptiveTimeout(Duration initial) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the initial timeout must be positive, got " + initial);
        }
        this.initial = initial;
    }

    public Duration current() {
        return initial;
    }

    public void onFalseSuspicion() {
    }
}
