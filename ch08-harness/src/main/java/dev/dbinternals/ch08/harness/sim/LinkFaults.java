package dev.dbinternals.ch08.harness.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults of one direction of a link: loss, duplication, delay (hence reordering), bit
 * corruption, bandwidth and a bounded queue. Built fluently from {@link #none()}.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애): the
 * section asks, in paraphrase, for a test harness that can simulate bit flips and increase
 * latency; and "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류): the network is not
 * reliable, latency is not zero, bandwidth is not infinite (three of the commonly cited eight;
 * see {@code fallacies.Fallacies}).
 *
 * <p>Immutable and thread-safe: every {@code with*} returns a copy. An out-of-range value
 * throws {@link IllegalArgumentException} naming the knob and the value.
 */
public final class LinkFaults {

    private static final Duration DEFAULT_DELAY = Duration.ofMillis(1);
    private static final LinkFaults NONE = new LinkFaults(0, 0, 0, Delay.fixed(DEFAULT_DELAY), 0, 0);

    private final double loss;
    private final double duplication;
    private final double corruption;
    private final Delay delay;
    private final long bandwidth;
    private final int queueLimit;

    private LinkFaults(double loss, double duplication, double corruption, Delay delay, long bandwidth, int queueLimit) {
        this.loss = loss;
        this.duplication = duplication;
        this.corruption = corruption;
        this.delay = delay;
        this.bandwidth = bandwidth;
        this.queueLimit = queueLimit;
    }

    /**
     * A well-behaved link: nothing lost, duplicated or corrupted, unlimited bandwidth, and a
     * fixed delay of 1 ms (a LAN round trip is about that; an instant network would hide every
     * race that latency causes; use {@code withDelay(Delay.zero())} if you want one).
     */
    public static LinkFaults none() {
        return NONE;
    }

    /** Probability in [0, 1] that a frame is dropped. */
    public LinkFaults withLoss(double p) {
        return new LinkFaults(probability("loss", p), duplication, corruption, delay, bandwidth, queueLimit);
    }

    /**
     * Probability in [0, 1) that the network delivers an extra copy of a frame; each extra copy
     * may be followed by another with the same probability (at most {@value Network#MAX_EXTRA_COPIES}).
     */
    public LinkFaults withDuplication(double p) {
        if (p >= 1.0) {
            throw new IllegalArgumentException("duplication must be a probability in [0, 1), got " + p);
        }
        return new LinkFaults(loss, probability("duplication", p), corruption, delay, bandwidth, queueLimit);
    }

    /** Probability in [0, 1] that a delivered frame has one to three of its bits flipped. */
    public LinkFaults withCorruption(double p) {
        return new LinkFaults(loss, duplication, probability("corruption", p), delay, bandwidth, queueLimit);
    }

    /** How long a frame spends on the wire; a random delay reorders frames. */
    public LinkFaults withDelay(Delay d) {
        return new LinkFaults(loss, duplication, corruption, Objects.requireNonNull(d, "delay"), bandwidth, queueLimit);
    }

    /** Shorthand for {@code withDelay(Delay.fixed(d))}. */
    public LinkFaults withDelay(Duration d) {
        return withDelay(Delay.fixed(d));
    }

    /**
     * Bytes per second the link carries; 0 means unlimited. With a limit, a frame of n bytes
     * occupies the link for n / bandwidth seconds and later frames wait behind it (FIFO).
     */
    public LinkFaults withBandwidth(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must be >= 0 bytes per second (0 = unlimited), got "
                    + bytesPerSecond);
        }
        return new LinkFaults(loss, duplication, corruption, delay, bytesPerSecond, queueLimit);
    }

    /**
     * The most frames that may wait for a bandwidth-limited link (the one being transmitted
     * included); a frame arriving at a full queue is dropped with {@link DropReason#QUEUE_FULL}.
     * 0 means unbounded. Only meaningful with {@link #withBandwidth}: without a bandwidth limit
     * no frame ever waits.
     */
    public LinkFaults withQueueLimit(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("queue limit must be >= 0 frames (0 = unbounded), got " + frames);
        }
        return new LinkFaults(loss, duplication, corruption, delay, bandwidth, frames);
    }

    private static double probability(String knob, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(knob + " must be a probability in [0, 1], got " + p);
        }
        return p;
    }

    public double loss() {
        return loss;
    }

    public double duplication() {
        return duplication;
    }

    public double corruption() {
        return corruption;
    }

    public Delay delay() {
        return delay;
    }

    public long bandwidth() {
        return bandwidth;
    }

    public int queueLimit() {
        return queueLimit;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LinkFaults[delay=").append(delay);
        if (loss > 0) sb.append(", loss=").append(loss);
        if (duplication > 0) sb.append(", duplication=").append(duplication);
        if (corruption > 0) sb.append(", corruption=").append(corruption);
        if (bandwidth > 0) sb.append(", bandwidth=").append(bandwidth).append(" B/s");
        if (queueLimit > 0) sb.append(", queueLimit=").append(queueLimit);
        return sb.append(']').toString();
    }
}
