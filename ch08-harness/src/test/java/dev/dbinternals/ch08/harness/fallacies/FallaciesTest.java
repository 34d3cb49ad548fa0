package dev.dbinternals.ch08.harness.fallacies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each fallacy, one test each: the naive program fails and the fix holds, over many seeds where
 * the run is random. Every number is computed from the runs; nothing is asserted about real time.
 * (Flat, not {@code @Nested}: the replay command that {@link Seeds} prints names
 * {@code FallaciesTest#method}, which Surefire can run.)
 */
class FallaciesTest {

    @Test
    void shouldListTheEightFallaciesInTheUsualOrder() {
        assertThat(Fallacies.all()).extracting(Fallacy::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Fallacies.all()).extracting(Fallacy::fallacy).containsExactly(
                "The network is reliable", "Latency is zero", "Bandwidth is infinite", "The network is secure",
                "Topology doesn't change", "There is one administrator", "Transport cost is zero",
                "The network is homogeneous");
        assertThatThrownBy(() -> Fallacies.number(9)).hasMessageContaining("valid values: 1 (The network is reliable)")
                .hasMessageContaining("8 (The network is homogeneous)");
    }

    // ---- fallacy 1: the network is reliable
    @Test
    void shouldLoseMessagesWhenFiringAndForgettingAndDeliverAllWhenRetransmittingUntilAcked() {
        Seeds.check("fallacy 1: the network is reliable", 30, seed -> {
            var naive = F1NetworkIsReliable.naive(seed, 100, 0.2);
            var fix = F1NetworkIsReliable.fix(seed, 100, 0.2);

            assertThat(naive.transmissions()).isEqualTo(100);
            assertThat(naive.lost()).as("fire and forget over 20%% loss").isPositive();
            assertThat(fix.delivered()).isEqualTo(100);
            assertThat(fix.transmissions()).as("the fix had to retransmit").isGreaterThan(100);
        });
    }

    // ---- fallacy 2: latency is zero
    @Test
    void shouldTakeNRoundTripsSequentiallyAndAboutOneWhenPipelined() {
        Seeds.check("fallacy 2: latency is zero", 30, seed -> {
            var naive = F2LatencyIsZero.naive(seed, 10);
            var fix = F2LatencyIsZero.fix(seed, 10);
            long budget = F2LatencyIsZero.BUDGET.toNanos();

            // each round trip is at least 2 x 2 ms, so ten in a row take at least 40 ms
            assertThat(naive.totalNanos()).isGreaterThanOrEqualTo(naive.sumOfRoundTripsNanos())
                    .isGreaterThanOrEqualTo(10 * Duration.ofMillis(4).toNanos()).isGreaterThan(budget);
            assertThat(fix.totalNanos()).isLessThanOrEqualTo(budget)
                    .isLessThanOrEqualTo(fix.slowestRoundTripNanos() + Duration.ofMillis(1).toNanos());
        });
    }

    // ---- fallacy 3: bandwidth is infinite
    @Test
    void shouldDropAtTheFullQueueWhenBlastingAndDeliverAllInAboutSizeOverBandwidthWithAWindow() {
        Seeds.check("fallacy 3: bandwidth is infinite", 10, seed -> {
            var naive = F3BandwidthIsInfinite.naive(seed, 200);
            var fix = F3BandwidthIsInfinite.fix(seed, 200);

            // the queue holds QUEUE_LIMIT frames (the one on the wire included); the rest are dropped
            assertThat(naive.delivered()).isEqualTo(F3BandwidthIsInfinite.QUEUE_LIMIT);
            assertThat(naive.droppedQueueFull()).isEqualTo(200 - F3BandwidthIsInfinite.QUEUE_LIMIT);
            assertThat(fix.delivered()).isEqualTo(200);
            assertThat(fix.droppedQueueFull()).isZero();
            assertThat(fix.finishedNanos()).isBetween(fix.idealNanos(), fix.idealNanos() + Duration.ofMillis(5).toNanos());
        });
    }

    // ---- fallacy 4: the network is secure
    @Test
    void shouldAcceptAResealedForgeryUnderCrcRejectItUnderHmacAndRejectReplaysOnlyWithASequenceNumber() {
        Seeds.check("fallacy 4: the network is secure", 30, seed -> {
            var crc = F4NetworkIsSecure.run(seed, F4NetworkIsSecure.Check.CRC32C);
            var hmac = F4NetworkIsSecure.run(seed, F4NetworkIsSecure.Check.HMAC);
            var fix = F4NetworkIsSecure.run(seed, F4NetworkIsSecure.Check.HMAC_AND_SEQUENCE);

            // CRC32C catches the accidental 1..3-bit flip, not the forgery or the replays
            assertThat(crc.corruptionAccepted()).isFalse();
            assertThat(crc.forgeryAccepted()).isTrue();
            assertThat(crc.replaysAccepted()).isEqualTo(F4NetworkIsSecure.REPLAYS);
            // the MAC stops the forgery; a replayed frame is genuine, so it still passes
            assertThat(hmac.corruptionAccepted()).isFalse();
            assertThat(hmac.forgeryAccepted()).isFalse();
            assertThat(hmac.replaysAccepted()).isEqualTo(F4NetworkIsSecure.REPLAYS);
            // MAC + sequence number: B pays exactly A's intact orders
            assertThat(fix.fooled()).isFalse();
            assertThat(fix.paidOut()).isEqualTo(fix.ordered()).isEqualTo(30);
        });
    }

    @Test
    void shouldCountTheIntactOrdersFromTheTraceNotAssumeThem() {
        // A sends its 5 orders straight to B: no attacker, so the total follows what the wire did
        for (boolean flipFirst : new boolean[] {false, true}) {
            var sim = new dev.dbinternals.ch08.harness.sim.Simulation(1);
            sim.network().setDefaults(dev.dbinternals.ch08.harness.sim.LinkFaults.none());
            var b = sim.addNode("B", () -> new F4NetworkIsSecure.Bank(F4NetworkIsSecure.Check.HMAC));
            var a = sim.addNode("A", () -> new F4NetworkIsSecure.Client(F4NetworkIsSecure.Check.HMAC, b));
            if (flipFirst) {
                sim.network().corruptNext(a, b);
            }
            sim.runUntilQuiet(Duration.ofSeconds(1));
            assertThat(F4NetworkIsSecure.intactOrdersTotal(sim, a, b)).as("first order flipped: %s", flipFirst)
                    .isEqualTo(flipFirst ? 40 : 50);
        }
    }

    @Test
    void shouldRejectEverySingleBitFlipOfAnAuthenticatedFrame() {
        byte[] key = "k".repeat(32).getBytes();
        byte[] frame = F4NetworkIsSecure.seal(F4NetworkIsSecure.Check.HMAC, F4NetworkIsSecure.body(7, 10, "bob"), key);
        assertThat(F4NetworkIsSecure.open(F4NetworkIsSecure.Check.HMAC, frame, key)).isNotNull();
        for (int bit = 0; bit < frame.length * 8; bit++) {
            byte[] f = frame.clone();
            f[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(F4NetworkIsSecure.open(F4NetworkIsSecure.Check.HMAC, f, key)).as("bit %d", bit).isNull();
        }
    }

    // ---- fallacy 5: topology does not change
    @Test
    void shouldStrandTheDepartedNodesKeysWithAStaticListAndAnswerAllWithAVersionedView() {
        Seeds.check("fallacy 5: topology doesn't change", 20, seed -> {
            var naive = F5TopologyDoesNotChange.naive(seed, 60);
            var fix = F5TopologyDoesNotChange.fix(seed, 60);

            assertThat(naive.answered()).isLessThan(60);
            assertThat(naive.framesToDeparted()).isPositive();
            assertThat(naive.servedByNewcomer()).isZero();
            assertThat(fix.answered()).isEqualTo(60);
            assertThat(fix.servedByNewcomer()).isPositive();
            assertThat(fix.viewRefreshes()).isPositive();
        });
    }

    // ---- fallacy 6: there is one administrator
    @Test
    void shouldSuspectAHealthyPeerWithMismatchedConfigsAndNeverAfterExchangingThem() {
        Seeds.check("fallacy 6: there is one administrator", 20, seed -> {
            var naive = F6ThereIsOneAdministrator.naive(seed, Duration.ofSeconds(5));
            var fix = F6ThereIsOneAdministrator.fix(seed, Duration.ofSeconds(5));

            // nothing fails in either run: every suspicion is false
            assertThat(naive.falseSuspicionsByB()).isPositive();
            assertThat(fix.falseSuspicions()).isZero();
            assertThat(fix.bTimeoutForA()).isEqualTo(Duration.ofMillis(3 * 500));
        });
    }

    // ---- fallacy 7: transport cost is zero
    @Test
    void shouldCountTheFramingThatEachMessagePaysAndWhatBatchingSaves() {
        Seeds.check("fallacy 7: transport cost is zero", 10, seed -> {
            int n = 512;
            var k1 = F7TransportCostIsZero.run(seed, n, 1);
            var k8 = F7TransportCostIsZero.run(seed, n, 8);
            var k64 = F7TransportCostIsZero.run(seed, n, 64);

            // the bytes the network carried are exactly the codec's frames: an independent count
            List<F7TransportCostIsZero.Put> msgs = F7TransportCostIsZero.messages(seed, n);
            long direct = msgs.stream().mapToLong(m -> F7TransportCostIsZero.CODEC.encode(m).length).sum();
            assertThat(k1.wireBytes()).isEqualTo(direct);
            // one type id and a 4-byte CRC32C per message when unbatched
            assertThat(k1.overheadBytesPerMessage()).isEqualTo(5.0);
            assertThat(k1.frames()).isEqualTo(n);
            assertThat(k8.frames()).isEqualTo(n / 8);
            assertThat(k64.frames()).isEqualTo(n / 64);
            assertThat(k1.wireBytesPerMessage()).isGreaterThan(k8.wireBytesPerMessage());
            assertThat(k8.wireBytesPerMessage()).isGreaterThan(k64.wireBytesPerMessage());
            assertThat(k1.costFactor()).isGreaterThanOrEqualTo(F7TransportCostIsZero.OFF_BY);
            assertThat(k64.costFactor()).isLessThan(F7TransportCostIsZero.OFF_BY);
            assertThat(k64.finishedNanos()).isLessThan(k1.finishedNanos());
        });
    }

    // ---- fallacy 8: the network is homogeneous
    @Test
    void shouldRetransmitNeedlesslyToTheSlowPeerWithOneTimeoutAndAlmostNeverWithPerPeerAdaptiveOnes() {
        Seeds.check("fallacy 8: the network is homogeneous", 20, seed -> {
            var naive = F8NetworkIsHomogeneous.naive(seed, 30);
            var fix = F8NetworkIsHomogeneous.fix(seed, 30);

            assertThat(naive.retransmissionsToFast()).isZero();
            assertThat(naive.retransmissionsToSlow()).isGreaterThan(30);
            assertThat(naive.duplicatesAtSlow()).isPositive();
            assertThat(fix.retransmissionsToFast()).isZero();
            assertThat(fix.retransmissionsToSlow() * 10).isLessThanOrEqualTo(naive.retransmissionsToSlow());
            // the learned timeout covers the slow link's round trip (80..120 ms)
            assertThat(fix.finalRtoSlowNanos()).isGreaterThan(Duration.ofMillis(80).toNanos());
        });
    }

    @Test
    void shouldHaveEveryScenarioReportNaiveFailedAndFixHeldInTheDemosQuickRun() {
        for (Fallacy f : Fallacies.all()) {
            Fallacy.Outcome o = f.run(1, true);
            assertThat(o.naiveFailed()).as("naive of %d", f.number()).isTrue();
            assertThat(o.fixHeld()).as("fix of %d", f.number()).isTrue();
        }
    }
}
