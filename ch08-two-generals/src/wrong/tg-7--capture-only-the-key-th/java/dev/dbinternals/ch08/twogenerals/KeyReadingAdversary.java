// Wrong solution for tg-7: captures only messenger number key, forgetting that the later messengers carry the levels on.
package dev.dbinternals.ch08.twogenerals;

public final class KeyReadingAdversary {

    private KeyReadingAdversary() {
    }

    public static int capture(int rounds, int key) {
        return 1 << (key - 1);
    }
}
