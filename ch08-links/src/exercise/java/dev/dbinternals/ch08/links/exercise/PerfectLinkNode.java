package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise links-8: a perfect link (퍼펙트 링크) with FIFO order, written as a whole node.
 *
 * <p>Book: Chapter 8, Links → Message acknowledgments (메시지 확인 응답), Problem with retransmits
 * (재전송 문제) and Message order (메시지 순서). Under this node lies a fair-loss link
 * ({@link Context#send} may lose, duplicate, delay and reorder any frame). Between correct
 * processes, give the application above:
 * <ul>
 *   <li><b>reliable delivery</b> (신뢰성 있는 전달): every message sent is eventually delivered;</li>
 *   <li><b>no duplication</b> (중복 없음): no message is delivered more than once;</li>
 *   <li><b>no creation</b> (생성 없음): only messages that were sent are delivered;</li>
 *   <li><b>FIFO order</b>: messages from one sender to one receiver are delivered in the order it
 *       sent them.</li>
 * </ul>
 * The first three are the perfect link of Cachin, Guerraoui and Rodrigues, which promises no
 * order; FIFO order (the book's Message order) is this exercise's addition.
 * And stop, and keep little: once every message has been acknowledged the sender sends nothing
 * more and keeps nothing ({@link #unacknowledged()} is 0, the run goes quiet); once every message
 * from a sender has arrived the receiver keeps no sequence number of it one by one
 * ({@link #remembered} is 0) and {@link #nConsecutive} is the number of messages it sent.
 *
 * <p>The application calls {@link #send} from inside this node's handlers; deliver by calling
 * {@link Upper#deliver}. Frames on the wire are the records below, encoded with {@link #CODEC}
 * (you may add fields to them, not new records). The test runs three nodes over 1,000 seeds with loss,
 * duplication and reordering; in half of them one node is cut off from the others for seconds
 * at the start. Every node may send to several others.
 */
public final class PerfectLinkNode implements Node {

    private static final String FILE = "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/PerfectLinkNode.java";

    /** A message on its way: its sequence number (counted per sender and receiver, from 1) and payload. */
    public record Data(long seq, String payload) {
    }

    /** An acknowledgement. */
    public record Ack(long seq) {
    }

    /** Encodes the records; {@code CODEC.receive(ctx, bytes)} is empty for a frame that does not decode. */
    public static final Codec CODEC = Codec.builder().register(1, Data.class).register(2, Ack.class).withChecksum().build();

    /** The application above the link. */
    public interface Upper {
        void deliver(Context ctx, Address from, String payload);
    }

    private final Upper upper;

    public PerfectLinkNode(Upper upper) {
        this.upper = upper;
    }

    /** The application sends {@code payload} to {@code to}. */
    public void send(Context ctx, Address to, String payload) {
        throw new NotDoneYet("links-8", FILE, "make send() give reliable delivery, and let the sender stop once the receiver has the message",
                "send()가 신뢰성 있는 전달(reliable delivery)을 하게 하고, 수신자가 메시지를 받으면 송신자가 멈추게 만드세요");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        throw new NotDoneYet("links-8", FILE, "make onMessage() deliver each message once, in its sender's order, keeping bounded state",
                "onMessage()가 각 메시지를 송신자의 순서대로 한 번씩 전달하고, 상태는 유한하게 유지하게 만드세요");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        throw new NotDoneYet("links-8", FILE, "handle the timers you set",
                "직접 설정한 타이머를 처리하세요");
    }

    /** n_consecutive for messages from {@code from}: the highest number such that every message up to it has arrived. */
    public long nConsecutive(Address from) {
        throw new NotDoneYet("links-8", FILE, "return n_consecutive for messages from this sender",
                "이 송신자가 보낸 메시지의 n_consecutive를 반환하세요");
    }

    /**
     * How many sequence numbers from {@code from} this node keeps one by one, whatever for (a held
     * message, a number remembered as seen), at or below n_consecutive as well as above it;
     * n_consecutive itself is one number and does not count. The test trusts what you report.
     */
    public int remembered(Address from) {
        throw new NotDoneYet("links-8", FILE, "return how many of this sender's numbers you keep one by one",
                "이 송신자의 번호 중 하나하나 따로 기억하는 개수를 반환하세요");
    }

    /** Messages this node keeps because it may have to send them again. */
    public int unacknowledged() {
        throw new NotDoneYet("links-8", FILE, "return how many sent messages you still keep",
                "전송한 메시지 중 아직 갖고 있는 개수를 반환하세요");
    }
}
