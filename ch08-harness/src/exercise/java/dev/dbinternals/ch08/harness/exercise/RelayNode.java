package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.util.List;

/**
 * Exercise harness-1: get one value from this node to {@code target} although the direct link
 * may be cut one way (a one-way partition) and any frame may be lost.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애): a
 * partition may cut a link in one direction only.
 *
 * <p>What must hold, for every seed, with every link losing frames and the link from the sender
 * to the target cut one way: the target's {@link #delivered()} holds the value exactly once, and
 * the sender's {@link #confirmed()} becomes true (it learns that the target has it). Every node of
 * the cluster runs this class; the ones without a target may help. Not thread-safe (one handler
 * at a time).
 */
public final class RelayNode implements Node {
    private static final String FILE = "ch08-harness/src/exercise/java/dev/dbinternals/ch08/harness/exercise/RelayNode.java";
    private final Address target;
    private final String value;

    /** A node that sends {@code value} to {@code target}; {@code target == null} for a node that only relays and receives. */
    public RelayNode(Address target, String value) {
        this.target = target;
        this.value = value;
    }

    @Override
    public void onStart(Context ctx) {
        if (target != null) {
            throw new NotDoneYet("harness-1", FILE,
                    "get '" + value + "' to " + target + ": it must record the value once, and this node must learn that it has it",
                    "값 '" + value + "'을(를) 노드 " + target + "에 전달하도록 구현하세요: 대상은 값을 한 번만 기록해야 하고, 이 노드는 대상이 값을 받았음을 알아야 해요.");
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        throw new NotDoneYet("harness-1", FILE, "handle a frame that arrived here (it may be meant for this node, or for another)",
                "여기 도착한 프레임을 처리하도록 구현하세요 (이 노드에 온 것일 수도, 다른 노드에 갈 것일 수도 있어요).");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        throw new NotDoneYet("harness-1", FILE, "handle a timer this node set, when it fires",
                "이 노드가 건 타이머가 울렸을 때의 처리를 구현하세요.");
    }

    /** Values this node received as their final destination, each once, in arrival order. */
    public List<String> delivered() {
        return List.of();
    }

    /** True once the target acknowledged this node's value. */
    public boolean confirmed() {
        return false;
    }
}
