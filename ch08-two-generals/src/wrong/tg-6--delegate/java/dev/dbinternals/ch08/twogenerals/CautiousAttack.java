// Wrong solution for tg-6: delegates to RandomizedAttack, whose key range 1..r buys certain attack at the price of disagreeing with probability 1/r.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class CautiousAttack implements RandomizedRoundProtocol {

    private final RandomizedAttack inner;

    public CautiousAttack(int rounds) {
        this.inner = new RandomizedAttack(rounds);
    }

    @Override
    public int rounds() {
        return inner.rounds();
    }

    @Override
    public int keys() {
        return inner.keys();
    }

    @Override
    public String sendA(int round, Plan plan, int key, List<String> heard) {
        return inner.sendA(round, plan, key, heard);
    }

    @Override
    public String sendB(int round, List<String> heard) {
        return inner.sendB(round, heard);
    }

    @Override
    public boolean attacksA(Plan plan, int key, List<String> heard) {
        return inner.attacksA(plan, key, heard);
    }

    @Override
    public boolean attacksB(List<String> heard) {
        return inner.attacksB(heard);
    }
}
