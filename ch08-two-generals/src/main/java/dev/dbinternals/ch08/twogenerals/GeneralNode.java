package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A general as a harness {@link Node}: runs a {@link MessengerProtocol} over the simulated network
 * (or real UDP), and decides at dawn, a fixed time after the start, from whatever its messengers
 * brought by then.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). Dawn is a deadline the generals
 * share: with message delay bounded well below it, waiting longer would not help, so the only
 * fault that matters here is loss, as in {@link TwoGeneralsModel}. Messages are the protocol's
 * texts in UTF-8. Not thread-safe (runs on its runtime's thread).
 */
public final class GeneralNode implements Node {

    private final General self;
    private final Plan plan;
    private final MessengerProtocol protocol;
    private final Duration dawn;
    private final List<String> received = new ArrayList<>();
    private Decision decision = Decision.UNDECIDED;

    public GeneralNode(General self, Plan plan, MessengerProtocol protocol, Duration dawn) {
        this.self = Objects.requireNonNull(self, "self");
        this.plan = self == General.A ? Objects.requireNonNull(plan, "plan") : Plan.UNKNOWN;
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.dawn = Objects.requireNonNull(dawn, "dawn");
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(dawn, "dawn");
        send(ctx);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        if (decision != Decision.UNDECIDED) {
            return; // a messenger arriving after dawn changes nothing: the armies already moved
        }
        received.add(new String(message, StandardCharsets.UTF_8));
        send(ctx);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        decision = Decision.of(protocol.attacks(view()));
        ctx.note(self + " decides " + decision + " after hearing " + received.size() + " messenger(s)");
    }

    public Decision decision() {
        return decision;
    }

    public View view() {
        return new View(self, plan, received);
    }

    private void send(Context ctx) {
        Address other = ctx.nodes().stream().filter(a -> !a.equals(ctx.self())).findFirst().orElseThrow();
        for (String text : protocol.send(view())) {
            ctx.send(other, text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
