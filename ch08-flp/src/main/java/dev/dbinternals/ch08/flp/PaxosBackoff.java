package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.flp.DuellingPaxos.Msg;
import dev.dbinternals.ch08.flp.DuellingPaxos.State;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DuellingPaxos}'s rules on the harness simulation, with one change for liveness: a
 * proposer whose ballot was refused waits a random time before its next prepare (randomised
 * exponential backoff: uniform in [0, base · 2^k) after its k-th refusal, k capped at 6), or, with
 * no backoff, retries at once as in the model the adversary searched.
 *
 * <p>Book: Chapter 8, "System Synchrony" (시스템 동기성). Safety never depends on the timing; the
 * backoff only makes it likely, once message delays are bounded (after GST in the partially
 * synchronous model), that one proposer's prepare and accept both get through before the other
 * proposer's next prepare. That is a measured tendency, not a guarantee: Lamport (<i>Paxos Made
 * Simple</i>, §2.4) gets progress from a distinguished proposer elected with timeouts or
 * randomness. Stateless; each run builds its own simulation from its seed.
 */
public final class PaxosBackoff {

    private PaxosBackoff() {
    }

    /** What one seed's run gave: the proposers' decisions, ballots started before the first decision, its time. */
    public record Run(long seed, List<Integer> decisions, List<Integer> inputs, int ballots, long decidedAtNanos, boolean decided) {

        /** Both proposers that decided decided the same value, and it is one of their inputs. */
        public boolean safe() {
            List<Integer> d = decisions.stream().filter(x -> x != Reaction.NONE).distinct().toList();
            return d.size() <= 1 && (d.isEmpty() || inputs.contains(d.get(0)));
        }
    }

    /** One process: the protocol's state, and a timer for a prepare held back by the backoff. */
    static final class PaxosNode implements Node {
        private final DuellingPaxos rules = new DuellingPaxos();
        private final int self;
        private final int input;
        private final Duration base;
        private State state;
        private int refusals;
        private int ballots;
        private List<Msg> held = List.of();
        private boolean noted;

        PaxosNode(int self, int input, Duration base) {
            this.self = self;
            this.input = input;
            this.base = base;
        }

        @Override
        public void onStart(Context ctx) {
            var step = rules.start(self, input);
            state = step.next();
            if (DuellingPaxos.isProposer(self)) {
                ballots++;
            }
            send(ctx, step.send());
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] bytes) {
            Msg m = decode(bytes);
            int before = state.ballot();
            var step = rules.receive(self, state, m);
            state = step.next();
            if (state.decision() != Reaction.NONE && !noted) {
                noted = true;
                ctx.note("decides " + state.decision() + " in ballot " + state.ballot());
            }
            if (DuellingPaxos.isProposer(self) && state.ballot() != before) {
                ballots++;
                refusals++;
                if (base != null) {
                    long bound = base.toNanos() << Math.min(refusals, 6);
                    held = step.send();
                    ctx.setTimer(Duration.ofNanos((long) (ctx.random().nextDouble() * bound)), "backoff");
                    return;
                }
            }
            send(ctx, step.send());
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            send(ctx, held);
            held = List.of();
        }

        private static void send(Context ctx, List<Msg> msgs) {
            for (Msg m : msgs) {
                ctx.send(Address.of("p" + m.to()), encode(m));
            }
        }

        int decision() {
            return state == null ? Reaction.NONE : state.decision();
        }
    }

    static byte[] encode(Msg m) {
        return (m.kind() + " " + m.from() + " " + m.to() + " " + m.ballot() + " " + m.otherBallot() + " " + m.value())
                .getBytes(StandardCharsets.UTF_8);
    }

    static Msg decode(byte[] bytes) {
        String[] f = new String(bytes, StandardCharsets.UTF_8).split(" ");
        return new Msg(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[0], Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]));
    }

    /**
     * One run: proposers p0 (input 0) and p1 (input 1), acceptors p2..p4, under {@code model};
     * {@code backoff} null means retry at once. Stops at the first decision or after {@code horizon}.
     */
    public static Run run(long seed, TimingModel model, Duration backoff, Duration horizon) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(false);
        List<Address> nodes = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            int self = p;
            nodes.add(sim.addNode("p" + p, () -> new PaxosNode(self, self == 1 ? 1 : 0, backoff)));
        }
        model.applyTo(sim);
        boolean decided = sim.runUntil(() -> sim.node(nodes.get(0), PaxosNode.class).decision() != Reaction.NONE
                || sim.node(nodes.get(1), PaxosNode.class).decision() != Reaction.NONE, horizon);
        long at = decided ? sim.nowNanos() : -1;
        PaxosNode a = sim.node(nodes.get(0), PaxosNode.class);
        PaxosNode b = sim.node(nodes.get(1), PaxosNode.class);
        int ballots = a.ballots + b.ballots;
        // let the other proposer go on for a while too, so that agreement is checked on both
        sim.runFor(Duration.ofSeconds(1));
        return new Run(seed, List.of(a.decision(), b.decision()), List.of(0, 1), ballots, at, decided);
    }
}
