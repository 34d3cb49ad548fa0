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
 * Exercise failures-6: a phi-accrual failure detector node (장애 검출기; Hayashibara, Défago,
 * Yared and Katayama, "The φ Accrual Failure Detector", SRDS 2004). Every process of the test
 * runs one: it heartbeats to every other process every {@code period}, and for each peer it
 * keeps a suspicion level phi instead of a yes/no timeout, suspecting while phi exceeds
 * {@code threshold}.
 *
 * <p>What phi means: with {@code t} the time since the peer's last heartbeat arrived,
 * {@code phi = -log10 P(an interval between heartbeats is longer than t)}, under a
 * <em>normal</em> distribution with the mean and standard deviation of the recent intervals
 * between arrivals of that peer's heartbeats (as in the paper; Cassandra and Akka use other
 * approximations). {@code PhiAccrualDetector.Normal.upperTail} gives the normal tail; you may
 * borrow it.
 *
 * <p>What the test checks, over 1,000 seeded runs on links that delay each frame by a uniform 1 ms
 * to 21, 41 or 81 ms (by seed) and send one frame in five twice, with clocks that drift and wall clocks that are stepped by seconds, at
 * thresholds 0.5, 1 and 1.5: a process that crashed is suspected by every live one within
 * {@code 3 × period} of the crash, and stays suspected; a suspicion of a live process ends when
 * its next heartbeat is in; and over all the runs, live processes are suspected in about the
 * share of heartbeat intervals that phi promises (half to twice {@code 10^-threshold}), so fewer
 * as the threshold rises. Phi must be looked at every {@code checkEvery}, and when a heartbeat
 * arrives.
 *
 * <p>Starter: {@link Heartbeat} is the message (incarnation 0 here; send it with
 * {@link Messages#encode}, read it with {@code Messages.CODEC.receive(ctx, bytes)});
 * {@link #setSuspected} tells the test. Read time only through {@code ctx}. Builds on failures-5.
 */
public final class PhiNode implements Node {

    private static final String FILE = "ch08-failure-models/src/exercise/java/dev/dbinternals/ch08/failuremodels/detectors/PhiNode.java";

    /** Told of every change of mind about a peer. */
    public interface Listener {
        void suspected(Address peer, boolean suspected);
    }

    private final Duration period;
    private final double threshold;
    private final Duration checkEvery;
    private final Listener listener;
    private final Set<Address> suspected = new TreeSet<>();

    public PhiNode(Duration period, double threshold, Duration checkEvery, Listener listener) {
        this.period = Objects.requireNonNull(period, "period");
        this.threshold = threshold;
        this.checkEvery = Objects.requireNonNull(checkEvery, "checkEvery");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void onStart(Context ctx) {
        throw new NotDoneYet("failures-6", FILE, "make the node heartbeat to every other process and watch each one's phi",
                "노드가 다른 모든 프로세스에 하트비트를 보내고 각 프로세스의 phi를 지켜보도록 구현하세요.");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        throw new NotDoneYet("failures-6", FILE, "make onMessage() learn from a peer's heartbeat what phi needs",
                "onMessage()가 피어의 하트비트에서 phi 계산에 필요한 것을 얻도록 구현하세요.");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        throw new NotDoneYet("failures-6", FILE, "make onTimer() do what has to happen every period and every checkEvery",
                "onTimer()가 period마다, 그리고 checkEvery마다 해야 할 일을 하도록 구현하세요.");
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
}
