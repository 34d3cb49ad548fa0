package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise links-2: the reorder buffer (재정렬 버퍼).
 *
 * <p>Book: Chapter 8, Links → Message order (메시지 순서). Messages numbered 1, 2, 3, … arrive
 * in any order, some more than once. {@link #receive} returns the messages that can now be
 * delivered in order (possibly none, possibly several released at once), delivering each
 * message exactly once. Keep {@code n_consecutive}: the highest number such that every message
 * up to it has arrived. A message above {@code n_consecutive + 1} waits in the buffer; one at
 * or below {@code n_consecutive}, or already waiting, is a duplicate. Never hold more than
 * {@code capacity} messages: drop (return nothing for) a message numbered above
 * {@code n_consecutive + capacity}; the sender will retransmit it.
 */
public final class InOrderReceiver {

    public InOrderReceiver(int capacity) {
        // keep what you need
    }

    /** Takes message {@code seq}; returns the messages now deliverable, in order. */
    public List<String> receive(long seq, String message) {
        throw new NotDoneYet("links-2", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/ladder/InOrderReceiver.java",
                "make receive() hold out-of-order messages and return every message that can now be delivered in order");
    }

    /** Highest sequence number with every message up to it received (0 at first). */
    public long nConsecutive() {
        throw new NotDoneYet("links-2", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/ladder/InOrderReceiver.java", "return n_consecutive");
    }

    /** Messages waiting in the buffer. */
    public int buffered() {
        throw new NotDoneYet("links-2", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/ladder/InOrderReceiver.java", "return how many messages wait in the buffer");
    }
}
