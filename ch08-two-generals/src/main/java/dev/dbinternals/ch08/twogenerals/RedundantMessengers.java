package dev.dbinternals.ch08.twogenerals;

import java.util.Collections;
import java.util.List;

/**
 * Redundancy instead of acknowledgements: A sends the order with {@code r} messengers at once,
 * and B attacks if any of them arrives.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). With independent loss
 * probability {@code p} per messenger, A attacks alone with probability {@code p^r}: redundancy
 * makes disagreement rarer but never impossible, since all {@code r} messengers can be captured.
 * Messengers may also overtake each other; the model explores every order.
 * Immutable and thread-safe.
 */
public final class RedundantMessengers implements MessengerProtocol {

    private final int r;

    public RedundantMessengers(int r) {
        if (r < 1 || r > TwoGeneralsModel.MAX_MESSENGERS) {
            throw new IllegalArgumentException("r must be from 1 to " + TwoGeneralsModel.MAX_MESSENGERS + ", got " + r);
        }
        this.r = r;
    }

    public int r() {
        return r;
    }

    @Override
    public String name() {
        return "RedundantMessengers(r=" + r + ")";
    }

    @Override
    public List<String> send(View view) {
        boolean start = view.self() == General.A && view.count() == 0 && view.plan() == Plan.ATTACK;
        return start ? Collections.nCopies(r, "attack at dawn") : List.of();
    }

    @Override
    public boolean attacks(View view) {
        return view.self() == General.A ? view.plan() == Plan.ATTACK : view.count() > 0;
    }
}
