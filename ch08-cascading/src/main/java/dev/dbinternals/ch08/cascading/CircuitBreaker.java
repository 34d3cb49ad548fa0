package dev.dbinternals.ch08.cascading;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A circuit breaker: stops calling a dependency that is failing, so callers fail fast instead
 * of piling up behind it, and probes it again after a while.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애). In paraphrase: circuit breakers keep
 * a failure from propagating through the system and let it be handled gracefully. A caller
 * that keeps waiting on a broken dependency holds its own resources (threads, queue slots,
 * memory) for every timeout; the breaker gives them back at once.
 *
 * <p>States and transitions:
 * <ul>
 *   <li>{@code CLOSED} → {@code OPEN}: once at least {@code minimumCalls} outcomes are in the
 *   sliding window of the last {@code windowSize} calls and the failure rate among them is at
 *   or above {@code failureRateThreshold};</li>
 *   <li>{@code OPEN}: every call is refused ({@link #tryAcquirePermission()} returns false)
 *   until {@code waitInOpen} has passed on the injected clock; the first request after that
 *   moves it to {@code HALF_OPEN};</li>
 *   <li>{@code HALF_OPEN} → {@code CLOSED} when {@code trialCalls} trial calls all succeed;
 *   → {@code OPEN} (wait restarts) on the first trial failure. Calls beyond the trial quota are
 *   refused while trials are in flight.</li>
 * </ul>
 * "At or above" is exact: the threshold is held as a fraction p/q (0.55 is 55/100, as written,
 * not the nearest binary double, which is a hair above 0.55), and f failures among n calls open
 * the breaker when f·q ≥ p·n, in integer arithmetic. A floating-point test {@code f >= 0.55 * n}
 * would miss the boundary: 0.55 × 100 evaluates to 55.000000000000007, so 55 failures of 100
 * would keep the breaker closed.
 *
 * <p>An outcome reported while {@code OPEN} (a call let through earlier that finished late) is
 * ignored. Entering {@code CLOSED} starts with an empty window.
 *
 * <p>The caller's side of the contract: every permitted call reports exactly one outcome, and
 * a call that is abandoned (a timeout) reports {@link #onFailure()}. A trial permission that is
 * never reported keeps the breaker half-open: the simulator demos rely on their timeouts for
 * this. Outcomes are not tied to the permission that produced them, so a slow success from the
 * closed era that lands during half-open counts as a trial success; with timeouts shorter than
 * the open wait this cannot happen.
 *
 * <p>Time comes only from the {@link LongSupplier} of nanoseconds given to
 * {@link Config#build(LongSupplier)}: the node's monotonic clock in the simulator, a fake
 * clock in tests, {@code System::nanoTime} in production. The breaker never reads a clock of
 * its own, so every test of it is deterministic.
 *
 * <p>Thread-safe: every method synchronises on the breaker. Listeners run on the thread that
 * caused the transition, inside that lock: keep them short (log, count) and do not block.
 *
 * <pre>{@code
 * CircuitBreaker breaker = CircuitBreaker.Config.defaults()
 *         .withFailureRateThreshold(0.5).withWindowSize(20).withWaitInOpen(Duration.ofMillis(500))
 *         .onOpen(t -> log("open"))
 *         .build(System::nanoTime);
 * if (breaker.tryAcquirePermission()) { try { call(); breaker.onSuccess(); } catch (Exception e) { breaker.onFailure(); } }
 * else { fallback(); }
 * }</pre>
 */
public final class CircuitBreaker {

    /** Where the breaker is. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** A change of state, for listeners: from, to, and the clock reading when it happened. */
    public record Transition(State from, State to, long atNanos) {
    }

    /**
     * The breaker's settings and listeners. Immutable and thread-safe: every {@code with*} and
     * {@code on*} returns a copy; out-of-range settings throw {@link IllegalArgumentException}.
     */
    public static final class Config {
        // the threshold as a reduced fraction thresholdNumerator / thresholdDenominator, in (0, 1]
        private final long thresholdNumerator;
        private final long thresholdDenominator;
        private final int windowSize;
        private final int minimumCalls;
        private final Duration waitInOpen;
        private final int trialCalls;
        private final List<Consumer<Transition>> listeners;

        private Config(long thresholdNumerator, long thresholdDenominator, int windowSize, int minimumCalls,
                       Duration waitInOpen, int trialCalls, List<Consumer<Transition>> listeners) {
            this.thresholdNumerator = thresholdNumerator;
            this.thresholdDenominator = thresholdDenominator;
            this.windowSize = windowSize;
            this.minimumCalls = minimumCalls;
            this.waitInOpen = waitInOpen;
            this.trialCalls = trialCalls;
            this.listeners = List.copyOf(listeners);
        }

        /** Threshold 50%, window 20 calls, at least 10 calls, 1 s open, 3 trial calls, no listeners. */
        public static Config defaults() {
            return new Config(1, 2, 20, 10, Duration.ofSeconds(1), 3, List.of());
        }

        /**
         * Opens when this fraction (in (0, 1]) of the calls in the window failed. The fraction is
         * the decimal {@link Double#toString(double)} prints for {@code rate} (the shortest one
         * that reads back as the same double): {@code 0.55} means exactly 55/100. For a threshold
         * with no finite decimal, such as one third, use {@link #withFailureRateThreshold(long, long)}.
         */
        public Config withFailureRateThreshold(double rate) {
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("failure rate threshold must be in (0, 1], got " + rate);
            }
            BigDecimal d = BigDecimal.valueOf(rate).stripTrailingZeros(); // 0.55 -> 55 x 10^-2; 1.0 -> 1 x 10^0
            if (d.scale() > 18) {
                throw new IllegalArgumentException("failure rate threshold must have at most 18 decimal places, got " + rate);
            }
            return withReducedThreshold(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }

        /**
         * Opens when at least {@code failures} of every {@code calls} calls in the window failed,
         * as an exact fraction: {@code withFailureRateThreshold(1, 3)} opens at 1 of 3, 2 of 6,
         * 34 of 100 (33 of 100 is below one third). Requires 0 &lt; failures ≤ calls.
         */
        public Config withFailureRateThreshold(long failures, long calls) {
            if (failures <= 0 || calls <= 0 || failures > calls) {
                throw new IllegalArgumentException("failure rate threshold must be in (0, 1], got " + failures + "/" + calls);
            }
            return withReducedThreshold(BigInteger.valueOf(failures), BigInteger.valueOf(calls));
        }

        private Config withReducedThreshold(BigInteger num, BigInteger den) {
            BigInteger g = num.gcd(den);
            // q <= 10^18 (at most 18 decimal places) fits a long
            return new Config(num.divide(g).longValueExact(), den.divide(g).longValueExact(), windowSize, minimumCalls,
                    waitInOpen, trialCalls, listeners);
        }

        /**
         * True when {@code failures} failed calls among {@code calls} are at or above the
         * threshold (exact: failures·q ≥ p·calls for the threshold p/q). The breaker opens on
         * exactly this test once at least {@code minimumCalls} outcomes are in its window.
         */
        public boolean reachesThreshold(int failures, int calls) {
            if (calls < 1 || failures < 0 || failures > calls) {
                throw new IllegalArgumentException("need 0 <= failures <= calls and calls >= 1, got " + failures
                        + " of " + calls);
            }
            return failures >= failuresToOpen(calls);
        }

        /** ceil(p·calls / q): the fewest failures among {@code calls} outcomes that open the breaker. */
        int failuresToOpen(int calls) {
            BigInteger[] qr = BigInteger.valueOf(thresholdNumerator).multiply(BigInteger.valueOf(calls))
                    .divideAndRemainder(BigInteger.valueOf(thresholdDenominator));
            return qr[0].intValueExact() + (qr[1].signum() > 0 ? 1 : 0);
        }

        /** The sliding window: the last {@code calls} outcomes (1..100000). Lowers minimumCalls to fit. */
        public Config withWindowSize(int calls) {
            if (calls < 1 || calls > 100_000) {
                throw new IllegalArgumentException("window size must be in [1, 100000] calls, got " + calls);
            }
            return new Config(thresholdNumerator, thresholdDenominator, calls, Math.min(minimumCalls, calls), waitInOpen, trialCalls, listeners);
        }

        /** No decision before this many outcomes are in the window (1..windowSize). */
        public Config withMinimumCalls(int calls) {
            if (calls < 1 || calls > windowSize) {
                throw new IllegalArgumentException("minimum calls must be in [1, window size " + windowSize + "], got " + calls);
            }
            return new Config(thresholdNumerator, thresholdDenominator, windowSize, calls, waitInOpen, trialCalls, listeners);
        }

        /** How long to refuse every call before probing (positive, at most a day). */
        public Config withWaitInOpen(Duration wait) {
            Objects.requireNonNull(wait, "wait");
            if (wait.isNegative() || wait.isZero() || wait.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("wait in open must be positive and at most a day, got " + wait);
            }
            return new Config(thresholdNumerator, thresholdDenominator, windowSize, minimumCalls, wait, trialCalls, listeners);
        }

        /** Trial calls let through in half-open; all must succeed to close (1..1000). */
        public Config withTrialCalls(int calls) {
            if (calls < 1 || calls > 1000) {
                throw new IllegalArgumentException("trial calls must be in [1, 1000], got " + calls);
            }
            return new Config(thresholdNumerator, thresholdDenominator, windowSize, minimumCalls, waitInOpen, calls, listeners);
        }

        /** Calls {@code listener} on every transition. */
        public Config onStateChange(Consumer<Transition> listener) {
            Objects.requireNonNull(listener, "listener");
            List<Consumer<Transition>> l = new ArrayList<>(listeners);
            l.add(listener);
            return new Config(thresholdNumerator, thresholdDenominator, windowSize, minimumCalls, waitInOpen, trialCalls, l);
        }

        /** Calls {@code listener} when the breaker opens. */
        public Config onOpen(Consumer<Transition> listener) {
            Objects.requireNonNull(listener, "listener");
            return onStateChange(t -> {
                if (t.to() == State.OPEN) {
                    listener.accept(t);
                }
            });
        }

        /** Calls {@code listener} when the breaker goes half-open. */
        public Config onHalfOpen(Consumer<Transition> listener) {
            Objects.requireNonNull(listener, "listener");
            return onStateChange(t -> {
                if (t.to() == State.HALF_OPEN) {
                    listener.accept(t);
                }
            });
        }

        /** Calls {@code listener} when the breaker closes again. */
        public Config onClose(Consumer<Transition> listener) {
            Objects.requireNonNull(listener, "listener");
            return onStateChange(t -> {
                if (t.to() == State.CLOSED) {
                    listener.accept(t);
                }
            });
        }

        /** A new breaker, closed, reading time only from {@code nanoClock}. */
        public CircuitBreaker build(LongSupplier nanoClock) {
            return new CircuitBreaker(this, Objects.requireNonNull(nanoClock, "nanoClock"));
        }

        /** The threshold as a double (for display; the breaker itself compares exactly). */
        public double failureRateThreshold() {
            return (double) thresholdNumerator / thresholdDenominator;
        }

        /** The threshold as the exact fraction the breaker uses, reduced: for example "11/20". */
        public String failureRateThresholdFraction() {
            return thresholdNumerator + "/" + thresholdDenominator;
        }

        public int windowSize() {
            return windowSize;
        }

        public int minimumCalls() {
            return minimumCalls;
        }

        public Duration waitInOpen() {
            return waitInOpen;
        }

        public int trialCalls() {
            return trialCalls;
        }

        @Override
        public String toString() {
            return "CircuitBreaker.Config[threshold=" + failureRateThresholdFraction() + ", window=" + windowSize + ", minimumCalls="
                    + minimumCalls + ", waitInOpen=" + waitInOpen + ", trialCalls=" + trialCalls + "]";
        }
    }

    private final Config config;
    private final LongSupplier clock;
    private final boolean[] window; // true = failure; a ring buffer of the last windowSize outcomes
    // failuresToOpen[n - minimumCalls]: the fewest failures among n outcomes that open the breaker,
    // computed once, exactly, for every window fill n the breaker ever checks (minimumCalls..windowSize)
    private final int[] failuresToOpen;
    private int windowHead;
    private int windowCount;
    private int windowFailures;
    private State state = State.CLOSED;
    private long openedAt;
    private int trialsIssued;
    private int trialSuccesses;
    private long notPermitted;
    private long transitions;

    private CircuitBreaker(Config config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.window = new boolean[config.windowSize];
        this.failuresToOpen = new int[config.windowSize - config.minimumCalls + 1];
        for (int i = 0; i < failuresToOpen.length; i++) {
            failuresToOpen[i] = config.failuresToOpen(config.minimumCalls + i);
        }
    }

    /**
     * Asks to make a call. True: make it and report its outcome with {@link #onSuccess()} or
     * {@link #onFailure()}. False: the breaker refused; fail fast (fallback, error to the caller).
     */
    public synchronized boolean tryAcquirePermission() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < config.waitInOpen.toNanos()) {
                    notPermitted++;
                    return false;
                }
                transition(State.HALF_OPEN);
                trialsIssued = 1;
                return true;
            default: // HALF_OPEN
                if (trialsIssued < config.trialCalls) {
                    trialsIssued++;
                    return true;
                }
                notPermitted++;
                return false;
        }
    }

    /** The permitted call succeeded. */
    public synchronized void onSuccess() {
        record(false);
    }

    /** The permitted call failed (error, timeout, rejection). */
    public synchronized void onFailure() {
        record(true);
    }

    /**
     * Runs {@code call} if permitted, reporting its outcome (an exception counts as a failure and
     * is rethrown); returns {@code fallback.get()} at once if refused.
     */
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

    private void record(boolean failure) {
        switch (state) {
            case OPEN:
                return; // a late answer to a call let through before the breaker opened
            case HALF_OPEN:
                if (failure) {
                    open();
                } else if (++trialSuccesses >= config.trialCalls) {
                    transition(State.CLOSED);
                    clearWindow();
                }
                return;
            default: // CLOSED
                if (windowCount == window.length) {
                    if (window[windowHead]) {
                        windowFailures--;
                    }
                } else {
                    windowCount++;
                }
                window[windowHead] = failure;
                if (failure) {
                    windowFailures++;
                }
                windowHead = (windowHead + 1) % window.length;
                if (windowCount >= config.minimumCalls
                        && windowFailures >= failuresToOpen[windowCount - config.minimumCalls]) {
                    open();
                }
        }
    }

    private void open() {
        transition(State.OPEN);
        openedAt = clock.getAsLong();
        trialsIssued = 0;
        trialSuccesses = 0;
    }

    private void clearWindow() {
        windowHead = 0;
        windowCount = 0;
        windowFailures = 0;
        trialsIssued = 0;
        trialSuccesses = 0;
    }

    private void transition(State to) {
        State from = state;
        state = to;
        transitions++;
        if (to == State.HALF_OPEN) {
            trialSuccesses = 0;
        }
        if (!config.listeners.isEmpty()) {
            Transition t = new Transition(from, to, clock.getAsLong());
            for (Consumer<Transition> l : config.listeners) {
                l.accept(t);
            }
        }
    }

    public synchronized State state() {
        // an open breaker whose wait is over still reports OPEN until someone asks to call:
        // the transition happens on demand, which keeps the breaker free of timers
        return state;
    }

    public synchronized boolean isClosed() {
        return state == State.CLOSED;
    }

    public synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    public synchronized boolean isHalfOpen() {
        return state == State.HALF_OPEN;
    }

    /** Failure rate in the current window (0 when empty); meaningful while closed. */
    public synchronized double failureRate() {
        return windowCount == 0 ? 0 : (double) windowFailures / windowCount;
    }

    /** Calls refused so far: each one is a caller that failed fast instead of waiting. */
    public synchronized long notPermittedCount() {
        return notPermitted;
    }

    public synchronized long transitionCount() {
        return transitions;
    }

    public Config config() {
        return config;
    }

    @Override
    public synchronized String toString() {
        return "CircuitBreaker[" + state + ", failure rate " + failureRate() + "]";
    }
}
