// Wrong solution for tg-6: A sends its key and level whatever the plan, as if the key alone told B what to do, so B can attack on plan RETREAT.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class CautiousAttack implements RandomizedRoundProtocol {

    private final int rounds;

    public CautiousAttack(int rounds) {
        this.rounds = rounds;
    }

    @Override
    public int rounds() {
        return rounds;
    }

    @Override
    public int keys() {
        return 2 * rounds;
    }

    @Override
    public String sendA(int round, Plan plan, int key, List<String> heard) {
        return "ATTACK " + key + " " + levelOfA(heard); // the plan is not sent
    }

    @Override
    public String sendB(int round, List<String> heard) {
        return Integer.toString(levelOfB(heard));
    }

    @Override
    public boolean attacksA(Plan plan, int key, List<String> heard) {
        return plan == Plan.ATTACK && levelOfA(heard) >= key;
    }

    @Override
    public boolean attacksB(List<String> heard) {
        int key = heard.stream().filter(m -> m.startsWith("ATTACK")).mapToInt(m -> part(m, 1)).findFirst().orElse(0);
        return key > 0 && levelOfB(heard) >= key;
    }

    /** Called only with plan ATTACK: 1 for knowing the plan, or one more than the highest level B reported. */
    private static int levelOfA(List<String> heard) {
        int level = 1;
        for (String m : heard) {
            int b = m.equals(NOTHING) ? 0 : Integer.parseInt(m); // NOTHING: that messenger was captured
            if (b >= 1) {
                level = Math.max(level, b + 1);
            }
        }
        return level;
    }

    /** 0 until an ATTACK order arrives, then one more than the highest level A sent. */
    private static int levelOfB(List<String> heard) {
        return heard.stream().filter(m -> m.startsWith("ATTACK")).mapToInt(m -> part(m, 2) + 1).max().orElse(0);
    }

    private static int part(String m, int i) {
        return Integer.parseInt(m.split(" ")[i]);
    }
}
