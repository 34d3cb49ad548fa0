// Wrong solution for tg-6: A stores its plan in a static field that B's method reads, as if the two generals shared memory; B learns the plan without any messenger.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class CautiousAttack implements RandomizedRoundProtocol {

    private final int rounds;
    private static Plan planSeenByA = Plan.RETREAT; // "the generals share the plan"

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
        planSeenByA = plan;
        return plan == Plan.ATTACK ? "ATTACK" : "RETREAT";
    }

    @Override
    public String sendB(int round, List<String> heard) {
        return "ACK";
    }

    @Override
    public boolean attacksA(Plan plan, int key, List<String> heard) {
        return plan == Plan.ATTACK;
    }

    @Override
    public boolean attacksB(List<String> heard) {
        return planSeenByA == Plan.ATTACK; // read, not heard: no messenger carried it
    }
}
