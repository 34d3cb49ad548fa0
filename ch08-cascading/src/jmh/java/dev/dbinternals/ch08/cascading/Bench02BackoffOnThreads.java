package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.backoff.BackoffPolicy;
import dev.dbinternals.ch08.cascading.backoff.Contention;
import dev.dbinternals.ch08.cascading.backoff.DecorrelatedJitter;
import dev.dbinternals.ch08.cascading.backoff.EqualJitter;
import dev.dbinternals.ch08.cascading.backoff.ExponentialBackoff;
import dev.dbinternals.ch08.cascading.backoff.FullJitter;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Backoff (백오프) and jitter (지터) on real threads ("Cascading Failures" / 계단식 장애): N threads
 * contend for one shared resource, the way the clients of Marc Brooker's AWS experiment
 * ("Exponential Backoff And Jitter", 2015) contend for one row. A thread that loses backs off
 * with one of the module's policies and tries again.
 *
 * <p>The question: do retries without jitter waste work under contention, and does jitter fix
 * it, as the AWS experiment and this module's simulator (demo {@code jitter},
 * {@link Contention}) say? Real threads add what neither of them has: a handful of cores shared
 * by more threads than cores (the scheduler preempts), and one cache line that every attempt
 * pulls to its core.
 *
 * <h2>Three ways to contend</h2>
 *
 * <p>{@code cas} is optimistic concurrency, the AWS set-up on one machine: read the version,
 * prepare the new value (about {@link #WORK_NANOS} of CPU work), then compare-and-set the
 * version. If another thread committed in between, the work is wasted and the attempt failed.
 *
 * <p>{@code tryLock} is the pessimistic twin: take the lock if it is free
 * ({@link ReentrantLock#tryLock()}), do the same work under it, release it. A failed attempt is
 * cheap here (one CAS on the lock word); what hurts is a holder that is preempted while holding.
 *
 * <p>{@code casRoundTrip} is {@code cas} with a round trip in the window instead of CPU work:
 * read the version, park for {@link #ROUND_TRIP_NANOS} (the write travelling to a remote store
 * and back, as in the AWS experiment, where the clients talk to a database over a network),
 * then compare-and-set. A parked thread needs no core, so here all N threads really are in the
 * middle of an attempt at once, as N remote clients would be, however few cores there are.
 *
 * <p>{@code casBurst} is {@code casRoundTrip} in rounds, the AWS experiment itself: all N
 * threads start a round at the same instant (a cache expiry, a deploy, a partition healing),
 * each wants one successful write, and the round ends when the last one has written; the next
 * starts {@link #ROUND_GAP_NANOS} later. Clients that collide at the same moment and back off
 * by the same delay collide again; that lockstep is what jitter is meant to break. Besides the
 * counts, {@code roundMeanUs} is the mean time from a round's start to its last write (the AWS
 * "completion time").
 *
 * <h2>The policies</h2>
 *
 * <p>{@code none} retries at once ({@link BackoffPolicy#immediate()}); {@code exponential} waits
 * base·2^(n−1) ({@link ExponentialBackoff}, no jitter); {@code full}, {@code equal} and
 * {@code decorrelated} are {@link FullJitter}, {@link EqualJitter} and
 * {@link DecorrelatedJitter}. Base {@link #BASE} (about the work of one attempt) and cap
 * {@link #CAP} for {@code cas} and {@code tryLock}; base {@link #ROUND_TRIP_BASE} (one round trip)
 * and cap {@link #ROUND_TRIP_CAP} for {@code casRoundTrip}.
 * Every thread draws from its own seeded generator. A wait shorter than {@link #SPIN_LIMIT_NANOS}
 * spins with {@link Thread#onSpinWait()} (parking cannot sleep that briefly: Linux adds up to
 * 50 µs of timer slack); a longer one parks with {@link LockSupport#parkNanos}, giving the core
 * to another thread.
 *
 * <h2>What is measured</h2>
 *
 * <ul>
 *   <li>{@code successes} and {@code failures}: counts over the measurement (all threads, all
 *   iterations); failures / successes is the AWS "calls" metric less one (attempts per success
 *   = 1 + failures per success). JMH's own score (successes per second) is printed too, but it
 *   adds up per-thread rates and overstates when a thread starves; the report divides the
 *   counts by the measurement time;</li>
 *   <li>fairness: each thread's share of the successes over the whole measurement, as
 *   {@code minShare} and {@code maxShare} (the smallest and largest share divided by the mean
 *   share: 1.00 and 1.00 is perfectly even; 0 means a thread starved).</li>
 * </ul>
 *
 * <p>{@code @Threads(4)} by default; {@code -t N} changes it, and {@link Bench02BackoffReport}
 * runs 1, 2, 4, 8 and 16 threads side by side and prints them beside the simulator's ranking.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(4)
@State(Scope.Benchmark)
public class Bench02BackoffOnThreads {

    /** The CPU work of one attempt (preparing the new value); the base delay is about the same. */
    static final long WORK_NANOS = 500;
    static final Duration BASE = Duration.ofNanos(1_000);
    static final Duration CAP = Duration.ofMillis(1);
    /** The round trip of {@code casRoundTrip}, and its backoff's base and cap. */
    static final long ROUND_TRIP_NANOS = 100_000;
    static final Duration ROUND_TRIP_BASE = Duration.ofNanos(ROUND_TRIP_NANOS);
    static final Duration ROUND_TRIP_CAP = Duration.ofMillis(10);
    /** casBurst: the pause between the last write of a round and the start of the next. */
    static final long ROUND_GAP_NANOS = 200_000;
    /** Shorter waits spin, longer ones park. */
    static final long SPIN_LIMIT_NANOS = 20_000;

    @Param({"none", "exponential", "full", "equal", "decorrelated"})
    public String policy;

    /** {@link #WORK_NANOS} as consumeCPU tokens; 0 = calibrate in this fork (the report passes one count to all). */
    @Param({"0"})
    public long workTokens;

    BackoffPolicy backoff;
    BackoffPolicy roundTripBackoff;
    long tokens;
    final AtomicLong version = new AtomicLong();
    final ReentrantLock lock = new ReentrantLock();
    long guarded;
    /** Every thread's tally, for fairness: registered by each thread, read after the measurement. */
    final List<Client> clients = new CopyOnWriteArrayList<>();

    // casBurst's rounds: how many threads wrote in this round, when it starts, its number
    int threads;
    final AtomicInteger finishedInRound = new AtomicInteger();
    volatile long roundStart;
    volatile int round;
    final AtomicLong roundNanos = new AtomicLong();
    final AtomicLong rounds = new AtomicLong();

    /** A fresh round at the start of every iteration (the last one may have been cut short). */
    @Setup(Level.Iteration)
    public void newRound() {
        finishedInRound.set(0);
        roundStart = System.nanoTime() + ROUND_GAP_NANOS;
        round++;
    }

    @Setup(Level.Trial)
    public void build() {
        backoff = policy(policy, BASE, CAP);
        roundTripBackoff = policy(policy, ROUND_TRIP_BASE, ROUND_TRIP_CAP);
        if (workTokens < 0) {
            throw new IllegalArgumentException("workTokens must be >= 0 (0 = calibrate), got " + workTokens);
        }
        tokens = workTokens > 0 ? workTokens : Bench01QueueSizing.tokensFor(WORK_NANOS);
    }

    /** The module's policy named {@code name}, with base {@code base} and cap {@code cap}. */
    static BackoffPolicy policy(String name, Duration base, Duration cap) {
        ExponentialBackoff exp = ExponentialBackoff.of(base, cap);
        return switch (name) {
            case "none" -> BackoffPolicy.immediate();
            case "exponential" -> exp;
            case "full" -> FullJitter.of(exp);
            case "equal" -> EqualJitter.of(exp);
            case "decorrelated" -> DecorrelatedJitter.of(base, cap);
            default -> throw new IllegalArgumentException("unknown policy '" + name
                    + "'; valid: none, exponential, full, equal, decorrelated");
        };
    }

    /** Waits {@code nanos}: spinning if short, parking if long. */
    static void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        if (nanos < SPIN_LIMIT_NANOS) {
            long until = System.nanoTime() + nanos;
            do {
                Thread.onSpinWait();
            } while (System.nanoTime() < until);
        } else {
            LockSupport.parkNanos(nanos);
        }
    }

    /** One contending thread: its random generator and its tally of successes. */
    @State(Scope.Thread)
    public static class Client {
        SplittableRandom random;
        int index;
        long successes;
        private final WholeMeasurement when = new WholeMeasurement();

        @Setup(Level.Trial)
        public void join(Bench02BackoffOnThreads b, ThreadParams t) {
            index = t.getThreadIndex();
            b.threads = t.getThreadCount();
            random = new SplittableRandom(1_000 + index);
            b.clients.add(this);
        }

        @Setup(Level.Iteration)
        public void start(IterationParams p) {
            if (when.enter(p)) {
                successes = 0;
            }
        }

        void succeeded(boolean counting) {
            if (counting && when.measuring()) {
                successes++;
            }
        }
    }

    /**
     * Successes and failed attempts inside JMH's measured window, as plain counts (JMH adds them
     * up over threads and iterations). Counts, not rates: JMH would divide a rate by each
     * thread's own measured time, and a thread that starves (it happens here, see minShare)
     * enters its measured loop late and gets a tiny time and an absurd rate. The report divides
     * the counts by the measurement time instead.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Attempts {
        public long successes;
        public long failures;

        @Setup(Level.Iteration)
        public void start() {
            successes = 0;
            failures = 0;
        }
    }

    /** The spread of successes between threads over the whole measurement, reported once by thread 0. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Fairness {
        public double minShare;
        public double maxShare;
        private final WholeMeasurement when = new WholeMeasurement();

        @Setup(Level.Iteration)
        public void start(IterationParams p) {
            when.enter(p);
            minShare = 0;
            maxShare = 0;
        }

        @TearDown(Level.Iteration)
        public void publish(Bench02BackoffOnThreads b, ThreadParams t) {
            // every thread has left the measured loop before any tear-down runs (JMH waits for all)
            if (!when.last() || t.getThreadIndex() != 0 || b.clients.isEmpty()) {
                return;
            }
            long min = Long.MAX_VALUE;
            long max = 0;
            long sum = 0;
            for (Client c : b.clients) {
                min = Math.min(min, c.successes);
                max = Math.max(max, c.successes);
                sum += c.successes;
            }
            double mean = (double) sum / b.clients.size();
            if (mean > 0) {
                minShare = min / mean;
                maxShare = max / mean;
            }
        }
    }

    /** casBurst: the mean time from a round's start to its last write, over the measurement (thread 0 reports it). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Rounds {
        public double roundMeanUs;
        private final WholeMeasurement when = new WholeMeasurement();

        @Setup(Level.Iteration)
        public void start(Bench02BackoffOnThreads b, IterationParams p, ThreadParams t) {
            if (when.enter(p) && t.getThreadIndex() == 0) {
                b.roundNanos.set(0);
                b.rounds.set(0);
            }
            roundMeanUs = 0;
        }

        @TearDown(Level.Iteration)
        public void publish(Bench02BackoffOnThreads b, ThreadParams t) {
            if (when.last() && t.getThreadIndex() == 0 && b.rounds.get() > 0) {
                roundMeanUs = b.roundNanos.get() / 1e3 / b.rounds.get();
            }
        }
    }

    // Both loops count only inside JMH's measured window (not in the threads' ramp-up and
    // wind-down around it), and keep trying until they succeed: an invocation is one success.

    @Benchmark
    public long cas(Client c, Attempts a, Fairness f, Control ctl) {
        int retry = 0;
        long delay = 0;
        while (true) {
            long v = version.get();              // read the row's version
            Blackhole.consumeCPU(tokens);    // prepare the new row: another writer may commit meanwhile
            boolean counting = Bench01QueueSizing.measuring(ctl);
            if (version.compareAndSet(v, v + 1)) {
                c.succeeded(counting);
                a.successes += counting ? 1 : 0;
                return v;
            }
            a.failures += counting ? 1 : 0;      // someone else committed: the work is wasted
            delay = backoff.delayNanos(++retry, delay, c.random);
            pause(delay);
        }
    }

    @Benchmark
    public long tryLock(Client c, Attempts a, Fairness f, Control ctl) {
        int retry = 0;
        long delay = 0;
        while (true) {
            boolean counting = Bench01QueueSizing.measuring(ctl);
            if (lock.tryLock()) {
                try {
                    Blackhole.consumeCPU(tokens); // the same work, done under the lock
                    c.succeeded(counting);
                    a.successes += counting ? 1 : 0;
                    return ++guarded;
                } finally {
                    lock.unlock();
                }
            }
            a.failures += counting ? 1 : 0;      // the lock was taken: nothing done, nothing wasted but the try
            delay = backoff.delayNanos(++retry, delay, c.random);
            pause(delay);
        }
    }

    @Benchmark
    public long casRoundTrip(Client c, Attempts a, Fairness f, Control ctl) {
        int retry = 0;
        long delay = 0;
        while (true) {
            long v = version.get();                  // read the row's version ...
            LockSupport.parkNanos(ROUND_TRIP_NANOS); // ... while the write travels: no CPU used, others go on
            boolean counting = Bench01QueueSizing.measuring(ctl);
            if (version.compareAndSet(v, v + 1)) {
                c.succeeded(counting);
                a.successes += counting ? 1 : 0;
                return v;
            }
            a.failures += counting ? 1 : 0;
            delay = roundTripBackoff.delayNanos(++retry, delay, c.random);
            pause(delay);
        }
    }

    @Benchmark
    public long casBurst(Client c, Attempts a, Fairness f, Rounds timing, Control ctl) {
        int r = round;                           // read the round before its start time (written after it)
        long start = roundStart;
        long early = start - System.nanoTime();  // everybody starts the round at the same instant
        if (early > 2 * SPIN_LIMIT_NANOS) {
            LockSupport.parkNanos(early - SPIN_LIMIT_NANOS);
        }
        while (System.nanoTime() < start) {
            Thread.onSpinWait();
        }
        int retry = 0;
        long delay = 0;
        long v;
        boolean counting;
        while (true) {
            v = version.get();
            LockSupport.parkNanos(ROUND_TRIP_NANOS);
            counting = Bench01QueueSizing.measuring(ctl);
            if (version.compareAndSet(v, v + 1)) {
                break;
            }
            a.failures += counting ? 1 : 0;
            delay = roundTripBackoff.delayNanos(++retry, delay, c.random);
            pause(delay);
        }
        c.succeeded(counting);
        a.successes += counting ? 1 : 0;
        if (finishedInRound.incrementAndGet() == threads) {
            // the last writer of the round closes it and schedules the next one
            long now = System.nanoTime();
            if (counting) {
                roundNanos.addAndGet(now - start);
                rounds.incrementAndGet();
            }
            finishedInRound.set(0);
            roundStart = now + ROUND_GAP_NANOS;
            round = r + 1;
        } else {
            while (round == r && !ctl.stopMeasurement) {
                LockSupport.parkNanos(20_000);   // wait for the round's slowest writer
            }
        }
        return v;
    }
}

/*
 * How to run it
 *
 *   ./ch08 bench cascading Bench02BackoffOnThreads -t 8        (JMH's own table, 8 threads)
 *   java -cp ch08-cascading/target/benchmarks.jar dev.dbinternals.ch08.cascading.Bench02BackoffReport
 *                                                             (1 to 16 threads, beside the simulator)
 *
 * What to expect: :failures / :successes is failed attempts per success. Attempts per success
 * from the report's run on the 2-core machine of the README, 16 threads:
 *
 *                  none   exponential  full  equal  decorrelated
 *   cas            1.82   1.02         1.04  1.02   1.03     (2 cores: at most 2 in an attempt)
 *   tryLock        3,787  1.01         1.02  1.01   1.04     (and 0.20 vs ~1.4-2.0 million successes/s)
 *   casRoundTrip   15.5   1.58         1.90  1.69   2.24     (all N in flight, no common start)
 *   casBurst       8.42   6.59         4.53  4.93   4.04     (the AWS set-up; the simulator:
 *                                                             8.50  8.50  4.41  4.81  3.56)
 *
 * casBurst's rounds took 3.5 ms (none), 56.9 ms (exponential), 7.2 ms (full), 10.9 ms (equal) and
 * 6.6 ms (decorrelated): jitter breaks the lockstep of clients that fail together. Where they do
 * not fail together, backing off at all is what counts.
 */
