// Wrong solution for flp-1: delegates to the module's WaitForAll, which never passes on an input it heard.
package dev.dbinternals.ch08.flp;

import java.util.List;

public final class SafeProtocol implements ConsensusProtocol {

    @Override
    public String name() {
        return "SafeProtocol";
    }

    @Override
    public Reaction react(int self, int n, int input, List<Message> received) {
        return new WaitForAll().react(self, n, input, received);
    }
}
