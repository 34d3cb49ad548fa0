package dev.dbinternals.ch08.links.exercise;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-9. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-9--*}): a dedup set kept in memory, forgotten on restart
 * ({@code --memory-dedup}); answering before the sync, so an answered payment can be lost
 * ({@code --ack-before-sync}); syncing the balance and the "processed" record in two syncs
 * ({@code --two-syncs}); one watermark "highest id processed", which skips a payment overtaken
 * by a later one ({@code --watermark-only}); taking two payments of the same amount for one
 * ({@code --dedup-by-amount}); delegating to the main {@code EffectReceiver},
 * which speaks another wire format ({@code --delegate}).
 *
 * <p>How the crashes land: the test hands the reader's node a {@link Context} whose every
 * {@code send}, {@code put}, {@code remove} and {@code sync} is a step; at a seeded step the node
 * dies right there (the step does not happen, the handler stops, frames sent before it have left,
 * unsynced writes are lost) and restarts a few milliseconds later as a fresh instance.
 */
@Tag("exercise")
@DisplayName("links-9: exactly-once processing across receiver crashes")
class ExactlyOnceReceiverExerciseTest {

    static final Address CLIENT = Address.of("client");
    static final Address SERVER = Address.of("server");
    static final int PAYMENTS = 10;
    static final Codec WIRE = Codec.builder().register(1, ExactlyOnceReceiver.Pay.class)
            .register(2, ExactlyOnceReceiver.Paid.class).withChecksum().build();

    /**
     * Payment i carries 8^(i-1) cents, except that payments 9 and 10 carry the same amount, 8^8
     * (two payments are not one because they are equal): the balance, read in base 8, says how
     * often each of payments 1 to 8 was applied, and how often 9 and 10 were between them.
     */
    static long cents(long id) {
        return 1L << (3 * (Math.min(id, 9) - 1));
    }

    /** The client: sends every payment, and each again every 15 ms until its Paid arrives. */
    static final class Client implements Node {
        final TreeSet<Long> unanswered = new TreeSet<>();
        final List<String> badFrames;

        Client(List<String> badFrames) {
            this.badFrames = badFrames;
            for (long id = 1; id <= PAYMENTS; id++) {
                unanswered.add(id);
            }
        }

        @Override
        public void onStart(Context ctx) {
            onTimer(ctx, "retry");
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            try {
                if (WIRE.decode(message) instanceof ExactlyOnceReceiver.Paid p) {
                    unanswered.remove(p.id());
                }
            } catch (RuntimeException e) {
                badFrames.add(t("the client got a frame that is not a Paid under ExactlyOnceReceiver.CODEC: ",
                        "클라이언트가 ExactlyOnceReceiver.CODEC으로 Paid가 아닌 프레임을 받았어요: ") + e.getMessage());
            }
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            unanswered.forEach(id -> ctx.send(SERVER, WIRE.encode(new ExactlyOnceReceiver.Pay(id, cents(id)))));
            if (!unanswered.isEmpty()) {
                ctx.setTimer(Duration.ofMillis(15), "retry");
            }
        }
    }

    /** Thrown at the step where the server dies; caught by {@link Server} around the reader's handler. */
    static final class Died extends Error {
        private static final long serialVersionUID = 1L;

        Died() {
            super("the server crashed here", null, false, false);
        }
    }

    /** When and how often the server crashes in one run: shared by all its lives. */
    static final class CrashPlan {
        final Simulation sim;
        final Random random;
        int crashesLeft;
        int stepsToCrash;
        final List<String> where = new ArrayList<>();

        CrashPlan(Simulation sim, Random random) {
            this.sim = sim;
            this.random = random;
            this.crashesLeft = 1 + random.nextInt(3);
            this.stepsToCrash = 1 + random.nextInt(8);
        }

        /** Called before each step of a handler; dies there when the plan says so. */
        void step(String what) {
            if (crashesLeft == 0 || --stepsToCrash > 0) {
                return;
            }
            crashesLeft--;
            stepsToCrash = 1 + random.nextInt(8);
            where.add("at " + sim.now().toMillis() + " ms, before " + what);
            sim.crashAfterHandler(SERVER);
            sim.after(Duration.ofMillis(2 + random.nextInt(30)), () -> sim.restart(SERVER));
            throw new Died();
        }
    }

    /** The reader's node, with every send, put, remove and sync of its handlers made a crash point. */
    static final class Server implements Node {
        final ExactlyOnceReceiver inner = new ExactlyOnceReceiver();
        final CrashPlan plan;

        Server(CrashPlan plan) {
            this.plan = plan;
        }

        @Override
        public void onStart(Context ctx) {
            inner.onStart(ctx);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            try {
                plan.step("handling a frame from " + from);
                inner.onMessage(new FailPoints(ctx, plan), from, message);
            } catch (Died d) {
                // the process ends here
            }
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            try {
                inner.onTimer(new FailPoints(ctx, plan), tag);
            } catch (Died d) {
                // the process ends here
            }
        }
    }

    /** A context whose sends and storage writes are crash points. */
    record FailPoints(Context ctx, CrashPlan plan) implements Context {
        public Address self() {
            return ctx.self();
        }

        public List<Address> nodes() {
            return ctx.nodes();
        }

        public void send(Address to, byte[] message) {
            plan.step("a send to " + to);
            ctx.send(to, message);
        }

        public TimerId setTimer(Duration delay, Object tag) {
            return ctx.setTimer(delay, tag);
        }

        public void cancelTimer(TimerId timer) {
            ctx.cancelTimer(timer);
        }

        public LocalClock clock() {
            return ctx.clock();
        }

        public RandomGenerator random() {
            return ctx.random();
        }

        public void note(String text) {
            ctx.note(text);
        }

        public void discard(String why) {
            ctx.discard(why);
        }

        public DurableStorage storage() {
            DurableStorage st = ctx.storage();
            return new DurableStorage() {
                public Optional<byte[]> get(String key) {
                    return st.get(key);
                }

                public void put(String key, byte[] value) {
                    plan.step("put(\"" + key + "\")");
                    st.put(key, value);
                }

                public void remove(String key) {
                    plan.step("remove(\"" + key + "\")");
                    st.remove(key);
                }

                public void sync() {
                    plan.step("sync()");
                    st.sync();
                }

                public SortedSet<String> keys() {
                    return st.keys();
                }
            };
        }
    }

    static void run(long seed) {
        Simulation sim = new Simulation(seed);
        CrashPlan plan = new CrashPlan(sim, new Random(seed));
        List<String> badFrames = new ArrayList<>();
        sim.addNode(CLIENT, () -> new Client(badFrames));
        sim.addNode(SERVER, () -> new Server(plan));
        sim.network().setDefaults(LinkFaults.none().withLoss(0.15).withDuplication(0.1)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(10))));
        boolean answered = sim.runUntil(() -> sim.node(CLIENT, Client.class).unanswered.isEmpty(), Duration.ofSeconds(10));
        sim.runFor(Duration.ofMillis(100)); // late copies still arriving must change nothing
        String crashes = plan.where.isEmpty() ? "no crash" : "crashes " + String.join("; ", plan.where);

        assertThat(badFrames).as(t("frames on the wire must be ExactlyOnceReceiver records encoded with its CODEC", "네트워크 위의 프레임은 ExactlyOnceReceiver의 CODEC으로 인코딩한 ExactlyOnceReceiver 레코드여야 해요")).isEmpty();
        sim.crash(SERVER); // only the synced state counts
        byte[] stored = sim.durableState(SERVER).get(ExactlyOnceReceiver.BALANCE);
        long balance = stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
        List<String> wrong = new ArrayList<>();
        long rest = balance;
        for (long id = 1; id <= 9; id++) {
            long times = rest & 7;
            rest >>>= 3;
            if (id < 9 && times != 1) {
                wrong.add(t("payment " + id + " applied " + times + " time(s)", "ID가 " + id + "인 결제가 " + times + "번 적용됐어요"));
            } else if (id == 9 && times != 2) {
                wrong.add(t("payments 9 and 10, two payments of the same amount, applied " + times + " time(s) between them",
                        "금액이 같은 두 결제 9와 10이 합쳐서 " + times + "번 적용됐어요"));
            }
        }
        if (rest != 0 || balance < 0) {
            wrong.add(t("the balance " + balance + " is no sum of these payments each applied at most 7 times",
                    "잔액 " + balance + ": 이 결제들을 각각 최대 7번 적용해서 나올 수 있는 합이 아니에요"));
        }
        assertThat(wrong).as(t("exactly-once processing, judged by the durable balance after a last crash (%s): %s", "정확히 한 번 처리, 마지막 충돌 뒤의 영속 잔액으로 판정 (%s): %s"),
                crashes, wrong).isEmpty();
        assertThat(answered).as(t("every payment answered within 10 s (%s); unanswered: %s", "모든 결제에 10초 안에 응답해야 해요 (%s). 응답 없는 것: %s"),
                crashes, sim.node(CLIENT, Client.class).unanswered).isTrue();
    }

    @Test
    void shouldApplyEveryPaymentOnceWithoutCrashes() {
        Seeds.check(t("exactly-once, no faults, no crash", "정확히 한 번, 장애 없음, 충돌 없음"), 1, seed -> {
            Simulation sim = new Simulation(seed);
            List<String> badFrames = new ArrayList<>();
            sim.addNode(CLIENT, () -> new Client(badFrames));
            sim.addNode(SERVER, ExactlyOnceReceiver::new);
            boolean answered = sim.runUntil(() -> sim.node(CLIENT, Client.class).unanswered.isEmpty(), Duration.ofSeconds(1));
            sim.crash(SERVER);
            byte[] stored = sim.durableState(SERVER).get(ExactlyOnceReceiver.BALANCE);
            assertThat(badFrames).as(t("frames on the wire must be ExactlyOnceReceiver records encoded with its CODEC", "네트워크 위의 프레임은 ExactlyOnceReceiver의 CODEC으로 인코딩한 ExactlyOnceReceiver 레코드여야 해요")).isEmpty();
            assertThat(answered).as(t("every payment answered over a reliable network", "신뢰할 수 있는 네트워크에서는 모든 결제에 응답해요")).isTrue();
            assertThat(stored).as(t("the balance is in durable storage under BALANCE after a crash", "충돌 뒤에도 잔액이 영속 저장소의 BALANCE 키 아래에 있어야 해요")).isNotNull();
        });
    }

    @Test
    void shouldApplyEveryPaymentExactlyOnceWhateverStepACrashHits() {
        Seeds.check(t("exactly-once, 15% loss, 10% duplication, delay 1-10 ms, 1-3 server crashes",
                "정확히 한 번, 손실 15%, 중복 10%, 지연 1-10 ms, 서버 충돌 1-3번"), 1000,
                ExactlyOnceReceiverExerciseTest::run);
    }
}
