package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/**
 * The "safe" protocol: send the order, but never attack.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). Agreement holds in every run,
 * trivially, and so does validity; but the protocol is useless: even when every messenger
 * arrives, nobody attacks, so <b>non-triviality</b> fails. It marks one corner of the
 * trade-off every messenger protocol over a lossy link must make. Immutable and thread-safe.
 */
public final class NeverAttack implements MessengerProtocol {

    @Override
    public String name() {
        return "NeverAttack";
    }

    @Override
    public List<String> send(View view) {
        boolean start = view.self() == General.A && view.count() == 0 && view.plan() == Plan.ATTACK;
        return start ? List.of("attack at dawn") : List.of();
    }

    @Override
    public boolean attacks(View view) {
        return false;
    }
}
