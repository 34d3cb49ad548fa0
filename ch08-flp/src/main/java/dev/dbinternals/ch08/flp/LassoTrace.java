package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a lasso of {@link FlpAdversary} on the harness simulation, so that the harness draws it
 * (space-time HTML and Mermaid, as the other demos' runs): the processes run the protocol's own
 * rules as {@link Node}s, and the network delivers each message at the time the lasso delivers it,
 * one step per millisecond (the link's delay is set, just before each send, to the time between
 * the send and that delivery). The prefix is followed by the cycle a given number of times, each
 * time with every round renumbered. Messages the replayed part does not deliver stay in flight.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). Stateless.
 */
final class LassoTrace {

    private LassoTrace() {
    }

    /** The trace of the lasso's prefix and {@code cycles} turns of its cycle. */
    static <S, M extends Comparable<M>> Trace of(FlpAdversary<S, M> adversary, FlpAdversary.Lasso<S, M> lasso, int cycles) {
        RoundProtocol<S, M> protocol = adversary.protocol();
        List<M> steps = new ArrayList<>(lasso.prefixSteps());
        for (int k = 0; k < cycles; k++) {
            int shift = k * lasso.roundShift();
            lasso.cycleSteps().forEach(m -> steps.add(protocol.shifted(m, shift)));
        }
        // when each message is sent (the step whose delivery sent it; 0 = the start) and delivered
        List<FlpAdversary.Config<S, M>> configs = adversary.replay(lasso.start(), steps);
        Map<M, Integer> sentAt = new HashMap<>();
        lasso.start().buffer().forEach(m -> sentAt.put(m, 0));
        for (int i = 0; i < steps.size(); i++) {
            for (M m : configs.get(i + 1).buffer()) {
                if (!configs.get(i).buffer().contains(m)) {
                    sentAt.put(m, i + 1);
                }
            }
        }
        Map<M, Integer> deliveredAt = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            deliveredAt.put(steps.get(i), i + 1);
        }
        Simulation sim = new Simulation(1);
        sim.network().setDefaults(LinkFaults.none());
        Map<String, M> wire = new HashMap<>();
        String inputs = lasso.inputs();
        for (int p = 0; p < protocol.n(); p++) {
            int self = p;
            sim.addNode("p" + p, () -> new Replaying<>(protocol, self, inputs.charAt(self) - '0', wire)); // they start at time 0, after this set-up
        }
        int end = steps.size() + 1;
        Map<Integer, List<M>> bySendTime = new HashMap<>();
        sentAt.forEach((m, t) -> bySendTime.computeIfAbsent(t, x -> new ArrayList<>()).add(m));
        for (var e : bySendTime.entrySet()) {
            List<M> batch = e.getValue();
            if (batch.stream().map(m -> protocol.from(m) + ">" + protocol.to(m)).distinct().count() < batch.size()) {
                throw new IllegalStateException("two messages on one link in one step at " + e.getKey() + " ms: " + batch);
            }
            Runnable setDelays = () -> {
                for (M m : batch) {
                    int arrive = deliveredAt.getOrDefault(m, end + 1_000); // not delivered in the replayed part
                    sim.network().set(address(protocol.from(m)), address(protocol.to(m)),
                            LinkFaults.none().withDelay(Duration.ofMillis(arrive - e.getKey())));
                }
            };
            if (e.getKey() == 0) {
                setDelays.run();
            } else {
                sim.at(Duration.ofMillis(e.getKey()).minusNanos(250_000), setDelays);
            }
        }
        sim.trace().setPayloadFormat(bytes -> new String(bytes, StandardCharsets.UTF_8));
        sim.runFor(Duration.ofMillis(end));
        // the replay must deliver exactly the lasso's steps, in its order (handler times add microseconds)
        List<String> delivered = sim.trace().ofKind(dev.dbinternals.ch08.harness.sim.TraceEvent.Kind.DELIVER).stream()
                .map(ev -> new String(ev.payload(), StandardCharsets.UTF_8)).toList();
        List<String> expected = steps.stream().map(Object::toString).toList();
        if (!delivered.equals(expected)) {
            throw new IllegalStateException("the replay delivered " + delivered + " instead of " + expected);
        }
        return sim.trace();
    }

    private static Address address(int p) {
        return Address.of("p" + p);
    }

    /** A process running the protocol's rules; a message travels as its text. */
    private static final class Replaying<S, M extends Comparable<M>> implements Node {
        private final RoundProtocol<S, M> protocol;
        private final int self;
        private final int input;
        private final Map<String, M> wire;
        private S state;

        Replaying(RoundProtocol<S, M> protocol, int self, int input, Map<String, M> wire) {
            this.protocol = protocol;
            this.self = self;
            this.input = input;
            this.wire = wire;
        }

        @Override
        public void onStart(Context ctx) {
            var step = protocol.start(self, input);
            state = step.next();
            send(ctx, step.send());
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            M m = wire.get(new String(message, StandardCharsets.UTF_8));
            var step = protocol.receive(self, state, m);
            state = step.next();
            if (protocol.decision(state) != Reaction.NONE) {
                ctx.note("decides " + protocol.decision(state));
            }
            send(ctx, step.send());
        }

        private void send(Context ctx, List<M> msgs) {
            for (M m : msgs) {
                String text = m.toString();
                wire.put(text, m);
                ctx.send(address(protocol.to(m)), text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
