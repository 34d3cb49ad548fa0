package dev.dbinternals.ch08.links.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.links.check.CheckResult;
import dev.dbinternals.ch08.links.ladder.Frame;
import dev.dbinternals.ch08.links.ladder.Payloads;
import dev.dbinternals.ch08.links.security.ForgedFrames.AckForgery;
import dev.dbinternals.ch08.links.security.ForgedFrames.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** "The network is secure" (분산 컴퓨팅의 오류) on the perfect link: Demo 12's claims, from its runs. */
class ForgedFrameTest {

    @Test
    void shouldDeliverAForgedDataFrameWithAValidCrcAndLoseTheRealMessageItDisplaced() {
        Seeds.check("forged data frame, CRC32C only", 20, seed -> {
            Outcome o = ForgedFrames.forgedData(seed, false);
            assertThat(o.created()).containsExactly(ForgedFrames.FORGED_PAYLOAD);
            assertThat(o.lost()).containsExactly("m4");
            assertThat(o.senderSeesAllAcknowledged()).isTrue();
            assertThat(o.checks()).filteredOn(c -> c.property().startsWith("no creation"))
                    .singleElement().extracting(CheckResult::holds).isEqualTo(false);
        });
    }

    @Test
    void shouldMakeTheSenderGiveUpOnLostMessagesAfterAPlausibleForgedAck() {
        Seeds.check("forged plausible ack, CRC32C only", 20, seed -> {
            Outcome o = ForgedFrames.forgedAck(seed, false, AckForgery.PLAUSIBLE);
            assertThat(o.lost()).containsExactly("m4", "m5", "m6");
            assertThat(o.senderSeesAllAcknowledged()).isTrue();
        });
    }

    @Test
    void shouldDropAnAckForANumberNeverSentAndDeliverEverythingAfterTheHeal() {
        Seeds.check("forged implausible ack, CRC32C only", 20, seed -> {
            Outcome o = ForgedFrames.forgedAck(seed, false, AckForgery.IMPLAUSIBLE);
            assertThat(o.implausibleAcks()).isEqualTo(1);
            assertThat(o.lost()).isEmpty();
            assertThat(o.delivered()).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
        });
    }

    @Test
    void shouldRejectForgedFramesWhenFramesAreAuthenticated() {
        Seeds.check("forged frames, HMAC-SHA256", 20, seed -> {
            for (Outcome o : new Outcome[] {ForgedFrames.forgedData(seed, true), ForgedFrames.forgedAck(seed, true, AckForgery.PLAUSIBLE)}) {
                assertThat(o.rejectedByMac()).isEqualTo(1);
                assertThat(o.created()).isEmpty();
                assertThat(o.lost()).isEmpty();
                assertThat(o.delivered()).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
                o.checks().forEach(c -> assertThat(c.holds()).as(c.toString()).isTrue());
            }
        });
    }

    @Test
    void shouldCatchAReplayedAuthenticatedFrameBySequenceNumber() {
        Seeds.check("replayed authenticated frame", 20, seed -> {
            Outcome o = ForgedFrames.replay(seed, true);
            assertThat(o.rejectedByMac()).isZero();
            assertThat(o.duplicatesDropped()).isEqualTo(1);
            assertThat(o.delivered()).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
        });
    }

    @Test
    void shouldVerifyOnlyTagsMadeWithTheKey() {
        FrameAuthenticator auth = new FrameAuthenticator("sixteen+ byte key".getBytes(StandardCharsets.UTF_8));
        byte[] frame = Frame.data(1, 1, 0, Payloads.numbered(1, 0)).encode();
        byte[] sealed = auth.seal(frame);
        assertThat(auth.open(sealed)).isEqualTo(frame);
        // one flipped bit anywhere, in the frame or in the tag, fails the check
        for (int i = 0; i < sealed.length * 8; i += 7) {
            byte[] bad = sealed.clone();
            bad[i / 8] ^= (byte) (1 << (i % 8));
            assertThat(auth.open(bad)).as("bit %d", i).isNull();
        }
        // a different key does not verify, and neither does a frame with its tag cut off
        assertThat(new FrameAuthenticator("another key, 16+ bytes".getBytes(StandardCharsets.UTF_8)).open(sealed)).isNull();
        assertThat(auth.open(Arrays.copyOf(sealed, 10))).isNull();
    }
}
