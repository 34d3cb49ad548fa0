package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exercise flp-1, reference solution: broadcast the input; pass on every input the first time you
 * learn it (so an input one correct process has heard reaches every correct process, even when its
 * owner crashed half-way through its broadcast); decide the minimum once all n inputs are known.
 * Everyone decides over the same set, so agreement and validity hold.
 *
 * <p>The one run left undecided is the one no relaying can save: a process that crashes before any
 * of its messages left leaves the others waiting for an input nobody has. In this finite model,
 * where every crash-free run ends, waiting for a dead process is the only way to stay undecided;
 * FLP's own non-deciding run contains no crash at all.
 */
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
            return Reaction.nothing(); // heard it before: already passed on
        }
        known.put(owner, last.value());
        List<Message> relay = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            if (q != self && q != owner && q != last.from()) {
                relay.add(new Message(self, q, last.kind(), last.value()));
            }
        }
        if (known.size() < n) {
            return Reaction.send(relay);
        }
        int min = known.values().stream().min(Integer::compare).orElseThrow();
        return Reaction.decide(min, relay);
    }

    private static int owner(Message m) {
        return Integer.parseInt(m.kind().substring("input of p".length()));
    }
}
