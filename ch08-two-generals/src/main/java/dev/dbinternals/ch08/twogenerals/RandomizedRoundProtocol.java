package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/**
 * A randomised protocol for the Two Generals' Problem in synchronous rounds: r rounds, one
 * messenger per round (A→B in odd rounds, B→A in even ones, always sent), and general A draws
 * one random key, uniformly from 1 to {@link #keys()}, before round 1. Everything else is
 * deterministic, so {@link RandomizedOdds} can compute every probability exactly by trying every
 * key against every loss pattern.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제); the randomised version is from
 * Lynch, <i>Distributed Algorithms</i>, §5.2 (the README compares the two models). Only A's methods see
 * the key: B learns about it only from messengers. A captured messenger shows in the receiver's
 * list as {@link #NOTHING}; a protocol must not send the empty text itself.
 */
public interface RandomizedRoundProtocol {

    /** What a general finds in a round whose messenger was captured. */
    String NOTHING = "";

    default String name() {
        return getClass().getSimpleName() + "(r=" + rounds() + ")";
    }

    /** The number of rounds r. */
    int rounds();

    /** A draws its key uniformly from 1 to {@code keys()}. */
    int keys();

    /** The text A sends in odd round {@code round}, from its plan, its key and what it heard in the even rounds before. */
    String sendA(int round, Plan plan, int key, List<String> heard);

    /** The text B sends in even round {@code round}, from what it heard in the odd rounds before. */
    String sendB(int round, List<String> heard);

    /** Whether A attacks at dawn. */
    boolean attacksA(Plan plan, int key, List<String> heard);

    /** Whether B attacks at dawn. */
    boolean attacksB(List<String> heard);
}
