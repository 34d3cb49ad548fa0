package dev.dbinternals.ch08.twogenerals;

/**
 * Exercise tg-7, reference solution: let the first key − 1 messengers through and capture the
 * rest. After j deliveries of the chain the levels are j + 1 (the last receiver) and j, so with
 * j = key − 1 one general's level equals the key and the other's is one below: one attacks alone.
 */
public final class KeyReadingAdversary {

    private KeyReadingAdversary() {
    }

    /** The loss pattern for {@code key} in 1..rounds: bit k-1 set means messenger k is captured. */
    public static int capture(int rounds, int key) {
        int all = (1 << rounds) - 1;
        return all & ~((1 << (key - 1)) - 1);
    }
}
