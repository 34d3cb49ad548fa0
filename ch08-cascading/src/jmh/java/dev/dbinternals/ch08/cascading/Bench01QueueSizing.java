package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.processing.QueueSizing;

import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.jctools.queues.varhandle.MpscBlockingConsumerVarHandleArrayQueue;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Queue sizing on real threads ("Processing" / 프로세싱): a producer, a bounded queue and a
 * consumer that does a fixed amount of CPU work per item. Does a bigger queue buy throughput?
 * What does it cost? And what changes between blocking the producer (backpressure, 백프레셔)
 * and refusing the item (load shedding)?
 *
 * <p>The book's claim, as the simulator already shows it (demo {@code queues}): once the
 * consumer is saturated a bigger queue adds no throughput, only waiting; a queue is worth its
 * room against bursts. This benchmark asks the same question of real threads, a real
 * {@link BlockingQueue} and the machine's own scheduler.
 *
 * <h2>The set-up, one piece at a time</h2>
 *
 * <p><b>The consumer</b> takes an item and burns {@code serviceMicros} of CPU on it with
 * {@link Blackhole#consumeCPU}, calibrated in the fork or once by the report
 * ({@link #serviceTokens}). Not {@code sleep}: a sleeping consumer frees its core and its
 * service time is the timer's, not the work's. The consumer's rate
 * μ = 1/S is the ceiling of everything below. The consumer measures its own service time, so
 * the report can say which S the machine really delivered.
 *
 * <p><b>The producer</b> is open loop: it hands items over at the times of a Poisson process of
 * rate λ = load · μ, whatever the consumer does. It waits for each due time by spinning on
 * {@link System#nanoTime()}, after parking through the part of a long gap that is more than
 * {@link #PARK_MARGIN_NANOS} away (a parked thread wakes up to ~50 µs late, the timer's slack;
 * parking leaves the core to the consumer on a machine with few cores). Poisson,
 * because real arrivals clump, and because the M/D/1 queue of the simulator and of
 * {@link QueueSizing#md1TimeInSystem} assumes it. {@code load} is below (0.5), near (0.9) and
 * above (1.5) the consumer's rate.
 *
 * <p><b>When the queue is full</b> ({@code overload}):
 * <ul>
 *   <li>{@code put}, backpressure: the producer keeps the item and waits for room (the JDK
 *   queues' timed {@code offer}, in a loop that also watches for the end of the iteration; the
 *   JCTools queue has no blocking put, so the producer spins on {@code offer}). It falls behind
 *   its schedule: the overload moves to the source.</li>
 *   <li>{@code offer}, load shedding: {@code offer} fails, the item is refused and counted.</li>
 * </ul>
 *
 * <p><b>What is measured</b>, per item and over the whole measurement:
 * <ul>
 *   <li>W, the wait: from the moment the producer hands the item over (calls {@code offer}) to
 *   the moment the consumer takes it, as percentiles in an HdrHistogram. With backpressure W
 *   includes the time the producer held the item waiting for room;</li>
 *   <li>how late the producer was: due time to hand-over (the backlog at the source);</li>
 *   <li>L, measured on its own: a third thread looks at the queue every ~0.5 ms and averages
 *   {@code size()} (+1 while the producer holds an item waiting for room), so Little's law
 *   L = λ·W can be checked with L and W measured independently;</li>
 *   <li>offered, accepted, refused and served ({@code @AuxCounters}, counts over the
 *   measurement; the report turns them into rates).</li>
 * </ul>
 *
 * <p><b>The queues</b>: {@link ArrayBlockingQueue} (one lock), {@link LinkedBlockingQueue} (a
 * lock for each end) and JCTools' {@code MpscBlockingConsumerArrayQueue} (lock-free offer; the
 * consumer parks when empty, like the JDK's). Same {@code BlockingQueue} calls on the consumer
 * side, so a difference between rows is the queue's own cost.
 *
 * <p>{@link Bench01QueueSizingReport} runs the sweep of the README and prints it beside Little's
 * law and the simulator's prediction for the same S and λ.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Group)
public class Bench01QueueSizing {

    // Default parameters are kept small (3 x 2 x 2 x 2 = 24 runs) because the CI smoke run forks
    // once per combination; the report main sweeps capacities 1, 16, 256 and 4,096 and load 0.9 too.
    @Param({"ArrayBlockingQueue", "LinkedBlockingQueue", "MpscBlockingConsumerArrayQueue"})
    public String queue;

    @Param({"16", "4096"})
    public int capacity;

    /** Offered load λ / μ: below (0.5), near (0.9, in the report) and above (1.5) the consumer's rate. */
    @Param({"0.5", "1.5"})
    public double load;

    /** What a full queue does: {@code put} blocks the producer, {@code offer} refuses the item. */
    @Param({"put", "offer"})
    public String overload;

    /** The consumer's CPU work per item (the service time S), in microseconds. */
    @Param({"100"})
    public int serviceMicros;

    /**
     * The same service as {@link Blackhole#consumeCPU} tokens; 0 = calibrate in this fork. The
     * report calibrates once and passes the count to every fork, so every row does the same work.
     */
    @Param({"0"})
    public long serviceTokens;

    /** How often the sampler thread looks at the queue. */
    static final long SAMPLE_EVERY_NANOS = 500_000;
    /** The producer parks through a gap only up to this long before the item is due, then spins. */
    static final long PARK_MARGIN_NANOS = 100_000;

    /** An item remembers when the producer handed it over, and when it was due. */
    static final class Item {
        final long dueAt;
        final long handedOverAt;

        Item(long dueAt, long handedOverAt) {
            this.dueAt = dueAt;
            this.handedOverAt = handedOverAt;
        }
    }

    BlockingQueue<Item> q;
    boolean jctools;
    boolean shed;
    long tokens;
    double meanGapNanos;
    /** Set while the producer holds an item and waits for room: part of L under backpressure. */
    volatile boolean producerHolding;

    @Setup(Level.Trial)
    public void build() {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        if (!(load > 0 && load <= 10)) {
            throw new IllegalArgumentException("load must be in (0, 10], got " + load);
        }
        if (serviceMicros < 1 || serviceMicros > 100_000) {
            throw new IllegalArgumentException("serviceMicros must be in [1, 100000], got " + serviceMicros);
        }
        q = switch (queue) {
            case "ArrayBlockingQueue" -> new ArrayBlockingQueue<>(capacity);
            case "LinkedBlockingQueue" -> new LinkedBlockingQueue<>(capacity);
            // capacities here are powers of two, which this queue needs (it rounds others up)
            case "MpscBlockingConsumerArrayQueue" -> new MpscBlockingConsumerVarHandleArrayQueue<>(capacity);
            default -> throw new IllegalArgumentException("unknown queue '" + queue
                    + "'; valid: ArrayBlockingQueue, LinkedBlockingQueue, MpscBlockingConsumerArrayQueue");
        };
        jctools = queue.startsWith("Mpsc");
        shed = switch (overload) {
            case "put" -> false;
            case "offer" -> true;
            default -> throw new IllegalArgumentException("unknown overload '" + overload + "'; valid: put, offer");
        };
        long serviceNanos = serviceMicros * 1000L;
        if (serviceTokens < 0) {
            throw new IllegalArgumentException("serviceTokens must be >= 0 (0 = calibrate), got " + serviceTokens);
        }
        tokens = serviceTokens > 0 ? serviceTokens : tokensFor(serviceNanos);
        meanGapNanos = serviceNanos / load;
    }

    /**
     * How many {@link Blackhole#consumeCPU} tokens take {@code nanos} on this machine. The loop is
     * warmed up first, then timed in rounds of 21 runs; a round's figure is its <em>fastest</em>
     * run, because on a busy machine a run can only be slowed down (preempted), never sped up.
     * Rounds repeat until two in a row agree within 2% (the JIT may still be replacing the loop
     * with faster code in the first ones), at most 50 rounds.
     */
    static long tokensFor(long nanos) {
        final long probe = 1 << 14;
        for (int i = 0; i < 2_000; i++) {
            Blackhole.consumeCPU(probe / 4);
        }
        double previous = Double.NaN;
        double perToken = Double.NaN;
        for (int round = 0; round < 50; round++) {
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 21; i++) {
                long t0 = System.nanoTime();
                Blackhole.consumeCPU(probe);
                best = Math.min(best, (System.nanoTime() - t0) / (double) probe);
            }
            perToken = best;
            if (Math.abs(best - previous) <= 0.02 * best) {
                break;
            }
            previous = best;
        }
        return Math.max(1, Math.round(nanos / perToken));
    }

    /** Whether JMH is inside the measured window of an iteration (not in the threads' ramp-up or wind-down). */
    static boolean measuring(Control ctl) {
        return ctl.startMeasurement && !ctl.stopMeasurement;
    }

    // ---------------------------------------------------------------------------- the producer

    /**
     * The producer's counts inside the measured window. Counts, not rates: JMH would divide a
     * rate by the thread's own measured time, which is shorter than the window when the thread
     * was descheduled as the window opened; the report divides by the iteration length.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Producer {
        public long offered;
        public long accepted;
        public long refused;
        private final SplittableRandom random = new SplittableRandom(8);
        private long due;

        @Setup(Level.Iteration)
        public void start() {
            offered = 0;
            accepted = 0;
            refused = 0;
            // a new iteration starts on time: the backlog of the pause between iterations is dropped
            due = Math.max(due, System.nanoTime());
        }

        long nextGap(double meanNanos) {
            // exponential gaps (inverse transform): a Poisson process of rate 1 / mean
            return Math.max(1, (long) (-Math.log(1.0 - random.nextDouble()) * meanNanos));
        }
    }

    /** The producer's backlog: how late it handed items over (nanoseconds), whole measurement. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Lateness {
        /** Mean time between an item's due time and its hand-over, µs. */
        public double lateMeanUs;
        private final WholeMeasurement when = new WholeMeasurement();
        private long sum;
        private long n;

        @Setup(Level.Iteration)
        public void start(IterationParams p) {
            if (when.enter(p)) {
                sum = 0;
                n = 0;
            }
            lateMeanUs = 0;
        }

        void late(long nanos) {
            if (when.measuring()) {
                sum += nanos;
                n++;
            }
        }

        @TearDown(Level.Iteration)
        public void publish() {
            if (when.last() && n > 0) {
                lateMeanUs = sum / 1e3 / n;
            }
        }
    }

    @Benchmark
    @Group("boundedQueue")
    @GroupThreads(1)
    public void produce(Producer p, Lateness late, Control ctl) throws InterruptedException {
        // Open loop: wait for this item's due time, then hand it over, whatever the consumer does.
        long early = p.due - System.nanoTime();
        if (early > 2 * PARK_MARGIN_NANOS) {
            LockSupport.parkNanos(early - PARK_MARGIN_NANOS);
        }
        while (System.nanoTime() < p.due) {
            if (ctl.stopMeasurement) {
                return;
            }
            Thread.onSpinWait();
        }
        long due = p.due;
        p.due += p.nextGap(meanGapNanos);
        boolean counting = measuring(ctl);
        long now = System.nanoTime();
        if (counting) {
            p.offered++;
            late.late(now - due);
        }
        Item item = new Item(due, now);
        if (q.offer(item)) {
            p.accepted += counting ? 1 : 0;
            return;
        }
        if (shed) {
            p.refused += counting ? 1 : 0; // load shedding: the item is dropped and the producer moves on
            return;
        }
        // Backpressure: hold the item until there is room. The producer falls behind its
        // schedule; the next items leave late (the backlog is now at the source).
        producerHolding = true;
        try {
            while (!ctl.stopMeasurement) {
                boolean in;
                if (jctools) {
                    // JCTools' put/offer(timeout) throw when full: the producer picks its own wait
                    in = q.offer(item);
                    if (!in) {
                        Thread.onSpinWait();
                    }
                } else {
                    in = q.offer(item, 1, TimeUnit.MILLISECONDS); // put, but watching for the end of the iteration
                }
                if (in) {
                    p.accepted += counting ? 1 : 0;
                    return;
                }
            }
        } finally {
            producerHolding = false;
        }
    }

    // ---------------------------------------------------------------------------- the consumer

    /** Items served inside the measured window (a count, like the producer's). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Consumer {
        public long served;

        @Setup(Level.Iteration)
        public void start() {
            served = 0;
        }
    }

    /** The wait W of every item taken during the measurement, and the consumer's real service time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Waits {
        public double waitP50Us;
        public double waitP99Us;
        public double waitP999Us;
        public double waitMaxUs;
        public double waitMeanUs;
        public double serviceMeanUs;
        private final WholeMeasurement when = new WholeMeasurement();
        // 1 ns to 1 hour at 3 significant digits: a 0.1% resolution for any wait seen here
        private final Histogram histogram = new Histogram(TimeUnit.HOURS.toNanos(1), 3);
        private long waitSum;
        private long serviceSum;
        private long n;

        @Setup(Level.Iteration)
        public void start(IterationParams p) {
            if (when.enter(p)) {
                histogram.reset();
                waitSum = 0;
                serviceSum = 0;
                n = 0;
            }
            waitP50Us = 0;
            waitP99Us = 0;
            waitP999Us = 0;
            waitMaxUs = 0;
            waitMeanUs = 0;
            serviceMeanUs = 0;
        }

        void record(long waitNanos, long serviceNanos) {
            if (when.measuring()) {
                histogram.recordValue(Math.max(0, Math.min(waitNanos, histogram.getHighestTrackableValue())));
                waitSum += waitNanos;
                serviceSum += serviceNanos;
                n++;
            }
        }

        @TearDown(Level.Iteration)
        public void publish() {
            if (when.last() && n > 0) {
                waitP50Us = histogram.getValueAtPercentile(50) / 1e3;
                waitP99Us = histogram.getValueAtPercentile(99) / 1e3;
                waitP999Us = histogram.getValueAtPercentile(99.9) / 1e3;
                waitMaxUs = histogram.getMaxValue() / 1e3;
                waitMeanUs = waitSum / 1e3 / n;
                serviceMeanUs = serviceSum / 1e3 / n;
            }
        }
    }

    @Benchmark
    @Group("boundedQueue")
    @GroupThreads(1)
    public void consume(Consumer c, Waits w, Control ctl) throws InterruptedException {
        Item item;
        do {
            // a parked consumer, woken by the producer's offer: how every queue here is used
            item = q.poll(1, TimeUnit.MILLISECONDS);
            if (item == null && ctl.stopMeasurement) {
                return;
            }
        } while (item == null);
        long start = System.nanoTime();
        Blackhole.consumeCPU(tokens); // the service: S of CPU work
        if (measuring(ctl)) {
            w.record(start - item.handedOverAt, System.nanoTime() - start);
            c.served++;
        }
    }

    // ----------------------------------------------------------------------------- the sampler

    /** L measured by looking: the time average of the number of items waiting. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class QueueLength {
        /** Mean of size() (+1 while the producer holds an item): L of Little's law. */
        public double queueLength;
        /** Fraction of the samples in which the producer was holding an item, waiting for room. */
        public double producerHeld;
        private final WholeMeasurement when = new WholeMeasurement();
        private long sum;
        private long held;
        private long n;

        @Setup(Level.Iteration)
        public void start(IterationParams p) {
            if (when.enter(p)) {
                sum = 0;
                held = 0;
                n = 0;
            }
            queueLength = 0;
            producerHeld = 0;
        }

        @TearDown(Level.Iteration)
        public void publish() {
            if (when.last() && n > 0) {
                queueLength = (double) sum / n;
                producerHeld = (double) held / n;
            }
        }
    }

    @Benchmark
    @Group("boundedQueue")
    @GroupThreads(1)
    public void sample(QueueLength l, Control ctl) {
        if (l.when.measuring() && measuring(ctl)) {
            boolean holding = producerHolding;
            l.sum += q.size() + (holding ? 1 : 0);
            l.held += holding ? 1 : 0;
            l.n++;
        }
        LockSupport.parkNanos(SAMPLE_EVERY_NANOS); // sampling times do not depend on the queue
    }
}

/*
 * How to run it
 *
 *   ./ch08 bench cascading Bench01QueueSizing          (the default parameters, JMH's own table)
 *   java -cp ch08-cascading/target/benchmarks.jar dev.dbinternals.ch08.cascading.Bench01QueueSizingReport
 *                                                      (the README's sweep, with Little's law and the model)
 *
 * What to expect. Read JMH's secondary results: boundedQueue:served, :refused (counts over all
 * measurement iterations), :waitP99Us, ...; the primary "ops/s" of a group adds up the calls of
 * all three methods and means little here. From the report's run on the 2-core machine of the
 * README (ArrayBlockingQueue, S about 105 µs, so 1/S about 9,500/s; load 1.5):
 *
 *   full queue  C      served/s  refused %  W p50 µs  W mean µs   model W mean µs
 *   put           16      8,936        0.0     1,873      1,877     1,738 (Little, L = C+1)
 *   put         4096      8,807        0.0   464,519    469,323   423,228 (Little, L = C+1)
 *   offer         16      9,123       39.3     1,621      1,643     1,634 (simulator)
 *   offer       4096      9,468       37.0   438,305    435,775   418,455 (simulator)
 *
 *   - the same served/s with 16 slots and with 4,096: past saturation a bigger queue only waits,
 *     about one service time per slot;
 *   - put refuses nothing and slows the producer (it holds an item waiting for room ~99.8% of
 *     the time); offer refuses about 1 - 1/1.6 of the items at every capacity;
 *   - below saturation the capacity hardly matters; the p99 there comes from the scheduler;
 *   - Little's law: queueLength ~= accepted/s x waitMeanUs / 10^6 (within 4% whenever L >= 1).
 */
