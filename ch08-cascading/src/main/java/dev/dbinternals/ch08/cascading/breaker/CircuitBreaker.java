package dev.dbinternals.ch08.cascading.breaker;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A circuit breaker: stops calling a dependency that keeps failing, so that callers fail fast
 * instead of piling up behind it, and tries the dependency again after a while.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애). In paraphrase: circuit breakers keep a
 * failure from propagating. A caller waiting on a broken dependency holds its own threads, queue
 * slots and memory until each timeout; the breaker gives them back at once.
 *
 * <p>{@code CLOSED}: calls go through; each outcome joins a window of the last {@code windowSize}.
 * Once at least {@code minimumCalls} are in it and the failures reach the threshold, it opens.
 * {@code OPEN}: calls are refused until {@code waitInOpen} has passed; the next request is a trial
 * and the breaker is {@code HALF_OPEN}: at most {@code trialCalls} trials go through; if all
 * succeed it closes with an empty window, and the first failure opens it again.
 *
 * <p>"Reach" is exact: the threshold is a fraction p/q (0.55 is 55/100 as written, not the nearest
 * double, a hair above) and f failures among n open the breaker when f·q ≥ p·n, in integers. In
 * doubles, 0.55 × 100 is 55.000000000000007, so {@code f >= 0.55 * n} would not open at 55 of 100.
 *
 * <p>Every permitted call reports one outcome, a timeout as a failure (a trial that never reports
 * keeps the breaker half-open). Outcomes arriving while open answer calls made before it opened:
 * ignored. Time comes only from the injected clock. Thread-safe: every method synchronises on the
 * breaker. To watch its transitions: {@link ObservableCircuitBreaker}.
 */
public class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** The settings; immutable, each {@code with*} returns a copy; a setting out of range throws, naming it. */
    public record Config(long thresholdNumerator, long thresholdDenominator, int windowSize, int minimumCalls,
                         Duration waitInOpen, int trialCalls) {
        public Config {
            if (thresholdNumerator <= 0 || thresholdDenominator <= 0 || thresholdNumerator > thresholdDenominator) {
                throw new IllegalArgumentException("failure rate threshold must be in (0, 1], got " + thresholdNumerator + "/" + thresholdDenominator);
            }
            long gcd = BigInteger.valueOf(thresholdNumerator).gcd(BigInteger.valueOf(thresholdDenominator)).longValue();
            thresholdNumerator /= gcd;
            thresholdDenominator /= gcd;
            require(windowSize >= 1 && windowSize <= 100_000, "window size must be in [1, 100000] calls", windowSize);
            require(minimumCalls >= 1 && minimumCalls <= windowSize, "minimum calls must be in [1, window size]", minimumCalls);
            require(waitInOpen.compareTo(Duration.ZERO) > 0 && waitInOpen.compareTo(Duration.ofDays(1)) <= 0,
                    "wait in open must be positive and at most a day", waitInOpen);
            require(trialCalls >= 1 && trialCalls <= 1000, "trial calls must be in [1, 1000]", trialCalls);
        }

        private static void require(boolean ok, String rule, Object got) {
            if (!ok) {
                throw new IllegalArgumentException(rule + ", got " + got);
            }
        }

        /** Threshold 1/2, window 20, decide from 10 outcomes, 1 s open, 3 trials. */
        public static Config defaults() {
            return new Config(1, 2, 20, 10, Duration.ofSeconds(1), 3);
        }

        /** The threshold as the decimal Java prints for {@code rate}: 0.55 is exactly 55/100. */
        public Config withFailureRateThreshold(double rate) {
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("failure rate threshold must be in (0, 1], got " + rate);
            }
            BigDecimal d = BigDecimal.valueOf(rate).stripTrailingZeros(); // 0.55 -> 55 x 10^-2
            require(d.scale() <= 18, "failure rate threshold must have at most 18 decimal places (q fits a long)", rate);
            return withFailureRateThreshold(d.unscaledValue().longValueExact(), BigInteger.TEN.pow(d.scale()).longValueExact());
        }

        /** The threshold as a fraction: {@code (1, 3)} opens at 1 failure of 3, 34 of 100, not 33. */
        public Config withFailureRateThreshold(long failures, long calls) {
            return new Config(failures, calls, windowSize, minimumCalls, waitInOpen, trialCalls);
        }

        public Config withWindowSize(int calls) { // lowers minimumCalls to fit
            return new Config(thresholdNumerator, thresholdDenominator, calls, Math.min(minimumCalls, calls), waitInOpen, trialCalls);
        }

        public Config withMinimumCalls(int calls) {
            return new Config(thresholdNumerator, thresholdDenominator, windowSize, calls, waitInOpen, trialCalls);
        }

        public Config withWaitInOpen(Duration wait) {
            return new Config(thresholdNumerator, thresholdDenominator, windowSize, minimumCalls, Objects.requireNonNull(wait), trialCalls);
        }

        public Config withTrialCalls(int calls) {
            return new Config(thresholdNumerator, thresholdDenominator, windowSize, minimumCalls, waitInOpen, calls);
        }

        /** The rule: f failures among n outcomes reach the threshold p/q when f·q ≥ p·n (a long can overflow). */
        public boolean reachesThreshold(int failures, int calls) {
            require(calls >= 1 && failures >= 0 && failures <= calls, "need 0 <= failures <= calls and calls >= 1", failures + " of " + calls);
            return BigInteger.valueOf(failures).multiply(BigInteger.valueOf(thresholdDenominator))
                    .compareTo(BigInteger.valueOf(thresholdNumerator).multiply(BigInteger.valueOf(calls))) >= 0;
        }

        public double failureRateThreshold() { // for display; the breaker compares the fraction
            return (double) thresholdNumerator / thresholdDenominator;
        }

        public String failureRateThresholdFraction() {
            return thresholdNumerator + "/" + thresholdDenominator;
        }

        public CircuitBreaker build(LongSupplier nanoClock) {
            return new CircuitBreaker(this, nanoClock);
        }
    }

    private final Config config;
    private final LongSupplier clock;
    private final ArrayDeque<Boolean> window = new ArrayDeque<>(); // the last outcomes, true = failure
    private int failuresInWindow;
    private State state = State.CLOSED;
    private long openedAt;
    private int trialsLetThrough;
    private int trialSuccesses;

    CircuitBreaker(Config config, LongSupplier nanoClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** True: make the call, then report its outcome. False: refused; fail fast (a fallback, an error). */
    public synchronized boolean tryAcquirePermission() {
        if (state == State.OPEN) {
            if (clock.getAsLong() - openedAt < config.waitInOpen().toNanos()) {
                return false;
            }
            state = State.HALF_OPEN; // the wait is over: this caller makes the first trial
            trialsLetThrough = 0;
            trialSuccesses = 0;
        }
        if (state == State.HALF_OPEN) {
            if (trialsLetThrough == config.trialCalls()) {
                return false; // every trial is out: wait for their outcomes
            }
            trialsLetThrough++;
        }
        return true;
    }

    public synchronized void onSuccess() {
        if (state == State.HALF_OPEN && ++trialSuccesses >= config.trialCalls()) {
            state = State.CLOSED; // the dependency is back: count afresh
            window.clear();
            failuresInWindow = 0;
        } else if (state == State.CLOSED) {
            record(false);
        }
    }

    public synchronized void onFailure() {
        if (state == State.HALF_OPEN) {
            open(); // one failed trial is enough: still down
        } else if (state == State.CLOSED) {
            record(true);
        }
    }

    private void record(boolean failure) {
        window.addLast(failure);
        failuresInWindow += failure ? 1 : 0;
        if (window.size() > config.windowSize() && window.removeFirst()) {
            failuresInWindow--;
        }
        if (window.size() >= config.minimumCalls() && config.reachesThreshold(failuresInWindow, window.size())) {
            open();
        }
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.getAsLong();
    }

    /** Runs {@code call} if permitted (a throw counts as a failure and goes on up), else answers with {@code fallback}. */
    public <T> T call(Supplier<T> call, Supplier<T> fallback) {
        if (!tryAcquirePermission()) {
            return fallback.get();
        }
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            onFailure();
            throw e;
        }
        onSuccess();
        return result;
    }

    /** An open breaker whose wait is over says OPEN until a caller asks: it keeps no timer. */
    public synchronized State state() {
        return state;
    }

    public boolean isClosed() {
        return state() == State.CLOSED;
    }

    public boolean isOpen() {
        return state() == State.OPEN;
    }

    public boolean isHalfOpen() {
        return state() == State.HALF_OPEN;
    }
}
