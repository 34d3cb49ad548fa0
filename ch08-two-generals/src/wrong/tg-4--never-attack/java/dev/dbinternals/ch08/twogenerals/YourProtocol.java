// Wrong solution for tg-4: keeps agreement by never attacking, which gives up non-triviality (both must attack when nothing is lost).
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class YourProtocol implements MessengerProtocol {

    @Override
    public String name() {
        return "YourProtocol(never attack)";
    }

    @Override
    public List<String> send(View view) {
        return view.self() == General.A && view.count() == 0 && view.plan() == Plan.ATTACK ? List.of(AckRounds.text(1)) : List.of();
    }

    @Override
    public boolean attacks(View view) {
        return false;
    }
}
