package dev.dbinternals.ch08.cascading;

import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Where one benchmark thread is in JMH's run, so a statistic of the <em>whole</em> measurement
 * (a percentile, a mean, a fairness index) can be reported through an
 * {@code @AuxCounters(Type.EVENTS)} counter.
 *
 * <p>Why this is needed: JMH adds up an EVENTS counter over all threads and over all iterations
 * (it is meant for counts). A percentile added up over three iterations is nonsense, and the
 * percentile of a run is not the mean of per-iteration percentiles either. So the benchmarks
 * here collect samples over all measurement iterations, and one thread writes the statistic
 * into its counter in the <em>last</em> measurement iteration only, leaving 0 everywhere else:
 * the sum JMH prints is then exactly that one value. The per-iteration lines of JMH's console
 * output show these counters as 0 except in the last iteration; that is expected.
 *
 * <p>Use: call {@link #enter} from a {@code @Setup(Level.Iteration)} method that takes JMH's
 * {@link IterationParams}; reset the samples when it returns true; record while
 * {@link #measuring()}; publish in {@code @TearDown(Level.Iteration)} when {@link #last()}.
 * JMH runs iteration tear-downs after every thread has left the measured loop and before it
 * reads the counters. Not thread-safe: one instance per thread.
 */
final class WholeMeasurement {

    private int measured;
    private boolean measuring;
    private boolean last;

    /** Records that an iteration starts; true when it is the first measurement iteration (reset now). */
    boolean enter(IterationParams p) {
        measuring = p.getType() == IterationType.MEASUREMENT;
        if (!measuring) {
            last = false;
            return false;
        }
        measured++;
        last = measured == p.getCount();
        return measured == 1;
    }

    /** True during measurement iterations (not during warm-up). */
    boolean measuring() {
        return measuring;
    }

    /** True during the last measurement iteration: the one that reports the whole measurement. */
    boolean last() {
        return last;
    }
}
