package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.flp.SyncMessages.Values;
import java.time.Duration;

/**
 * FloodSet, a consensus algorithm for the <em>synchronous</em> model: f + 1 rounds of a fixed
 * length; in each, every process sends everything it knows; after the last round, decide the
 * smallest value known.
 *
 * <p>Book: Chapter 8, "System Synchrony" (시스템 동기성). In the synchronous model message delay
 * is bounded and processes run at comparable speeds, so a round timer can stand in for "every
 * live process's message has arrived": a message that is not there when the round ends is taken
 * as proof its sender crashed. With f = 1 crash, two such rounds give agreement, validity and
 * termination. But the timer is used for <em>safety</em>: when the delay bound is wrong
 * (asynchrony), a message missing at the end of its round is a false suspicion (its sender is alive),
 * processes decide on different sets, and
 * agreement breaks. Termination, on the other hand, always holds: the timers always fire.
 * Not thread-safe (runs on its runtime's thread).
 */
public final class FloodSetNode implements ConsensusNode {

    private final int input;
    private final int crashesTolerated;
    private final Duration roundLength;
    private int round;
    private int known;
    private int decision = Reaction.NONE;
    private long decidedAt = -1;
    private int suspicions;
    private int heardThisRound;
    private int heardNextRound;
    private long startedAt;

    /**
     * @param crashesTolerated f: the algorithm runs f + 1 rounds
     * @param roundLength      the assumed bound on delivery: the round timer
     */
    public FloodSetNode(int input, int crashesTolerated, Duration roundLength) {
        this.input = input;
        this.crashesTolerated = crashesTolerated;
        this.roundLength = roundLength;
    }

    @Override
    public void onStart(Context ctx) {
        startedAt = ctx.clock().monotonicNanos();
        known = 1 << input;
        round = 1;
        broadcast(ctx);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Values v = SyncMessages.CODEC.decode(message, Values.class);
        if (v.round() < round || decision != Reaction.NONE) {
            return; // too late: its round closed and the sender was already taken for crashed
        }
        int sender = 1 << ctx.nodes().indexOf(from);
        if (v.round() == round) {
            heardThisRound |= sender;
        } else {
            heardNextRound |= sender; // a faster process already started the next round
        }
        known |= v.known();
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        // every process not heard from in this round is taken for crashed; in the experiments
        // nobody crashes, so each one is a false suspicion
        suspicions += ctx.nodes().size() - 1 - Integer.bitCount(heardThisRound);
        heardThisRound = heardNextRound;
        heardNextRound = 0;
        if (round <= crashesTolerated) {
            round++;
            broadcast(ctx);
            return;
        }
        decision = (known & 1) != 0 ? 0 : 1;
        decidedAt = ctx.clock().monotonicNanos() - startedAt;
        ctx.note("decides " + decision + " after " + round + " rounds");
    }

    private void broadcast(Context ctx) {
        byte[] bytes = SyncMessages.CODEC.encode(new Values(round, known));
        for (Address a : ctx.nodes()) {
            if (!a.equals(ctx.self())) {
                ctx.send(a, bytes);
            }
        }
        ctx.setTimer(roundLength, "end of round " + round);
    }

    @Override
    public int input() {
        return input;
    }

    @Override
    public int decision() {
        return decision;
    }

    @Override
    public long decidedAtNanos() {
        return decidedAt;
    }

    @Override
    public int falseSuspicions() {
        return suspicions;
    }
}
