// Wrong solution for tg-5: delegates to the first valid, non-trivial protocol the module's enumeration of C(3) finds, without asking how often it disagrees.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class YourOneBitProtocol implements OneBitProtocol {

    private static final OneBitProtocol FOUND = Demo05EveryProtocol.firstUseful(new OneBitProtocolClass(3));

    @Override
    public int rounds() {
        return FOUND.rounds();
    }

    @Override
    public boolean send(int round, Plan plan, List<Heard> heard) {
        return FOUND.send(round, plan, heard);
    }

    @Override
    public boolean attacks(General general, Plan plan, List<Heard> heard) {
        return FOUND.attacks(general, plan, heard);
    }
}
