// Wrong solution for flp-3: doubles but stops at a cap of one second, so a larger unknown bound is never passed.
package dev.dbinternals.ch08.flp;

import java.time.Duration;

public final class AdaptiveTimeout {

    private static final Duration CAP = Duration.ofSeconds(1);
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
        Duration next = current.multipliedBy(2);
        current = next.compareTo(CAP) > 0 ? CAP : next;
    }
}
