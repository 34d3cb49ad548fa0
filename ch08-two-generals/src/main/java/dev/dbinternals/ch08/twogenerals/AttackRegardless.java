package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/**
 * The reckless protocol: B attacks whether or not a messenger arrives.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). Agreement holds when A's plan is
 * to attack (both attack in every run) and non-triviality holds, but <b>validity</b> fails: when
 * A's plan is to retreat, B still attacks, whether A's "stay home" reached it or not. The "last message"
 * argument ends here for every protocol that keeps agreement in every run it walks: after
 * removing every messenger, B's view is empty in both plans, so B cannot act on the plan.
 * Immutable and thread-safe.
 */
public final class AttackRegardless implements MessengerProtocol {

    @Override
    public String name() {
        return "AttackRegardless";
    }

    @Override
    public List<String> send(View view) {
        boolean start = view.self() == General.A && view.count() == 0;
        return start ? List.of(view.plan() == Plan.ATTACK ? "attack at dawn" : "stay home") : List.of();
    }

    @Override
    public boolean attacks(View view) {
        return view.self() == General.B || view.plan() == Plan.ATTACK;
    }
}
