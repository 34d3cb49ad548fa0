package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/**
 * Randomised coordinated attack (무작위 협공) for two generals and r alternating rounds: the
 * generals disagree with probability at most 1/r against any adversary that fixes in advance
 * which messengers to capture, and both attack when none is captured.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). The idea is Lynch's RandomAttack
 * (<i>Distributed Algorithms</i>, §5.2.2; the README says how that statement was checked), adapted here to one messenger
 * per round: each general keeps a <em>level</em>, how far the chain "A wants to attack, B knows
 * it, A knows that B knows it, …" reached it. A starts at level 1 when its plan is ATTACK (it
 * knows its own plan), B at 0; a general that receives a messenger from a sender at level ℓ
 * rises to ℓ + 1. A also draws a key uniformly from 1..r and sends it with its plan. At dawn a
 * general attacks exactly when it knows the plan is ATTACK, knows the key, and its level is at
 * least the key.
 *
 * <p>Why 1/r: the two levels always differ by exactly one, so the generals disagree only when
 * the key equals the higher level; the key is uniform over r values and the adversary does not
 * see it, so that happens with probability 1/r when the higher level is at most r, which is every
 * run but the one without loss (there the levels are r and r + 1, both at least any key, and
 * both attack). Immutable and thread-safe.
 */
public final class RandomizedAttack implements RandomizedRoundProtocol {

    private final int rounds;

    public RandomizedAttack(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        this.rounds = rounds;
    }

    @Override
    public int rounds() {
        return rounds;
    }

    @Override
    public int keys() {
        return rounds;
    }

    @Override
    public String sendA(int round, Plan plan, int key, List<String> heard) {
        checkKey(key);
        return plan == Plan.ATTACK ? "ATTACK key=" + key + " level=" + levelOfA(plan, heard) : "RETREAT";
    }

    @Override
    public String sendB(int round, List<String> heard) {
        return "level=" + levelOfB(heard);
    }

    @Override
    public boolean attacksA(Plan plan, int key, List<String> heard) {
        checkKey(key);
        return plan == Plan.ATTACK && levelOfA(plan, heard) >= key;
    }

    @Override
    public boolean attacksB(List<String> heard) {
        int key = keyHeardByB(heard);
        return key > 0 && levelOfB(heard) >= key;
    }

    /** A draws its key from 1..r: any other key is a caller's mistake. */
    private void checkKey(int key) {
        if (key < 1 || key > rounds) {
            throw new IllegalArgumentException("the key must be from 1 to " + rounds + " (the number of rounds), got " + key);
        }
    }

    /** A's level: 1 for knowing its own plan ATTACK, or one more than the highest level B reported having. */
    private static int levelOfA(Plan plan, List<String> heard) {
        if (plan != Plan.ATTACK) {
            return 0;
        }
        int level = 1;
        for (String m : heard) {
            int b = m.startsWith("level=") ? Integer.parseInt(m.substring("level=".length())) : 0;
            if (b >= 1) { // B at level 0 knows nothing of the plan: hearing it teaches A nothing
                level = Math.max(level, b + 1);
            }
        }
        return level;
    }

    /** B's level: 0 until an ATTACK order arrives, then one more than the highest level A sent. */
    private static int levelOfB(List<String> heard) {
        int level = 0;
        for (String m : heard) {
            if (m.startsWith("ATTACK")) {
                level = Math.max(level, field(m, "level=") + 1);
            }
        }
        return level;
    }

    private static int keyHeardByB(List<String> heard) {
        for (String m : heard) {
            if (m.startsWith("ATTACK")) {
                return field(m, "key=");
            }
        }
        return 0;
    }

    private static int field(String m, String name) {
        int i = m.indexOf(name) + name.length();
        int j = m.indexOf(' ', i);
        return Integer.parseInt(j < 0 ? m.substring(i) : m.substring(i, j));
    }
}
