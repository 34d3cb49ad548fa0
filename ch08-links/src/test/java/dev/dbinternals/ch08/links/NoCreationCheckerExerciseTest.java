package dev.dbinternals.ch08.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("links-6: the trace checker for no creation")
class NoCreationCheckerExerciseTest {

    private static final Address A = Address.of("A");
    private static final Address B = Address.of("B");
    private static final Address C = Address.of("C");

    @Test
    void shouldAcceptDeliveriesOfSentMessages() {
        List<LinkEvent> h = List.of(LinkEvent.send(1, A, B, "m1"), LinkEvent.deliver(5, A, B, "m1"),
                LinkEvent.deliver(6, A, B, "m1"));
        assertThat(NoCreationChecker.violations(h)).as("m1 was sent; a duplicate delivery is not creation").isEmpty();
    }

    @Test
    void shouldReportAMessageNobodySent() {
        List<LinkEvent> h = List.of(LinkEvent.send(1, A, B, "m1"), LinkEvent.deliver(5, A, B, "m2"));
        assertThat(NoCreationChecker.violations(h)).as("m2 was never sent").hasSize(1).first().asString().contains("m2");
    }

    @Test
    void shouldReportADeliveryBeforeItsSend() {
        List<LinkEvent> h = List.of(LinkEvent.deliver(1, A, B, "m1"), LinkEvent.send(2, A, B, "m1"));
        assertThat(NoCreationChecker.violations(h)).as("delivered before it was sent").hasSize(1);
    }

    @Test
    void shouldReportAMessageFromTheWrongSenderOrToTheWrongReceiver() {
        List<LinkEvent> h = List.of(LinkEvent.send(1, A, B, "m1"), LinkEvent.deliver(2, C, B, "m1"),
                LinkEvent.deliver(3, A, C, "m1"));
        assertThat(NoCreationChecker.violations(h)).as("C never sent m1 to B, and A never sent m1 to C").hasSize(2);
    }

    @Test
    void shouldCatchACorruptedPayloadDeliveredAsIfSent() {
        List<LinkEvent> h = List.of(LinkEvent.send(1, A, B, "transfer 100"), LinkEvent.deliver(2, A, B, "transfer 900"));
        assertThat(NoCreationChecker.violations(h)).as("a flipped bit that slips past the checksum creates a message")
                .hasSize(1);
    }
}
