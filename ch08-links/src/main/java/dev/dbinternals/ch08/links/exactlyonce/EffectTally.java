package dev.dbinternals.ch08.links.exactlyonce;

import java.util.Map;

/**
 * The outcome of a run with effects: of {@code operations} messages m1..mN, how many had their
 * effect applied exactly once, how many were lost (never applied) and how many were applied
 * more than once (and how many extra applications there were). Immutable.
 */
public record EffectTally(long operations, long exactlyOnce, long lost, long duplicated, long extraApplications) {

    /** Tallies {@code effects} (message name → times applied) for messages m1..m{@code operations}. */
    public static EffectTally of(Map<String, Integer> effects, long operations) {
        long once = 0;
        long lost = 0;
        long dup = 0;
        long extra = 0;
        for (long i = 1; i <= operations; i++) {
            int c = effects.getOrDefault("m" + i, 0);
            if (c == 0) {
                lost++;
            } else if (c == 1) {
                once++;
            } else {
                dup++;
                extra += c - 1;
            }
        }
        return new EffectTally(operations, once, lost, dup, extra);
    }

    public boolean isExactlyOnce() {
        return lost == 0 && duplicated == 0;
    }

    @Override
    public String toString() {
        return String.format("%d ops: %d exactly once, %d lost, %d applied twice or more (%d extra)",
                operations, exactlyOnce, lost, duplicated, extraApplications);
    }
}
