// Wrong solution for cascading-3: growing the rate by a percentage (multiplicative increase) probes ever faster at high rates and never converges to a fair share.
package dev.dbinternals.ch08.cascading.processing;

/**
 * Exercise cascading-3 (reference solution): additive increase, multiplicative decrease.
 * Not thread-safe.
 */
public final class AimdRate implements RateController {

    private final double min;
    private final double max;
    private final double increase;
    private final double decrease;
    private double rate;

    public AimdRate(double initial, double min, double max, double increase, double decrease) {
        if (!(min > 0 && max >= min && initial >= min && initial <= max && increase > 0 && decrease > 0 && decrease < 1)) {
            throw new IllegalArgumentException("need 0 < min <= initial <= max, increase > 0, 0 < decrease < 1; got initial="
                    + initial + " min=" + min + " max=" + max + " increase=" + increase + " decrease=" + decrease);
        }
        this.min = min;
        this.max = max;
        this.increase = increase;
        this.decrease = decrease;
        this.rate = initial;
    }

    @Override
    public double ratePerSecond() {
        return rate;
    }

    @Override
    public void onAccepted() {
        rate = Math.min(max, rate * (1 + increase / 100)); // grow by `increase` percent
    }

    @Override
    public void onRejected() {
        rate = Math.max(min, rate * decrease);
    }
}
