package dev.dbinternals.ch08.cascading.processing;

/**
 * How fast a producer sends, adjusted by what the consumer answers: the "reject, and the
 * producer slows down" flavour of backpressure (백프레셔).
 *
 * <p>Book: Chapter 8, "Processing" (프로세싱). In paraphrase: backpressure deliberately slows
 * the producer down when it publishes faster than the consumer can process. A rejection is
 * the consumer's signal; the controller turns it into a lower rate. Implementations are
 * called from one node's handlers only and need not be thread-safe.
 */
public interface RateController {

    /** The rate to send at now, in requests per second (positive). */
    double ratePerSecond();

    /** The consumer accepted and served a request. */
    void onAccepted();

    /** The consumer refused a request because its queue was full. */
    void onRejected();
}
