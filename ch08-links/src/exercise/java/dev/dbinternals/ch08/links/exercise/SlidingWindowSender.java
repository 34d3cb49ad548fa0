package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;
import java.util.OptionalLong;

/**
 * Exercise links-5: a sliding window with backpressure (슬라이딩 윈도와 백프레셔).
 *
 * <p>Book: Chapter 8, Links → Message order (메시지 순서) and Processing → backpressure. A sender
 * that keeps every unacknowledged message grows without bound when the receiver is slow or
 * the network lossy. Bound it: at most {@code window} sequence numbers from {@link #base()}
 * (the lowest unacknowledged) may be in flight. {@link #trySend()} hands out 1, 2, 3, … while
 * there is room and returns empty when the window is full (backpressure). {@link #ack}
 * acknowledges one number (a selective acknowledgement, not "everything up to it"); an ack for a
 * number that was never handed out, or acknowledged already, changes nothing. A refinement of
 * the sender of links-8, which may keep any number of messages.
 */
public final class SlidingWindowSender {

    public SlidingWindowSender(int window) {
        // keep what you need
    }

    /** The next sequence number if the window has room, else empty. */
    public OptionalLong trySend() {
        throw new NotDoneYet("links-5", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/SlidingWindowSender.java",
                "make trySend() hand out the next sequence number only while fewer than window are in flight",
                "trySend()가 전송 중인 번호가 window개보다 적을 때만 다음 시퀀스 번호를 내주게 만드세요");
    }

    /** Acknowledges {@code seq}. */
    public void ack(long seq) {
        throw new NotDoneYet("links-5", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/SlidingWindowSender.java", "make ack() acknowledge seq, so that base() is always the lowest unacknowledged number",
                "ack()가 seq를 확인 응답 처리해서 base()가 항상 확인 응답되지 않은 가장 작은 번호가 되게 만드세요");
    }

    /** Lowest unacknowledged sequence number (the next to send if none is in flight). */
    public long base() {
        throw new NotDoneYet("links-5", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/SlidingWindowSender.java", "return the lowest unacknowledged sequence number",
                "확인 응답되지 않은 가장 작은 시퀀스 번호를 반환하세요");
    }

    /** Numbers handed out and not yet slid past: next - base. */
    public int inFlight() {
        throw new NotDoneYet("links-5", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/SlidingWindowSender.java", "return how many numbers are in the window",
                "윈도에 있는 번호의 개수를 반환하세요");
    }

    /** The unacknowledged sequence numbers, ascending. */
    public List<Long> unacked() {
        throw new NotDoneYet("links-5", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/SlidingWindowSender.java", "list the unacknowledged sequence numbers",
                "확인 응답되지 않은 시퀀스 번호를 나열하세요");
    }
}
