// Wrong solution for flp-1: relays every input, but decides as soon as it knows n - 1 of them.
package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class SafeProtocol implements ConsensusProtocol {

    @Override
    public String name() {
        return "SafeProtocol";
    }

    @Override
    public Reaction react(int self, int n, int input, List<Message> received) {
        if (received.isEmpty()) {
            return Reaction.send(Broadcast.toOthers(self, n, "input of p" + self, input));
        }
        Map<Integer, Integer> known = new TreeMap<>();
        known.put(self, input);
        for (Message m : received.subList(0, received.size() - 1)) {
            known.put(owner(m), m.value());
        }
        Message last = received.get(received.size() - 1);
        int owner = owner(last);
        if (known.containsKey(owner)) {
            return Reaction.nothing();
        }
        boolean decidedBefore = known.size() >= n - 1;
        known.put(owner, last.value());
        List<Message> relay = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            if (q != self && q != owner && q != last.from()) {
                relay.add(new Message(self, q, last.kind(), last.value()));
            }
        }
        if (known.size() < n - 1 || decidedBefore) {
            return Reaction.send(relay);
        }
        return Reaction.decide(known.values().stream().min(Integer::compare).orElseThrow(), relay);
    }

    private static int owner(Message m) {
        return Integer.parseInt(m.kind().substring("input of p".length()));
    }
}
