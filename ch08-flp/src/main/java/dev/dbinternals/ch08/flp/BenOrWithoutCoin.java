package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;

/**
 * Ben-Or's round-based consensus for crash faults with its coin replaced by a fixed rule ("take
 * 0"): a deterministic protocol that never waits for all n processes, so no single crash
 * can block it, and that keeps agreement and validity in every run. FLP says such a protocol must
 * have a run that never decides; {@link FlpAdversary} builds that run.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). Ben-Or (1983, "Another advantage of
 * free choice", protocol for fail-stop faults, n &gt; 2t) runs rounds r = 1, 2, ...; with t = 1 and
 * {@code waitFor = n - t} (the defaults):
 * <ol>
 *   <li>send {@code report(r, x)} to all; wait for {@code waitFor} reports of round r (one's own
 *       counts); if more than n/2 of all n processes reported the same v among them, send
 *       {@code propose(r, v)}, otherwise {@code propose(r, ?)};</li>
 *   <li>wait for {@code waitFor} proposals of round r; if at least {@code decideAt} (= t + 1) of
 *       them propose the same v, decide v; if at least one proposes v, set x := v; otherwise Ben-Or
 *       flips a coin, and this class sets x := 0 (that is the only change, and it makes the
 *       protocol deterministic).</li>
 * </ol>
 * Two reports quorums of n - t &gt; n/2 overlap, so no two processes propose different values in
 * one round; a process that decides v saw t + 1 proposals of v, so every other process's n - t
 * proposals include one of them and it adopts v: every later round is unanimous. A decided process
 * keeps taking part in the rounds, so the others are never left waiting for it.
 *
 * <p>Rounds are compared, never used as numbers: renumbering every round of a configuration by the
 * same amount gives a configuration that behaves the same way, which is what lets a lasso of
 * {@link FlpAdversary} repeat forever. Two variants give up a property, for the demo:
 * {@link #waitingForAll} (waits for every report, so one crash blocks it) and
 * {@link #decidingOnOneProposal} (decides on a single proposal, which breaks agreement).
 * Immutable and thread-safe.
 */
public final class BenOrWithoutCoin implements RoundProtocol<BenOrWithoutCoin.Local, BenOrWithoutCoin.Msg> {

    /** "?" in a proposal: no value had a majority in the reports this process saw. */
    public static final int NO_VALUE = -1;

    /** A report (phase 1) or proposal (phase 2) of one round. Ordered for a canonical message buffer. */
    public record Msg(int from, int to, int phase, int round, int value) implements Comparable<Msg> {

        @Override
        public int compareTo(Msg o) {
            int c = Integer.compare(from, o.from);
            c = c != 0 ? c : Integer.compare(to, o.to);
            c = c != 0 ? c : Integer.compare(round, o.round);
            c = c != 0 ? c : Integer.compare(phase, o.phase);
            return c != 0 ? c : Integer.compare(value, o.value);
        }

        Msg shifted(int delta) {
            return new Msg(from, to, phase, round + delta, value);
        }

        @Override
        public String toString() {
            return "p" + from + "→p" + to + " " + (phase == 1 ? "report" : "propose") + "(r" + round + ", "
                    + (value == NO_VALUE ? "?" : String.valueOf(value)) + ")";
        }
    }

    /**
     * One process: its input, round and phase, estimate x, decision ({@link Reaction#NONE} while
     * undecided), the values it collected for the current round and phase (its own first), and
     * messages of later rounds or phases kept until it gets there.
     */
    public record Local(int input, int round, int phase, int x, int decision, List<Integer> got, List<Msg> early) {

        public Local {
            got = List.copyOf(got);
            List<Msg> sorted = new ArrayList<>(early);
            sorted.sort(null);
            early = List.copyOf(sorted);
        }

        public boolean decided() {
            return decision != Reaction.NONE;
        }

        Local shifted(int delta) {
            return new Local(input, round + delta, phase, x, decision, got, early.stream().map(m -> m.shifted(delta)).toList());
        }
    }

    private final String name;
    private final int n;
    private final int waitFor;
    private final int decideAt;

    private BenOrWithoutCoin(String name, int n, int waitFor, int decideAt) {
        if (n < 3 || n > 4) {
            throw new IllegalArgumentException("n must be 3 or 4, got " + n);
        }
        this.name = name;
        this.n = n;
        this.waitFor = waitFor;
        this.decideAt = decideAt;
    }

    /** Ben-Or for {@code n} processes and t = 1: wait for n - 1 messages per phase, decide on 2 equal proposals. */
    public BenOrWithoutCoin(int n) {
        this("BenOrWithoutCoin", n, n - 1, 2);
    }

    /** A variant that waits for all n reports and proposals: safe, but a single crash stops every round. */
    public static BenOrWithoutCoin waitingForAll(int n) {
        return new BenOrWithoutCoin("BenOrWaitingForAll", n, n, 2);
    }

    /**
     * A variant that decides on a single proposal (t instead of t + 1): the others can miss the one
     * proposal a decision rested on, fall back to 0 and decide it, which breaks agreement.
     */
    public static BenOrWithoutCoin decidingOnOneProposal(int n) {
        return new BenOrWithoutCoin("BenOrDecidingOnOneProposal", n, n - 1, 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int n() {
        return n;
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
    public int decision(Local s) {
        return s.decision();
    }

    @Override
    public int round(Local s) {
        return s.round();
    }

    @Override
    public Local shifted(Local s, int delta) {
        return s.shifted(delta);
    }

    @Override
    public Msg shifted(Msg m, int delta) {
        return m.shifted(delta);
    }

    /** The first step: report the input in round 1. */
    @Override
    public RoundProtocol.Step<Local, Msg> start(int self, int input) {
        return new RoundProtocol.Step<>(new Local(input, 1, 1, input, Reaction.NONE, List.of(input), List.of()), toOthers(self, 1, 1, input));
    }

    /** Process {@code self} in state {@code s} receives {@code m}: what it does in that one step. */
    @Override
    public RoundProtocol.Step<Local, Msg> receive(int self, Local s, Msg m) {
        int order = Integer.compare(m.round(), s.round()) != 0 ? Integer.compare(m.round(), s.round())
                : Integer.compare(m.phase(), s.phase());
        if (order < 0) {
            return new RoundProtocol.Step<>(s, List.of()); // a late message of a phase already finished: ignored
        }
        if (order > 0) {
            List<Msg> early = new ArrayList<>(s.early());
            early.add(m);
            return new RoundProtocol.Step<>(new Local(s.input(), s.round(), s.phase(), s.x(), s.decision(), s.got(), early), List.of());
        }
        List<Integer> got = new ArrayList<>(s.got());
        got.add(m.value());
        Local cur = new Local(s.input(), s.round(), s.phase(), s.x(), s.decision(), got, s.early());
        List<Msg> send = new ArrayList<>();
        while (cur.got().size() >= waitFor) {
            cur = finishPhase(self, cur, send);
        }
        return new RoundProtocol.Step<>(cur, send);
    }

    /** The phase has its {@code waitFor} values: move on, send, and take any early messages of the new phase. */
    private Local finishPhase(int self, Local s, List<Msg> send) {
        int round = s.round();
        int phase;
        int x = s.x();
        int decision = s.decision();
        int mine;
        if (s.phase() == 1) {
            mine = NO_VALUE;
            for (int v = 0; v <= 1; v++) {
                int count = count(s.got(), v);
                if (count * 2 > n) {
                    mine = v;
                }
            }
            phase = 2;
        } else {
            for (int v = 0; v <= 1; v++) {
                int count = count(s.got(), v);
                if (count >= 1) {
                    x = v;
                }
                if (count >= decideAt && decision == Reaction.NONE) {
                    decision = v;
                }
            }
            if (count(s.got(), 0) + count(s.got(), 1) == 0) {
                x = 0; // no proposal with a value: Ben-Or flips a coin here; this deterministic version takes 0
            }
            round++;
            phase = 1;
            mine = x;
        }
        send.addAll(toOthers(self, phase, round, mine));
        List<Integer> got = new ArrayList<>(List.of(mine));
        List<Msg> early = new ArrayList<>();
        for (Msg m : s.early()) {
            if (m.round() == round && m.phase() == phase) {
                got.add(m.value());
            } else {
                early.add(m);
            }
        }
        return new Local(s.input(), round, phase, x, decision, got, early);
    }

    private static int count(List<Integer> values, int v) {
        return (int) values.stream().filter(x -> x == v).count();
    }

    private List<Msg> toOthers(int self, int phase, int round, int value) {
        List<Msg> out = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            if (q != self) {
                out.add(new Msg(self, q, phase, round, value));
            }
        }
        return out;
    }
}
