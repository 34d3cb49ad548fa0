package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.Objects;

/**
 * A timing model of the system, applied to a harness {@link Simulation}'s network.
 *
 * <p>Book: Chapter 8, "System Synchrony" (시스템 동기성):
 * <ul>
 *   <li><b>synchronous</b> (동기): every message arrives within a known bound Δ;</li>
 *   <li><b>asynchronous</b> (비동기): no bound; here a long-tailed delay, most messages fast and a
 *       few very slow, so any fixed timeout is sometimes wrong;</li>
 *   <li><b>partially synchronous</b> (부분 동기; Dwork, Lynch and Stockmeyer 1988): bounds exist
 *       but are not known, or are known but hold only after an unknown Global Stabilization Time
 *       (GST). The models here take the second form: delays are long-tailed (or messages are lost)
 *       until GST, and within Δ after it; the algorithms are not told GST.</li>
 * </ul>
 * A "synchronous" model whose Δ is larger than the timeouts the algorithm was built for shows what
 * happens when a timing assumption is simply wrong. Immutable and thread-safe.
 */
public final class TimingModel {

    private final String name;
    private final Delay before;
    private final Duration gst;
    private final Delay after;
    private final boolean cutOffBeforeGst;

    private TimingModel(String name, Delay before, Duration gst, Delay after, boolean cutOffBeforeGst) {
        this.name = Objects.requireNonNull(name);
        this.before = Objects.requireNonNull(before);
        this.gst = gst;
        this.after = after;
        this.cutOffBeforeGst = cutOffBeforeGst;
    }

    /** Every message takes 1 ms to {@code bound}. */
    public static TimingModel synchronous(Duration bound) {
        return new TimingModel(t("bounded delay, Δ = " + bound.toMillis() + " ms", "지연 상한 있음, Δ = " + bound.toMillis() + " ms"), Delay.uniform(Duration.ofMillis(1), bound), null, null, false);
    }

    /** Long-tailed delays without a bound (capped only by the harness's one-hour limit). */
    public static TimingModel asynchronous(Duration median, Duration p99) {
        return new TimingModel(t("asynchronous, median " + median.toMillis() + " ms, p99 " + p99.toMillis() + " ms",
                "비동기, 중앙값 " + median.toMillis() + " ms, p99 " + p99.toMillis() + " ms"),
                Delay.longTailed(median, p99), null, null, false);
    }

    /** Asynchronous ({@code median}, {@code p99}) until {@code gst}, then at most {@code bound}. */
    public static TimingModel partiallySynchronous(Duration median, Duration p99, Duration gst, Duration bound) {
        return new TimingModel(t("partial sync, GST " + gst.toMillis() + " ms, then Δ = " + bound.toMillis() + " ms",
                "부분 동기, GST " + gst.toMillis() + " ms, 이후 Δ = " + bound.toMillis() + " ms"),
                Delay.longTailed(median, p99), gst, Delay.uniform(Duration.ofMillis(1), bound), false);
    }

    /**
     * Partial synchrony with an adversarial start: until {@code gst} every process is cut off from
     * the others (messages sent before GST are lost, as one variant of the model allows), then
     * every message arrives within {@code bound}. No algorithm that needs a majority can decide
     * before GST; one that trusts its timers decides anyway, alone.
     */
    public static TimingModel cutOffUntilGst(Duration gst, Duration bound) {
        Delay d = Delay.uniform(Duration.ofMillis(1), bound);
        return new TimingModel(t("partial sync, cut off until GST " + gst.toMillis() + " ms, Δ = " + bound.toMillis() + " ms",
                "부분 동기, GST " + gst.toMillis() + " ms까지 단절, Δ = " + bound.toMillis() + " ms"), d, gst, d, true);
    }

    public String name() {
        return name;
    }

    /** The Global Stabilization Time, or null for a model without one. */
    public Duration gst() {
        return gst;
    }

    /** Configures {@code sim}'s network (and the switch at GST) for this model; call after adding the nodes. */
    public void applyTo(Simulation sim) {
        sim.network().setDefaults(LinkFaults.none().withDelay(before));
        if (cutOffBeforeGst) {
            sim.nodes().forEach(a -> sim.network().isolate(a));
        }
        if (gst != null) {
            sim.at(gst, () -> {
                sim.network().heal();
                sim.network().setDefaults(LinkFaults.none().withDelay(after));
            });
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
