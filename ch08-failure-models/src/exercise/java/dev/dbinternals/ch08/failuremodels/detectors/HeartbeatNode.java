package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Heartbeat;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exercise failures-5: a whole heartbeat failure detector (하트비트 프로토콜, 장애 검출기). Every
 * process of the test runs one of these nodes: it lets every other process know it is alive, and
 * it watches every other process.
 *
 * <p>What the test checks, over 1,000 seeded runs with crashes, restarts, pauses, one-way
 * partitions, message delay and duplication, and wall clocks that drift and jump:
 * <ul>
 *   <li>completeness: a process that crashed for good is suspected by every live process within
 *       {@code timeout + period + the maximum delay} of its crash (or of the watcher's own
 *       restart, if that came later), and stays suspected;
 *   <li>accuracy while the run is synchronous: no live process is ever suspected while every
 *       message arrives within the maximum delay (50 ms) and no process pauses;
 *   <li>a process paused, or cut off from one watcher, for longer than that bound is suspected
 *       like a crashed one (required: such a pause or cut takes the run out of the synchronous
 *       model, and no timeout detector can tell it from a crash, so this false suspicion is
 *       unavoidable; strong accuracy only holds while the bound holds), and
 *       trusted again within {@code 2 × period + the maximum delay} once its heartbeats arrive;
 *   <li>every restart of a process is reported exactly once by every live process, within
 *       {@code 2 × period + the maximum delay}, even a restart much shorter than the timeout;
 *       nothing else is a restart.
 * </ul>
 *
 * <p>Starter: {@link Heartbeat} is the message (send it with {@link Messages#encode}, read it with
 * {@code Messages.CODEC.receive(ctx, bytes)}); {@link #setSuspected} and {@link #reportRestart}
 * tell the test. Read time only through {@code ctx}. Try not to peek at {@link MonitorNode}.
 */
public final class HeartbeatNode implements Node {

    private static final String FILE = "ch08-failure-models/src/exercise/java/dev/dbinternals/ch08/failuremodels/detectors/HeartbeatNode.java";

    /** Told of every change of mind about a peer, and of every restart of a peer noticed. */
    public interface Listener {
        void suspected(Address peer, boolean suspected);

        void restarted(Address peer);
    }

    private final Duration period;
    private final Duration timeout;
    private final Listener listener;
    private final Set<Address> suspected = new TreeSet<>();

    public HeartbeatNode(Duration period, Duration timeout, Listener listener) {
        this.period = Objects.requireNonNull(period, "period");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void onStart(Context ctx) {
        throw new NotDoneYet("failures-5", FILE, "make the node tell every other process, every period, that it is alive, and watch them all",
                "노드가 period마다 다른 모든 프로세스에 자기가 살아 있다고 알리고, 그들 모두를 지켜보도록 구현하세요.");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        throw new NotDoneYet("failures-5", FILE, "make onMessage() handle a peer's heartbeat",
                "onMessage()가 피어의 하트비트를 처리하도록 구현하세요.");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        throw new NotDoneYet("failures-5", FILE, "make onTimer() do what has to happen every period",
                "onTimer()가 period마다 해야 할 일을 하도록 구현하세요.");
    }

    /** Whom this node suspects now. */
    public Set<Address> suspected() {
        return Collections.unmodifiableSet(suspected);
    }

    /** Records a change of mind about {@code peer} and tells the test; does nothing if there is no change. */
    private void setSuspected(Context ctx, Address peer, boolean s) {
        if (s ? suspected.add(peer) : suspected.remove(peer)) {
            ctx.note((s ? "suspects " : "trusts again ") + peer);
            listener.suspected(peer, s);
        }
    }

    /** Tells the test that {@code peer} restarted (call it once per restart you notice). */
    private void reportRestart(Context ctx, Address peer) {
        ctx.note(peer + " restarted");
        listener.restarted(peer);
    }
}
