package dev.dbinternals.ch08.twogenerals;

import java.util.Collections;
import java.util.List;

/**
 * Exercise tg-4, one reference answer: three acknowledgement rounds, every messenger sent twice.
 * Each step of the chain survives a single capture, so disagreement needs both copies of the last
 * step lost; rarer, still possible.
 */
public final class YourProtocol implements MessengerProtocol {

    private static final int CHAIN = 4;   // the order and three acknowledgements
    private static final int COPIES = 2;

    @Override
    public String name() {
        return "YourProtocol(3 rounds x 2 copies)";
    }

    @Override
    public List<String> send(View view) {
        long distinct = view.received().stream().distinct().count();
        boolean newStep = view.count() == 0 || view.received().indexOf(view.received().get(view.count() - 1)) == view.count() - 1;
        if (view.self() == General.A && view.count() == 0) {
            return view.plan() == Plan.ATTACK ? Collections.nCopies(COPIES, AckRounds.text(1)) : List.of();
        }
        if (view.count() == 0 || !newStep) {
            return List.of(); // a duplicate copy: this step was answered already
        }
        int next = view.self() == General.A ? (int) (2 * distinct + 1) : (int) (2 * distinct);
        return next <= CHAIN ? Collections.nCopies(COPIES, AckRounds.text(next)) : List.of();
    }

    @Override
    public boolean attacks(View view) {
        long distinct = view.received().stream().distinct().count();
        long expected = view.self() == General.A ? CHAIN / 2 : (CHAIN + 1) / 2;
        return distinct == expected && (view.self() == General.B || view.plan() == Plan.ATTACK);
    }
}
