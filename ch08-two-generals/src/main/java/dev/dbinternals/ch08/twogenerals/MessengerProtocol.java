package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/**
 * A finite, deterministic messenger protocol for the Two Generals' Problem.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). A protocol says, for each general,
 * which messengers to send given what it has heard so far, and, once no messenger is on the
 * way any more, whether to attack. Because both answers depend only on the general's
 * {@link View}, the protocol is deterministic; "finite" means it sends a bounded number of
 * messengers in every run (the model refuses to explore more than
 * {@link TwoGeneralsModel#MAX_MESSENGERS}).
 *
 * <p>The three properties a protocol would need, all checked by {@link TwoGeneralsChecker}:
 * <ul>
 *   <li><b>agreement</b> (합의): in every run, both generals attack or both retreat;</li>
 *   <li><b>validity</b>: if A's plan is to retreat, nobody attacks (B cannot attack on a plan it never heard);</li>
 *   <li><b>non-triviality</b>: if the plan is to attack and no messenger is captured, both attack.</li>
 * </ul>
 * The Two Generals' Problem: no deterministic protocol whose runs each send finitely many
 * messengers has all three over a link that may lose any message, even with synchronous rounds
 * and a known bound on delay ({@link LastMessageArgument} runs the proof on a given protocol).
 */
public interface MessengerProtocol {

    /** A short name for tables and diagrams. */
    String name();

    /**
     * The texts of the messengers {@code view.self()} sends to the other general now: called
     * once at the start (with an empty view) and again after every messenger that arrives.
     */
    List<String> send(View view);

    /** Whether {@code view.self()} attacks, asked once nothing is on the way any more. */
    boolean attacks(View view);
}
