// Wrong solution for tg-4: sends the order several times and lets A attack without hearing back, as if redundancy made delivery known to the sender.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class YourProtocol implements MessengerProtocol {

    private final RedundantMessengers copies = new RedundantMessengers(3);

    @Override
    public String name() {
        return "YourProtocol(3 copies, no acknowledgement)";
    }

    @Override
    public List<String> send(View view) {
        return copies.send(view);
    }

    @Override
    public boolean attacks(View view) {
        return copies.attacks(view);
    }
}
