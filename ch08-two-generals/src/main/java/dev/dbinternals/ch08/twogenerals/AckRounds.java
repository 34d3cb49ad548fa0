package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/**
 * The classic attempt: acknowledge the acknowledgement, {@code k} rounds deep.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). A sends "attack at dawn"
 * (messenger #1); B answers with "ack 1" (#2); A answers that with "ack 2" (#3); and so on
 * until {@code n = k + 1} messengers have been sent. Each general attacks only if every
 * messenger of the chain addressed to it arrived: it has waited for all its acknowledgement
 * rounds before committing.
 *
 * <p>Property: agreement holds in every run <em>except one</em>: the run where messengers
 * #1 … #k arrive and the last one, #(k+1), is captured. Its sender has heard everything it
 * waits for and attacks; its receiver is still waiting and retreats. Adding a round only moves
 * the problem to the new last messenger. Immutable and thread-safe.
 */
public final class AckRounds implements MessengerProtocol {

    private final int k;

    /** @param k acknowledgement rounds after the order; {@code k = 0} means A just sends the order */
    public AckRounds(int k) {
        if (k < 0 || k > TwoGeneralsModel.MAX_MESSENGERS - 1) {
            throw new IllegalArgumentException("k must be from 0 to " + (TwoGeneralsModel.MAX_MESSENGERS - 1) + ", got " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** Messengers in the chain: the order plus k acknowledgements. */
    public int chainLength() {
        return k + 1;
    }

    /** Text of the {@code i}-th messenger of the chain (from 1). */
    public static String text(int i) {
        return i == 1 ? "attack at dawn" : "ack " + (i - 1);
    }

    @Override
    public String name() {
        return "AckRounds(k=" + k + ")";
    }

    @Override
    public List<String> send(View view) {
        if (view.self() == General.A && view.count() == 0) {
            return view.plan() == Plan.ATTACK ? List.of(text(1)) : List.of();
        }
        // the chain alternates: A sends odd numbers, B even ones; the next number is
        // 1 + everything heard + everything sent, i.e. 2 * heard (+1 for A)
        int next = view.self() == General.A ? 2 * view.count() + 1 : 2 * view.count();
        return view.count() > 0 && next <= chainLength() ? List.of(text(next)) : List.of();
    }

    @Override
    public boolean attacks(View view) {
        int addressedToMe = view.self() == General.A ? chainLength() / 2 : (chainLength() + 1) / 2;
        boolean heardEverything = view.count() == addressedToMe;
        return view.self() == General.A ? view.plan() == Plan.ATTACK && heardEverything : heardEverything;
    }
}
