package dev.dbinternals.ch08.twogenerals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The impossibility proof of the Two Generals' Problem, made executable.
 *
 * <p>The proof is the argument below, and it holds for every finite deterministic protocol;
 * running it on one protocol shows where that protocol breaks, it does not replace the proof.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). Start from the run where the plan
 * is to attack and no messenger is captured: a non-trivial protocol makes both generals attack
 * there. Now capture the <em>last</em> messenger that arrived. Its sender heard nothing after
 * sending it, so the sender's view, and therefore its decision, is unchanged: it still
 * attacks. If the receiver now retreats, agreement is broken and we have the counterexample.
 * Otherwise both still attack with one messenger fewer, and we repeat. If we get all the way
 * to the run where no messenger arrives and both still attack, B attacked on an empty view,
 * which is also B's view when the plan is to retreat: validity is broken.
 *
 * <p>The runs are walked with a fixed schedule (the oldest messenger on the way moves first)
 * and a "blackout": the first {@code c} messengers arrive and every later one is captured.
 * Removing the last delivered messenger of the blackout-{@code c} run gives exactly the
 * blackout-{@code (c-1)} run. The walk needs at most (messengers + 1) runs under plan ATTACK,
 * plus one under plan RETREAT, where the exhaustive search ({@link TwoGeneralsChecker#exhaustive})
 * visits every loss pattern.
 * Immutable and thread-safe.
 */
public final class LastMessageArgument {

    /** Which property the argument found broken. */
    public enum Broken { AGREEMENT, VALIDITY, NON_TRIVIALITY }

    /**
     * One step of the walk: the run, the messenger removed to get the next run (null for the
     * last), and whether its sender's view stayed the same (by construction it does: only the
     * receiver of the removed messenger could notice; the flag checks it and the demo prints it).
     */
    public record Link(Run run, Messenger removedNext, boolean senderViewUnchanged) {
    }

    /** The result: the property broken, the chain of runs walked, the witness run and a sentence. */
    public record Verdict(String protocol, Broken broken, List<Link> chain, Run witness, String explanation) {
        public Verdict {
            chain = List.copyOf(chain);
        }
    }

    private final TwoGeneralsModel model;

    public LastMessageArgument(MessengerProtocol protocol) {
        this.model = new TwoGeneralsModel(Objects.requireNonNull(protocol, "protocol"));
    }

    /** The run under plan {@code plan} where the first {@code blackout} messengers arrive and every later one is captured. */
    public Run runWithBlackout(Plan plan, int blackout) {
        GeneralsState s = model.initial(plan);
        List<Run.Step> steps = new ArrayList<>();
        int delivered = 0;
        while (!s.onTheWay().isEmpty()) {
            Messenger oldest = s.onTheWay().stream().min(Comparator.comparingInt(Messenger::seq)).orElseThrow();
            boolean arrives = delivered < blackout;
            if (arrives) {
                delivered++;
            }
            steps.add(new Run.Step(oldest, arrives));
            s = model.apply(s, new Move(oldest.seq(), oldest.from(), arrives));
        }
        return new Run(plan, steps, s);
    }

    /** Walks the chain of runs and says which property breaks. */
    public Verdict verdict() {
        String name = model.protocol().name();
        Run full = runWithBlackout(Plan.ATTACK, Integer.MAX_VALUE);
        List<Link> chain = new ArrayList<>();
        if (full.end().a() != Decision.ATTACK || full.end().b() != Decision.ATTACK) {
            chain.add(new Link(full, null, true));
            return new Verdict(name, Broken.NON_TRIVIALITY, chain, full,
                    "plan ATTACK and every messenger arrives, yet the outcome is '" + full.end().outcome()
                            + "': even with no loss the protocol does not make both attack");
        }
        Run current = full;
        for (int c = (int) full.deliveredCount(); c >= 0; c--) {
            if (!current.agreement()) {
                chain.add(new Link(current, null, true));
                return new Verdict(name, Broken.AGREEMENT, chain, current,
                        "after capturing the last messenger that arrived, " + current.end().outcome()
                                + " (" + current.summary() + ")");
            }
            if (c == 0) {
                chain.add(new Link(current, null, true));
                break;
            }
            Messenger last = current.lastDelivered();
            Run fewer = runWithBlackout(Plan.ATTACK, c - 1);
            boolean unchanged = fewer.end().view(last.from()).equals(current.end().view(last.from()));
            chain.add(new Link(current, last, unchanged));
            current = fewer;
        }
        Run retreat = runWithBlackout(Plan.RETREAT, 0);
        if (retreat.end().a() == Decision.ATTACK || retreat.end().b() == Decision.ATTACK) {
            return new Verdict(name, Broken.VALIDITY, chain, retreat,
                    "with no messenger arriving both still attack; B's view is empty in both plans, so with plan RETREAT the outcome is '"
                            + retreat.end().outcome() + "'");
        }
        // unreachable for a deterministic protocol: B's empty view cannot both attack and retreat
        throw new IllegalStateException(name + ": B attacks on an empty view under ATTACK but not under RETREAT; is the protocol deterministic?");
    }
}
