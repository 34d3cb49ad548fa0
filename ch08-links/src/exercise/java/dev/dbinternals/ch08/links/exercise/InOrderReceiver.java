package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise links-2: the reorder buffer (재정렬 버퍼).
 *
 * <p>Book: Chapter 8, Links → Message order (메시지 순서). Messages numbered 1, 2, 3, … arrive
 * in any order, some more than once. {@link #receive} returns the messages that can now be
 * delivered in order (possibly none, possibly several at once): every message is delivered
 * exactly once, and never before a message with a smaller number. {@link #nConsecutive} is the
 * book's {@code n_consecutive}: the highest number such that every message up to it has arrived.
 * Never hold more than {@code capacity} messages: a message numbered above
 * {@code n_consecutive + capacity} is dropped (its sender will retransmit it). This is a step
 * towards links-8, whose receiver must deliver in order too.
 */
public final class InOrderReceiver {

    public InOrderReceiver(int capacity) {
        // keep what you need
    }

    /** Takes message {@code seq}; returns the messages now deliverable, in order. */
    public List<String> receive(long seq, String message) {
        throw new NotDoneYet("links-2", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/InOrderReceiver.java",
                "make receive() return every message that can now be delivered in order, each exactly once",
                "receive()가 지금 순서대로 전달할 수 있는 메시지를 모두, 각각 정확히 한 번 반환하게 만드세요");
    }

    /** Highest sequence number with every message up to it received (0 at first). */
    public long nConsecutive() {
        throw new NotDoneYet("links-2", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/InOrderReceiver.java", "return n_consecutive",
                "n_consecutive를 반환하세요");
    }

    /** Messages waiting in the buffer. */
    public int buffered() {
        throw new NotDoneYet("links-2", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/InOrderReceiver.java", "return how many messages wait in the buffer",
                "버퍼에서 기다리는 메시지 수를 반환하세요");
    }
}
