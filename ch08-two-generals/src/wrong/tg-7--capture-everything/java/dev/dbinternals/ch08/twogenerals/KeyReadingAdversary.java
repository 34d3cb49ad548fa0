// Wrong solution for tg-7: captures every messenger, as if total loss were the adversary's strongest move; then both levels stay low and both retreat unless the key is 1.
package dev.dbinternals.ch08.twogenerals;

public final class KeyReadingAdversary {

    private KeyReadingAdversary() {
    }

    public static int capture(int rounds, int key) {
        return (1 << rounds) - 1;
    }
}
