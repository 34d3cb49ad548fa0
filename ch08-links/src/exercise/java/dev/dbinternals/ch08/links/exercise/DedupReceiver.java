package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise links-1: deduplication in the receiver (중복 제거).
 *
 * <p>Book: Chapter 8, Links → Problem with retransmits (재전송 문제) and Message order (메시지
 * 순서). A sender that retransmits until acknowledged makes the receiver see some messages more
 * than once. Make {@link #firstDelivery} return {@code true} the first time a (sender, sequence
 * number) pair arrives and {@code false} for every later copy, in any arrival order.
 *
 * <p>Keep memory bounded the way the book suggests: per sender, remember the highest number
 * {@code n} such that every message up to {@code n} has been seen (everything at or below it is
 * a duplicate) and only the numbers seen <em>above</em> it individually. {@link #remembered}
 * reports how many numbers you keep individually; after an in-order run it must be 0.
 */
public final class DedupReceiver {

    /** True the first time {@code seq} from {@code from} arrives, false for every copy after it. Sequence numbers start at 1. */
    public boolean firstDelivery(Address from, long seq) {
        throw new NotDoneYet("links-1", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/ladder/DedupReceiver.java",
                "make firstDelivery() return true for a new (sender, seq) and false for a sequence number already seen");
    }

    /** How many sequence numbers from {@code from} are remembered individually (above the consecutive prefix). */
    public int remembered(Address from) {
        throw new NotDoneYet("links-1", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/ladder/DedupReceiver.java",
                "make remembered() return the count of sequence numbers kept above the consecutive prefix");
    }
}
