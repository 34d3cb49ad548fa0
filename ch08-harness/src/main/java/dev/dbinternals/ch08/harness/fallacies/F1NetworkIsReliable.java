package dev.dbinternals.ch08.harness.fallacies;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fallacy 1, "The network is reliable": a sender that fires and forgets over a lossy link loses
 * messages; one that retransmits each message until it is acknowledged gets them all through.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류), and the link
 * sections after it: a fair-loss link may lose any message, and only retransmission gets a
 * message to a correct receiver for sure. (In Cachin, Guerraoui and Rodrigues' terms the stubborn
 * link retransmits forever; acknowledgements are the engineering refinement that lets the sender
 * stop, as here; the perfect link adds the receiver's set of delivered messages, which drops the
 * duplicates retransmission creates.) The full story, step by step, is {@code ch08-links}.
 *
 * <p>What it shows, counted from the run: how many of n messages the fire-and-forget sender
 * lost, and how many transmissions and discarded duplicates the fix paid to lose none.
 * Stateless and thread-safe.
 */
public final class F1NetworkIsReliable implements Fallacy {

    /** Message {@code seq}. */
    record Data(int seq) {
    }

    /** "I have {@code seq}." */
    record Ack(int seq) {
    }

    static final Codec CODEC = Codec.builder().register(1, Data.class).register(2, Ack.class).build();
    static final Duration RETRANSMIT_AFTER = Duration.ofMillis(10);

    /** What one run counted: distinct messages B got, frames A sent, copies B threw away. */
    public record Result(int sent, int delivered, int transmissions, int duplicatesDiscarded) {
        public int lost() {
            return sent - delivered;
        }
    }

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String fallacy() {
        return t("The network is reliable", "네트워크는 신뢰할 수 있다");
    }

    /** Collects distinct messages; acknowledges each copy when {@code ack} is on. */
    static final class Receiver implements Node {
        final boolean ack;
        final Set<Integer> got = new TreeSet<>();
        int duplicates;

        Receiver(boolean ack) {
            this.ack = ack;
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            int seq = CODEC.decode(message, Data.class).seq();
            if (!got.add(seq)) {
                duplicates++; // a retransmission of something we already have: drop it, but ack again
            }
            if (ack) {
                ctx.send(from, CODEC.encode(new Ack(seq)));
            }
        }
    }

    /** The naive sender: sends each message once and assumes it arrived. */
    static final class FireAndForget implements Node {
        final Address to;
        final int n;
        int transmissions;

        FireAndForget(Address to, int n) {
            this.to = to;
            this.n = n;
        }

        @Override
        public void onStart(Context ctx) {
            for (int seq = 1; seq <= n; seq++) {
                ctx.send(to, CODEC.encode(new Data(seq)));
                transmissions++;
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }
    }

    /** The fix: every message is sent again after {@link #RETRANSMIT_AFTER} until its ack arrives. */
    static final class RetransmitUntilAcked implements Node {
        final Address to;
        final int n;
        final Set<Integer> unacked = new TreeSet<>();
        int transmissions;
        boolean started;

        RetransmitUntilAcked(Address to, int n) {
            this.to = to;
            this.n = n;
        }

        @Override
        public void onStart(Context ctx) {
            started = true;
            for (int seq = 1; seq <= n; seq++) {
                unacked.add(seq);
                transmit(ctx, seq);
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            unacked.remove(CODEC.decode(message, Ack.class).seq());
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            int seq = (Integer) tag;
            if (unacked.contains(seq)) { // silence: the data or its ack was lost (we cannot tell which)
                transmit(ctx, seq);
            }
        }

        boolean done() {
            return started && unacked.isEmpty();
        }

        private void transmit(Context ctx, int seq) {
            ctx.send(to, CODEC.encode(new Data(seq)));
            transmissions++;
            ctx.setTimer(RETRANSMIT_AFTER, seq);
        }
    }

    /** The naive run: {@code n} messages, fire and forget, over links that lose {@code loss} of frames. */
    public static Result naive(long seed, int n, double loss) {
        Simulation sim = network(seed, loss);
        Address b = sim.addNode("B", () -> new Receiver(false));
        Address a = sim.addNode("A", () -> new FireAndForget(b, n));
        sim.runUntilQuiet(Duration.ofSeconds(10));
        Receiver r = sim.node(b, Receiver.class);
        return new Result(n, r.got.size(), sim.node(a, FireAndForget.class).transmissions, r.duplicates);
    }

    /** The fix: the same messages, retransmitted until acknowledged. */
    public static Result fix(long seed, int n, double loss) {
        Simulation sim = network(seed, loss);
        Address b = sim.addNode("B", () -> new Receiver(true));
        Address a = sim.addNode("A", () -> new RetransmitUntilAcked(b, n));
        // loss < 1, so every message eventually gets through; the limit only guards a bug
        RetransmitUntilAcked sender = sim.node(a, RetransmitUntilAcked.class);
        sim.runUntil(sender::done, Duration.ofMinutes(10));
        Receiver r = sim.node(b, Receiver.class);
        return new Result(n, r.got.size(), sender.transmissions, r.duplicates);
    }

    private static Simulation network(long seed, double loss) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(false);
        sim.network().setDefaults(LinkFaults.none().withLoss(loss)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(3))));
        return sim;
    }

    @Override
    public Outcome run(long seed, boolean quick) {
        int n = quick ? 50 : 200;
        double loss = 0.2;
        Result naive = naive(seed, n, loss);
        Result fix = fix(seed, n, loss);
        return new Outcome(
                List.of(String.format(t("A sends %d numbered messages to B; each link loses %.0f%% of frames at random.",
                        "A가 번호 붙은 메시지 %d개를 B에게 보낸다; 각 링크는 프레임의 %.0f%%를 무작위로 잃는다."), n, loss * 100)),
                List.of(String.format(t("fire and forget: B got %d of %d; %d lost, and A does not know which.",
                        "보내고 잊기: B는 %2$d개 중 %1$d개를 받았다; %3$d개를 잃었고, A는 어느 것인지 모른다."),
                        naive.delivered(), n, naive.lost())),
                List.of(String.format(t("retransmit every %d ms until acked: B got %d of %d, for %d transmissions (%d retransmissions);",
                                "ack가 올 때까지 %1$d ms마다 재전송: B는 %3$d개 중 %2$d개를 받았고, 전송은 %4$d번 (재전송 %5$d번);"),
                                RETRANSMIT_AFTER.toMillis(), fix.delivered(), n, fix.transmissions(), fix.transmissions() - n),
                        String.format(t("B discarded %d duplicate copies (a lost ack looks like lost data, so A resends what B has).",
                                "B는 중복 사본 %d개를 버렸다 (잃어버린 ack는 잃어버린 데이터처럼 보이므로, A는 B가 이미 가진 것을 다시 보낸다)."),
                                fix.duplicatesDiscarded())),
                naive.lost() > 0,
                fix.delivered() == n,
                t("fire and forget", "보내고 잊기"),
                t("retransmit until acked; receiver drops duplicates", "ack가 올 때까지 재전송; 수신자가 중복을 버린다"));
    }
}
