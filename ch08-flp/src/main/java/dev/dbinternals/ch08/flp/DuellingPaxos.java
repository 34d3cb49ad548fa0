package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Single-decree Paxos with two proposers and three acceptors, in FLP's model, where a proposer
 * whose prepare or accept is refused starts a higher ballot at once: the setting of the
 * "duelling proposers" of Lamport's <i>Paxos Made Simple</i> (2001), §2.4.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" and "System Synchrony" (FLP 불가능성 이론, 시스템
 * 동기성); Paxos itself is the book's Chapter 14. Processes p0 and p1 propose their inputs with
 * ballots of their own parity (p0 odd, p1 even); p2, p3, p4 are acceptors. A proposer sends
 * {@code prepare(b)}; an acceptor that promised nothing higher answers {@code promise(b)} with
 * the ballot and value it last accepted; with two promises the proposer sends {@code accept(b, v)},
 * v being the value of the highest ballot among the promises, or its own input if none; an
 * acceptor that promised nothing higher accepts and answers {@code accepted(b, v)}; with two of
 * those the proposer has learned that v is chosen and decides it. An acceptor that refuses a
 * request answers {@code nack(b, promised)} (<i>Paxos Made Simple</i> suggests this as an
 * optimisation: the acceptor informs the proposer, which abandons its proposal), and the proposer
 * starts the next ballot of its own above the promise. Safety does not
 * depend on any of the timing; progress does: §2.4 shows two proposers that keep pre-empting each
 * other, and says progress needs a distinguished proposer. {@link FlpAdversary} finds that run here
 * by search; {@link PaxosBackoff} runs the same rules on the simulation with randomised backoff.
 *
 * <p>Ballots are compared, never used as numbers (a missing ballot is {@link #NONE}, below every
 * ballot), so renumbering every ballot by an even amount changes nothing. Immutable and thread-safe.
 */
public final class DuellingPaxos implements RoundProtocol<DuellingPaxos.State, DuellingPaxos.Msg> {

    /** No ballot: below every ballot, and never renumbered. */
    public static final int NONE = Integer.MIN_VALUE;
    /** Acceptors needed: a majority of three. */
    static final int QUORUM = 2;

    /** A Paxos message: {@code prepare}, {@code promise}, {@code accept}, {@code accepted} or {@code nack}. */
    public record Msg(int from, int to, String kind, int ballot, int otherBallot, int value) implements Comparable<Msg> {

        private static final Comparator<Msg> ORDER = Comparator.comparingInt(Msg::from).thenComparingInt(Msg::to)
                .thenComparingInt(Msg::ballot).thenComparing(Msg::kind).thenComparingInt(Msg::otherBallot).thenComparingInt(Msg::value);

        @Override
        public int compareTo(Msg o) {
            return ORDER.compare(this, o);
        }

        Msg shifted(int delta) {
            return new Msg(from, to, kind, shift(ballot, delta), shift(otherBallot, delta), value);
        }

        @Override
        public String toString() {
            String extra = switch (kind) {
                case "promise" -> otherBallot == NONE ? ", none accepted" : ", accepted b" + otherBallot + "=" + value;
                case "accept", "accepted" -> ", " + value;
                case "nack" -> ", promised b" + otherBallot;
                default -> "";
            };
            return "p" + from + "→p" + to + " " + kind + "(b" + ballot + extra + ")";
        }
    }

    /**
     * A process. Proposer: its ballot, phase (1 preparing, 2 accepting), replies counted, the
     * highest accepted ballot and value among its promises (in phase 2: the value it proposes),
     * decision. Acceptor: {@code ballot} is its promise, {@code best*} what it accepted; phase 0.
     */
    public record State(int input, int ballot, int phase, int count, int bestBallot, int bestValue, int decision) {

        State shifted(int delta) {
            return new State(input, shift(ballot, delta), phase, count, shift(bestBallot, delta), bestValue, decision);
        }
    }

    private static int shift(int ballot, int delta) {
        return ballot == NONE ? NONE : ballot + delta;
    }

    @Override
    public String name() {
        return "DuellingPaxos";
    }

    @Override
    public int n() {
        return 5;
    }

    static boolean isProposer(int p) {
        return p < 2;
    }

    /** The first ballot of proposer {@code p} above {@code b}: p0 owns the odd ballots, p1 the even ones. */
    static int nextBallot(int p, int b) {
        int next = b + 1;
        return Math.floorMod(next, 2) == (p == 0 ? 1 : 0) ? next : next + 1;
    }

    @Override
    public RoundProtocol.Step<State, Msg> start(int self, int input) {
        if (!isProposer(self)) {
            return new RoundProtocol.Step<>(new State(input, NONE, 0, 0, NONE, Reaction.NONE, Reaction.NONE), List.of());
        }
        int b = self + 1;
        return new RoundProtocol.Step<>(new State(input, b, 1, 0, NONE, Reaction.NONE, Reaction.NONE), toAcceptors(self, "prepare", b, NONE, 0));
    }

    @Override
    public RoundProtocol.Step<State, Msg> receive(int self, State s, Msg m) {
        return isProposer(self) ? proposer(self, s, m) : acceptor(self, s, m);
    }

    private RoundProtocol.Step<State, Msg> acceptor(int self, State s, Msg m) {
        boolean prepare = m.kind().equals("prepare");
        if (prepare ? m.ballot() > s.ballot() : m.ballot() >= s.ballot()) {
            if (prepare) {
                return reply(new State(s.input(), m.ballot(), 0, 0, s.bestBallot(), s.bestValue(), Reaction.NONE),
                        new Msg(self, m.from(), "promise", m.ballot(), s.bestBallot(), s.bestValue()));
            }
            return reply(new State(s.input(), m.ballot(), 0, 0, m.ballot(), m.value(), Reaction.NONE),
                    new Msg(self, m.from(), "accepted", m.ballot(), NONE, m.value()));
        }
        return reply(s, new Msg(self, m.from(), "nack", m.ballot(), s.ballot(), 0));
    }

    private RoundProtocol.Step<State, Msg> proposer(int self, State s, Msg m) {
        if (s.decision() != Reaction.NONE || m.ballot() != s.ballot()) {
            return new RoundProtocol.Step<>(s, List.of()); // decided, or a reply to an abandoned ballot
        }
        switch (m.kind()) {
            case "nack" -> {
                int b = nextBallot(self, m.otherBallot());
                return new RoundProtocol.Step<>(new State(s.input(), b, 1, 0, NONE, Reaction.NONE, Reaction.NONE),
                        toAcceptors(self, "prepare", b, NONE, 0));
            }
            case "promise" -> {
                if (s.phase() != 1) {
                    return new RoundProtocol.Step<>(s, List.of());
                }
                boolean higher = m.otherBallot() != NONE && (s.bestBallot() == NONE || m.otherBallot() > s.bestBallot());
                int bestBallot = higher ? m.otherBallot() : s.bestBallot();
                int bestValue = higher ? m.value() : s.bestValue();
                if (s.count() + 1 < QUORUM) {
                    return new RoundProtocol.Step<>(new State(s.input(), s.ballot(), 1, s.count() + 1, bestBallot, bestValue, Reaction.NONE), List.of());
                }
                int v = bestBallot == NONE ? s.input() : bestValue;
                return new RoundProtocol.Step<>(new State(s.input(), s.ballot(), 2, 0, bestBallot, v, Reaction.NONE),
                        toAcceptors(self, "accept", s.ballot(), NONE, v));
            }
            case "accepted" -> {
                if (s.phase() != 2) {
                    return new RoundProtocol.Step<>(s, List.of());
                }
                int count = s.count() + 1;
                return new RoundProtocol.Step<>(new State(s.input(), s.ballot(), 2, count, s.bestBallot(), s.bestValue(),
                        count >= QUORUM ? s.bestValue() : Reaction.NONE), List.of());
            }
            default -> {
                return new RoundProtocol.Step<>(s, List.of());
            }
        }
    }

    private static RoundProtocol.Step<State, Msg> reply(State s, Msg m) {
        return new RoundProtocol.Step<>(s, List.of(m));
    }

    private static List<Msg> toAcceptors(int self, String kind, int ballot, int other, int value) {
        List<Msg> out = new ArrayList<>();
        for (int a = 2; a < 5; a++) {
            out.add(new Msg(self, a, kind, ballot, other, value));
        }
        return out;
    }

    @Override
    public int from(Msg m) {
        return m.from();
    }

    @Override
    public int to(Msg m) {
        return m.to();
    }

    @Override
    public int decision(State s) {
        return s.decision();
    }

    @Override
    public int round(State s) {
        return s.ballot() == NONE ? Integer.MAX_VALUE : s.ballot();
    }

    @Override
    public State shifted(State s, int delta) {
        return s.shifted(delta);
    }

    @Override
    public Msg shifted(Msg m, int delta) {
        return m.shifted(delta);
    }

    @Override
    public int shiftUnit() {
        return 2;
    }
}
