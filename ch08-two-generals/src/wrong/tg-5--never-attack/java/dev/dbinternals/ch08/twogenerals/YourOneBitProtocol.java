// Wrong solution for tg-5: minimises disagreement by never attacking, which breaks non-triviality.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class YourOneBitProtocol implements OneBitProtocol {

    @Override
    public int rounds() {
        return 3;
    }

    @Override
    public boolean send(int round, Plan plan, List<Heard> heard) {
        return false;
    }

    @Override
    public boolean attacks(General general, Plan plan, List<Heard> heard) {
        return false;
    }
}
