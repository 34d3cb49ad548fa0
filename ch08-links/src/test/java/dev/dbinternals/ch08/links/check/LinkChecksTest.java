package dev.dbinternals.ch08.links.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkChecksTest {

    private static final Address A = Address.of("A");
    private static final Address B = Address.of("B");

    @Test
    void shouldPassAPerfectHistory() {
        List<LinkEvent> h = List.of(LinkEvent.send(1, A, B, "m1"), LinkEvent.send(2, A, B, "m2"),
                LinkEvent.deliver(3, A, B, "m1"), LinkEvent.deliver(4, A, B, "m2"));
        assertThat(LinkChecks.perfectLink(h)).allMatch(CheckResult::holds);
    }

    @Test
    void shouldNameEachViolatedProperty() {
        List<LinkEvent> h = List.of(LinkEvent.send(1, A, B, "m1"), LinkEvent.send(2, A, B, "m2"),
                LinkEvent.send(3, A, B, "m3"), LinkEvent.deliver(4, A, B, "m2"), LinkEvent.deliver(5, A, B, "m1"),
                LinkEvent.deliver(6, A, B, "m1"), LinkEvent.deliver(7, A, B, "m9"));
        assertThat(LinkChecks.reliableDelivery(h).violations()).singleElement().asString().contains("m3");
        assertThat(LinkChecks.noDuplication(h).violations()).singleElement().asString().contains("m1 A->B delivered 2 times");
        assertThat(LinkChecks.noCreation(h).violations()).singleElement().asString().contains("m9");
        assertThat(LinkChecks.fifo(h).violations()).singleElement().asString().contains("m1");
        assertThat(LinkChecks.noCreation(h).toString()).startsWith("no creation (생성 없음): VIOLATED");
    }

    @Test
    void shouldJudgeFairLossOnlyForMessagesSentOftenEnough() {
        List<LinkEvent> h = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            h.add(LinkEvent.send(i, A, B, "often"));
        }
        h.add(LinkEvent.send(50, A, B, "once"));
        assertThat(LinkChecks.fairLoss(h, 40).violations()).singleElement().asString().contains("often");
        h.add(LinkEvent.deliver(60, A, B, "often"));
        assertThat(LinkChecks.fairLoss(h, 40).holds()).as("a message sent once may be lost for good").isTrue();
    }

    @Test
    void shouldBoundDuplicationPerSend() {
        List<LinkEvent> h = new ArrayList<>(List.of(LinkEvent.send(1, A, B, "m1")));
        h.add(LinkEvent.deliver(2, A, B, "m1"));
        h.add(LinkEvent.deliver(3, A, B, "m1"));
        assertThat(LinkChecks.finiteDuplication(h, 2).holds()).isTrue();
        h.add(LinkEvent.deliver(4, A, B, "m1"));
        assertThat(LinkChecks.finiteDuplication(h, 2).holds()).isFalse();
    }
}
