package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.time.Duration;

/**
 * Exercise links-7: a stubborn link (스터번 링크), written as a whole node.
 *
 * <p>Book: Chapter 8, Links → Message retransmits (메시지 재전송). Under this node lies a fair-loss
 * link: {@link Context#send} may lose, duplicate (finitely often), delay and reorder any frame,
 * and tells nothing.
 * On top of it, make the stubborn link of Cachin, Guerraoui and Rodrigues:
 * <ul>
 *   <li><b>stubborn delivery</b>: if a correct process sends a message once to a correct process,
 *       the receiver delivers it infinitely often;</li>
 *   <li><b>no creation</b> (생성 없음): a message delivered with sender p was sent by p to this
 *       node before.</li>
 * </ul>
 * The application above calls {@link #send} from inside this node's handlers; deliver by calling
 * {@link Upper#deliver}. Frames on the wire are the records below, encoded with {@link #CODEC}.
 * The test runs two nodes for a seeded 1 to 5 s of simulated time over 30 % loss, duplication
 * and reordering, half of the runs starting with the two cut apart for a while; "infinitely
 * often" is checked in the finite form "delivered again in the last 200 ms, as a copy arrives".
 * Retransmit with period {@link #PERIOD}.
 */
public final class StubbornLinkNode implements Node {

    private static final String FILE = "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exercise/StubbornLinkNode.java";

    /** The retransmission period T. */
    public static final Duration PERIOD = Duration.ofMillis(10);

    /** The one message on the wire: a payload. */
    public record Data(String payload) {
    }

    /** Encodes the records; {@code CODEC.receive(ctx, bytes, Data.class)} is empty for a frame that does not decode. */
    public static final Codec CODEC = Codec.builder().register(1, Data.class).withChecksum().build();

    /** The application above the link. */
    public interface Upper {
        void deliver(Context ctx, Address from, String payload);
    }

    private final Upper upper;

    public StubbornLinkNode(Upper upper) {
        this.upper = upper;
    }

    /** The application sends {@code payload} to {@code to}, once. */
    public void send(Context ctx, Address to, String payload) {
        throw new NotDoneYet("links-7", FILE, "make send() give stubborn delivery: the receiver delivers the payload again and again for as long as both run",
                "send()가 스터번 전달(stubborn delivery)을 하게 만드세요: 둘 다 실행되는 동안 수신자가 페이로드를 전달하고 또 전달해야 해요");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        throw new NotDoneYet("links-7", FILE, "make onMessage() deliver what was sent to this node, and nothing else",
                "onMessage()가 이 노드로 전송된 것을 전달하고, 그 밖의 것은 전달하지 않게 만드세요");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        throw new NotDoneYet("links-7", FILE, "handle the timers you set",
                "직접 설정한 타이머를 처리하세요");
    }
}
