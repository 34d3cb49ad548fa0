// Wrong solution for tg-5: A attacks on its own plan and B on the order alone, so every capture of the order splits them.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class YourOneBitProtocol implements OneBitProtocol {

    @Override
    public int rounds() {
        return 3;
    }

    @Override
    public boolean send(int round, Plan plan, List<Heard> heard) {
        return plan != Plan.RETREAT;
    }

    @Override
    public boolean attacks(General general, Plan plan, List<Heard> heard) {
        return general == General.A ? plan == Plan.ATTACK : !heard.isEmpty() && heard.get(0) == Heard.ONE;
    }
}
