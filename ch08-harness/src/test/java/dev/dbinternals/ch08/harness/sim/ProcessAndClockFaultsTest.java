package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProcessAndClockFaultsTest {

    static final Address A = Address.of("A");

    /** Writes key k<i> every millisecond, syncing after every third write; counts in memory too. */
    static final class Writer implements Node {
        int inMemory;
        int starts;

        @Override
        public void onStart(Context ctx) {
            starts++;
            ctx.setTimer(Duration.ofMillis(1), "write");
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            inMemory++;
            int n = ctx.storage().keys().size();
            ctx.storage().put("k" + (1000 + n), ("v" + n).getBytes(StandardCharsets.UTF_8));
            if ((n + 1) % 3 == 0) {
                ctx.storage().sync();
            }
            ctx.setTimer(Duration.ofMillis(1), "write");
        }
    }

    @Test
    void shouldKeepExactlyTheSyncedStateAcrossACrashAndRestart() {
        Simulation sim = new Simulation(1);
        sim.addNode(A, Writer::new);
        sim.at(Duration.ofMillis(10) .plusNanos(500_000), () -> sim.crash(A));
        sim.runFor(Duration.ofMillis(10).plusNanos(400_000));
        // given: 10 writes done, synced after writes 3, 6, 9
        Map<String, byte[]> durableBefore = new TreeMap<>(sim.durableState(A));
        assertThat(sim.storage(A).keys()).hasSize(10);
        assertThat(durableBefore).hasSize(9);

        sim.runFor(Duration.ofMillis(5));   // crashed: nothing happens
        assertThat(sim.isCrashed(A)).isTrue();
        assertThat(sim.trace().ofKind(Kind.TIMER_FIRE).stream().filter(e -> e.timeNanos() > 10_500_000L)).isEmpty();

        sim.restart(A);
        Writer fresh = sim.node(A, Writer.class);
        assertThat(fresh.starts).as("a fresh instance started").isEqualTo(1);
        assertThat(fresh.inMemory).as("memory is gone").isZero();
        assertThat(sim.storage(A).keys()).as("exactly the synced keys survived")
                .containsExactlyElementsOf(durableBefore.keySet());
        assertThat(sim.storage(A).get("k1009")).as("the unsynced 10th write is lost").isEmpty();
    }

    @Test
    void shouldDropFramesToACrashedNodeAndDeliverAfterRestart() {
        Simulation sim = new Simulation(2);
        Address b = Address.of("B");
        sim.addNode(A, () -> new Nodes.Gossip(10));
        sim.addNode(b, () -> new Nodes.Gossip(10));
        sim.at(Duration.ofMillis(5), () -> sim.crash(b));
        sim.at(Duration.ofMillis(35), () -> sim.restart(b));
        sim.runFor(Duration.ofMillis(60));

        assertThat(sim.trace().ofKind(Kind.DROP)).isNotEmpty().allMatch(e -> e.dropReason() == DropReason.RECEIVER_CRASHED);
        assertThat(sim.node(b, Nodes.Gossip.class).heardFrom).as("the restarted B hears A again").contains(A);
    }

    @Test
    void shouldFireTimersLateAfterAPauseAndQueueFrames() {
        List<Long> fired = new ArrayList<>();
        Simulation sim = new Simulation(3);
        sim.setHandlerTime(Duration.ZERO);
        sim.addNode(A, () -> new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.setTimer(Duration.ofMillis(10), "t");
            }

            @Override
            public void onMessage(Context ctx, Address from, byte[] message) {
            }

            @Override
            public void onTimer(Context ctx, Object tag) {
                fired.add(sim.nowNanos());
            }
        });
        sim.at(Duration.ofMillis(5), () -> sim.pause(A, Duration.ofMillis(20)));
        sim.runFor(Duration.ofMillis(50));

        assertThat(fired).as("the 10 ms timer fires when the pause ends, at 25 ms").containsExactly(25_000_000L);
        assertThat(sim.trace().ofKind(Kind.PAUSE)).hasSize(1);
        assertThat(sim.trace().ofKind(Kind.RESUME)).singleElement().satisfies(e -> assertThat(e.timeNanos()).isEqualTo(25_000_000L));
    }

    @Test
    void shouldMakeASlowNodesHandlersTakeLonger() {
        Simulation sim = new Simulation(4);
        Address b = Address.of("B");
        sim.addNode(A, () -> new Nodes.Blaster(b, 10, 4));
        sim.addNode(b, Nodes.Sink::new);
        sim.setSlowness(b, 100); // 10 us x 100 = 1 ms per message
        sim.runUntilQuiet(Duration.ofSeconds(1));

        List<TraceEvent> d = sim.trace().ofKind(Kind.DELIVER);
        assertThat(d).hasSize(10);
        assertThat(d.get(9).timeNanos() - d.get(0).timeNanos()).as("nine handlers of 1 ms each in between")
                .isEqualTo(9_000_000L);
    }

    @Test
    void shouldKeepTheMonotonicClockMonotonicWhenTheWallClockStepsBack() {
        List<long[]> readings = new ArrayList<>();
        Simulation sim = new Simulation(5);
        sim.addNode(A, () -> new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.setTimer(Duration.ofMillis(1), "tick");
            }

            @Override
            public void onMessage(Context ctx, Address from, byte[] message) {
            }

            @Override
            public void onTimer(Context ctx, Object tag) {
                readings.add(new long[] {ctx.clock().wallMillis(), ctx.clock().monotonicNanos()});
                ctx.setTimer(Duration.ofMillis(1), "tick");
            }
        });
        sim.clock(A).setDriftPpm(200);
        sim.at(Duration.ofMillis(50), () -> sim.clock(A).step(Duration.ofMillis(-30)));
        sim.runFor(Duration.ofMillis(100));

        boolean wallWentBack = false;
        for (int i = 1; i < readings.size(); i++) {
            assertThat(readings.get(i)[1]).as("monotonic reading %d", i).isGreaterThan(readings.get(i - 1)[1]);
            wallWentBack |= readings.get(i)[0] < readings.get(i - 1)[0];
        }
        assertThat(wallWentBack).as("the wall clock did go backward").isTrue();
        assertThat(sim.trace().ofKind(Kind.CLOCK_STEP)).isNotEmpty();
    }

    /** Reads A's monotonic clock at 10 ms, restarts A at 20 ms, and reads it again at 20 ms and 30 ms. */
    private static long[] monotonicAcrossARestart(long seed) {
        Simulation sim = new Simulation(seed);
        sim.addNode(A, Nodes.Sink::new);
        sim.clock(A).setDriftPpm(1000);
        sim.clock(A).step(Duration.ofMillis(-7));
        long[] r = new long[4];
        sim.at(Duration.ofMillis(10), () -> r[0] = sim.clock(A).monotonicNanos());
        sim.at(Duration.ofMillis(20), () -> {
            sim.restart(A);
            r[1] = sim.clock(A).monotonicNanos();
        });
        sim.at(Duration.ofMillis(30), () -> r[2] = sim.clock(A).monotonicNanos());
        sim.runFor(Duration.ofMillis(40));
        r[3] = sim.clock(A).wallMillis() - SimClock.EPOCH_MILLIS;
        return r;
    }

    @Test
    void shouldStartTheMonotonicClockFromANewSeededOriginAtARestart() {
        boolean wentBelow = false;
        for (long seed = 1; seed <= 20; seed++) {
            long[] r = monotonicAcrossARestart(seed);
            assertThat(monotonicAcrossARestart(seed)).as("seed %d: the same seed, the same readings", seed).containsExactly(r);
            assertThat(r[1] - r[0]).as("seed %d: the new life's clock does not carry on from the old one", seed)
                    .isNotEqualTo(10_010_000L);
            assertThat(r[2] - r[1]).as("seed %d: within a life it runs on at the drifting rate", seed).isEqualTo(10_010_000L);
            assertThat(r[3]).as("seed %d: the wall clock carries on (40 ms + 1000 ppm - 7 ms step)", seed).isEqualTo(33L);
            wentBelow |= r[1] < r[0];
        }
        assertThat(wentBelow).as("some restart's clock reads below the old life's last reading").isTrue();
    }

    @Test
    void shouldDriftTheLocalClocksAgainstTrueTime() {
        Simulation sim = new Simulation(6);
        sim.addNode(A, Nodes.Sink::new);
        sim.clock(A).setDriftPpm(1000);   // 1 ms per second fast
        sim.clock(A).setOffset(Duration.ofMillis(-5));
        long mono0 = sim.clock(A).monotonicNanos();
        sim.runFor(Duration.ofSeconds(10));

        assertThat(sim.clock(A).monotonicNanos() - mono0).isEqualTo(10_010_000_000L);
        assertThat(sim.clock(A).offset()).isEqualTo(Duration.ofMillis(5)); // -5 ms + 10 ms of drift
        assertThat(sim.clock(A).wallMillis()).isEqualTo(SimClock.EPOCH_MILLIS + 10_005L);
    }

    @Test
    void shouldNameTheNodeTimeAndSeedWhenAHandlerThrows() {
        Simulation sim = new Simulation(77);
        sim.addNode(A, () -> (ctx, from, m) -> {
            throw new IllegalStateException("boom");
        });
        sim.addNode("B", () -> new Nodes.Blaster(A, 1, 4));

        assertThatThrownBy(() -> sim.runFor(Duration.ofSeconds(1)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("node A").hasMessageContaining("seed 77").hasMessageContaining("boom");
    }
}
