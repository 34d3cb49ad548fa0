// Wrong solution for harness-1: retries the direct link only, as if a link that is down would come back by itself.
package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public final class RelayNode implements Node {
    private static final Duration RETRY = Duration.ofMillis(5);
    private final Address target;
    private final String value;
    private final List<String> delivered = new ArrayList<>();
    private boolean confirmed;

    public RelayNode(Address target, String value) {
        this.target = target;
        this.value = value;
    }

    @Override
    public void onStart(Context ctx) {
        if (target != null) {
            spread(ctx, "DATA|" + ctx.self() + "|" + target + "|" + value, target);
            ctx.setTimer(RETRY, "retry");
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        String[] f = new String(message, StandardCharsets.UTF_8).split("\\|", 4);
        if (f.length != 4 || !(f[0].equals("DATA") || f[0].equals("ACK"))) {
            return; // not ours (or corrupted): drop it
        }
        Address dest = Address.of(f[2]);
        if (!dest.equals(ctx.self())) {
            ctx.send(dest, message); // relay once, straight to the destination
            return;
        }
        if (f[0].equals("DATA")) {
            if (!delivered.contains(f[3])) {
                delivered.add(f[3]);
            }
            // acknowledge every copy: the previous ack may have been lost
            spread(ctx, "ACK|" + ctx.self() + "|" + f[1] + "|" + f[3], Address.of(f[1]));
        } else if (f[3].equals(value)) {
            confirmed = true;
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (!confirmed) {
            onStart(ctx);
        }
    }

    private static void spread(Context ctx, String frame, Address dest) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        ctx.send(dest, bytes); // only the direct link, retried: the other nodes are never asked to relay
    }

    public List<String> delivered() {
        return List.copyOf(delivered);
    }

    public boolean confirmed() {
        return confirmed;
    }
}
