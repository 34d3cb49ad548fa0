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
 * A general running a {@link RandomizedRoundProtocol} as a harness {@link Node}, in synchronous
 * rounds kept by timers: round k at k × {@link RandomizedValley#ROUND}, dawn one round after the
 * last. General A draws its key from the node's seeded random generator at the start.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). A messenger carries its round
 * number, so a general knows which round an arrival belongs to and which rounds brought nothing.
 * Not thread-safe (runs on its runtime's thread).
 */
public final class RandomizedGeneralNode implements Node {

    private final General self;
    private final Plan plan;
    private final RandomizedRoundProtocol protocol;
    private final String[] arrived;
    private int key;
    private Decision decision = Decision.UNDECIDED;

    public RandomizedGeneralNode(General self, Plan plan, RandomizedRoundProtocol protocol) {
        this.self = Objects.requireNonNull(self, "self");
        this.plan = self == General.A ? Objects.requireNonNull(plan, "plan") : Plan.UNKNOWN;
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.arrived = new String[protocol.rounds() + 1];
    }

    @Override
    public void onStart(Context ctx) {
        if (self == General.A) {
            key = 1 + ctx.random().nextInt(protocol.keys());
            ctx.note("A draws key " + key + " of " + protocol.keys());
        }
        for (int k = 1; k <= protocol.rounds(); k++) {
            if (OneBitProtocolClass.sender(k) == self) {
                ctx.setTimer(RandomizedValley.ROUND.multipliedBy(k), k);
            }
        }
        ctx.setTimer(RandomizedValley.ROUND.multipliedBy(protocol.rounds() + 1), "dawn");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        int bar = text.indexOf('|');
        int round = Integer.parseInt(text.substring(0, bar));
        if (round >= 1 && round <= protocol.rounds() && decision == Decision.UNDECIDED) {
            arrived[round] = text.substring(bar + 1);
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag instanceof Integer round) {
            List<String> heard = heardBefore(round);
            String text = self == General.A ? protocol.sendA(round, plan, key, heard) : protocol.sendB(round, heard);
            Address other = ctx.nodes().stream().filter(a -> !a.equals(ctx.self())).findFirst().orElseThrow();
            ctx.send(other, (round + "|" + text).getBytes(StandardCharsets.UTF_8));
        } else {
            List<String> heard = heardBefore(protocol.rounds() + 1);
            boolean attacks = self == General.A ? protocol.attacksA(plan, key, heard) : protocol.attacksB(heard);
            decision = Decision.of(attacks);
            ctx.note(self + " decides " + decision);
        }
    }

    /** What arrived in the rounds addressed to this general before {@code round}; NOTHING for the empty ones. */
    private List<String> heardBefore(int round) {
        List<String> heard = new ArrayList<>();
        for (int j = 1; j < round; j++) {
            if (OneBitProtocolClass.sender(j) != self) {
                heard.add(arrived[j] == null ? RandomizedRoundProtocol.NOTHING : arrived[j]);
            }
        }
        return heard;
    }

    public Decision decision() {
        return decision;
    }

    /** A's key (0 for B, which draws none). */
    public int key() {
        return key;
    }
}
