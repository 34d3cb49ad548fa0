package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/**
 * Exercise tg-6, reference solution: the levels of {@link RandomizedAttack} with the key drawn
 * from 1..2r instead of 1..r. The generals still disagree only when the key equals the higher
 * level, now with probability 1/(2r); with nothing lost the levels are r and r + 1, so both attack
 * only when the key is at most r (probability 1/2), and disagree when it is r + 1. That is the
 * trade-off of the chain argument in this model: L ≤ r · P(disagree).
 */
public final class CautiousAttack implements RandomizedRoundProtocol {

    private final RandomizedAttack levels;

    public CautiousAttack(int rounds) {
        this.levels = new RandomizedAttack(rounds);
    }

    @Override
    public int rounds() {
        return levels.rounds();
    }

    @Override
    public int keys() {
        return 2 * levels.rounds();
    }

    @Override
    public String sendA(int round, Plan plan, int key, List<String> heard) {
        return levels.sendA(round, plan, key, heard);
    }

    @Override
    public String sendB(int round, List<String> heard) {
        return levels.sendB(round, heard);
    }

    @Override
    public boolean attacksA(Plan plan, int key, List<String> heard) {
        return levels.attacksA(plan, key, heard);
    }

    @Override
    public boolean attacksB(List<String> heard) {
        return levels.attacksB(heard);
    }
}
