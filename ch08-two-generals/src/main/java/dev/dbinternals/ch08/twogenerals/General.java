package dev.dbinternals.ch08.twogenerals;

/**
 * One of the two generals of the Two Generals' Problem (두 장군 문제). General {@code A} holds
 * the plan and starts; general {@code B} learns the plan only from A's messengers.
 */
public enum General {
    A, B;

    /** The general on the other side of the valley. */
    public General other() {
        return this == A ? B : A;
    }
}
