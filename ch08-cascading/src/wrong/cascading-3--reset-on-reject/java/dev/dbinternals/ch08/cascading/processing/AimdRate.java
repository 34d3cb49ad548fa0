// Wrong solution for cascading-3: dropping to the minimum on every rejection (as TCP after a timeout) leaves the server idle most of the time.
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
        rate = Math.min(max, rate + increase);
    }

    @Override
    public void onRejected() {
        rate = min; // start over from the bottom
    }
}
