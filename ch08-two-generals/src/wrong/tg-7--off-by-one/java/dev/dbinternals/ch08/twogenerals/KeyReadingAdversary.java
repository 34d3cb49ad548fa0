// Wrong solution for tg-7: lets the first key messengers through instead of key - 1, so both levels reach the key and both attack.
package dev.dbinternals.ch08.twogenerals;

public final class KeyReadingAdversary {

    private KeyReadingAdversary() {
    }

    public static int capture(int rounds, int key) {
        int all = (1 << rounds) - 1;
        return all & ~((1 << key) - 1);
    }
}
