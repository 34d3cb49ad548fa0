package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SendWindowTest {

    @Test
    void shouldRefuseMoreThanItsCapacity() {
        SendWindow w = new SendWindow(2);
        w.add(new byte[1], 0);
        w.add(new byte[1], 0);
        assertThat(w.hasRoom()).isFalse();
        assertThatThrownBy(() -> w.add(new byte[1], 0)).hasMessageContaining("window full");
    }

    @Test
    void shouldSlideOnlyOnCumulativeAcksAndKeepSelectivelyAckedMessagesUntilThen() {
        SendWindow w = new SendWindow(4);
        for (int i = 0; i < 4; i++) {
            w.add(new byte[1], 0);
        }
        assertThat(w.ack(3)).isTrue();
        assertThat(w.isOutstanding(3)).as("held by the receiver: not resent").isFalse();
        assertThat(w.ackUpTo(2)).isTrue();
        assertThat(w.base()).as("1 and 2 processed; 3 only held, so it stays in the window").isEqualTo(3);
        assertThat(w.payload(3)).as("kept in case the receiver crashes and loses it").isNotNull();
        assertThat(w.ackUpTo(3)).isTrue();
        assertThat(w.base()).isEqualTo(4);
        assertThat(w.ack(3)).as("a repeated ack changes nothing").isFalse();
        assertThat(w.isOutstanding(4)).isTrue();
        assertThat(w.payload(1 + 4)).as("slot of #1 is free again").isNull();
    }

    @Test
    void shouldResendSelectivelyAckedMessagesAfterTheReceiverReneges() {
        SendWindow w = new SendWindow(4);
        for (int i = 0; i < 3; i++) {
            w.add(new byte[1], 0);
        }
        w.ack(2);
        w.ack(3);
        w.renege();
        assertThat(w.isOutstanding(2)).as("the receiver restarted: #2 must be sent again").isTrue();
        assertThat(w.isOutstanding(3)).isTrue();
    }

    @Test
    void shouldValidateItsCapacity() {
        assertThatThrownBy(() -> new SendWindow(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
