package dev.dbinternals.ch08.links.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.links.check.NoCreationChecker.Event;
import dev.dbinternals.ch08.links.check.NoCreationChecker.Reason;
import dev.dbinternals.ch08.links.check.NoCreationChecker.Violation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-6. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-6--*}): naming a message by its text alone, as {@link LinkChecks#noCreation}
 * does, which misses an altered payload whose text was sent as another message
 * ({@code --text-only}); naming it by its id alone, which takes a forged payload for a late send
 * ({@code --id-only}); ignoring the order of the history, which misses a delivery before its
 * send ({@code --ignores-order}); calling {@link LinkChecks#noCreation} and reporting every
 * violation as never sent ({@code --delegate}). Also tested: who sent to whom matters, and a
 * duplicate delivery is not creation.
 */
@Tag("exercise")
@DisplayName("links-6: the trace checker for no creation, with message identities")
class NoCreationCheckerExerciseTest {

    private static final Address A = Address.of("A");
    private static final Address B = Address.of("B");
    private static final Address C = Address.of("C");

    private static Event send(long t, Address from, Address to, long id, String payload) {
        return new Event(LinkEvent.Kind.SEND, t, from, to, id, payload);
    }

    private static Event deliver(long t, Address from, Address to, long id, String payload) {
        return new Event(LinkEvent.Kind.DELIVER, t, from, to, id, payload);
    }

    private static List<Reason> reasons(List<Event> history) {
        return NoCreationChecker.violations(history).stream().map(Violation::reason).toList();
    }

    @Test
    void shouldAcceptDeliveriesOfSentMessagesDuplicatesIncluded() {
        List<Event> h = List.of(send(1, A, B, 1, "m1"), deliver(5, A, B, 1, "m1"), deliver(6, A, B, 1, "m1"));
        assertThat(NoCreationChecker.violations(h)).as(t("m1 was sent; delivering it twice is duplication, not creation", "m1은 전송됐어요. 두 번 전달하는 것은 중복이지 생성이 아니에요")).isEmpty();
    }

    @Test
    void shouldAcceptTwoMessagesWithTheSameText() {
        List<Event> h = List.of(send(1, A, B, 1, "pay 100"), send(2, A, B, 2, "pay 100"),
                deliver(3, A, B, 2, "pay 100"), deliver(4, A, B, 1, "pay 100"));
        assertThat(NoCreationChecker.violations(h)).as(t("two payments of 100, each sent, each delivered", "100짜리 결제 두 건, 각각 전송되고 각각 전달돼요")).isEmpty();
    }

    @Test
    void shouldReportAMessageNobodySentAndSayWhichDelivery() {
        Event made = deliver(5, A, B, 2, "m2");
        List<Event> h = List.of(send(1, A, B, 1, "m1"), made);
        assertThat(NoCreationChecker.violations(h)).as(t("A never sent a message #2", "A는 메시지 #2를 보낸 적이 없어요")).containsExactly(new Violation(made, Reason.NEVER_SENT));
    }

    @Test
    void shouldReportAPayloadAlteredOnTheWayEvenIfThatTextWasSentAsAnotherMessage() {
        // message #1 arrives carrying the text of message #2: a corrupted frame, though both texts were sent
        List<Event> h = List.of(send(1, A, B, 1, "transfer 100"), send(2, A, B, 2, "transfer 900"),
                deliver(3, A, B, 1, "transfer 900"), deliver(4, A, B, 2, "transfer 900"));
        assertThat(reasons(h)).as(t("#1 was sent as 'transfer 100' and arrived as 'transfer 900': a message is its id and its payload", "#1은 'transfer 100'으로 전송됐는데 'transfer 900'으로 도착했어요: 메시지는 ID와 페이로드를 합친 것이에요"))
                .containsExactly(Reason.ALTERED);
    }

    @Test
    void shouldReportADeliveryBeforeItsSend() {
        List<Event> h = List.of(deliver(1, A, B, 1, "m1"), send(2, A, B, 1, "m1"));
        assertThat(reasons(h)).as(t("delivered at 1, sent only at 2", "1에 전달됐는데 전송은 2에야 됐어요")).containsExactly(Reason.BEFORE_SEND);
    }

    @Test
    void shouldTakeAForgedPayloadUnderTheNextNumberForMadeUpNotLate() {
        // an attacker guesses A's next number (Demo 12); A sends its own #4 afterwards, with other content
        List<Event> h = List.of(send(1, A, B, 3, "m3"), deliver(2, A, B, 4, "pay mallory"), send(3, A, B, 4, "m4"));
        assertThat(reasons(h)).as(t("'pay mallory' was never sent under any number; the id alone is not the message", "'pay mallory'는 어떤 번호로도 전송된 적이 없어요. ID만으로는 메시지가 아니에요"))
                .containsExactly(Reason.NEVER_SENT);
    }

    @Test
    void shouldReportAMessageFromTheWrongSenderOrToTheWrongReceiver() {
        List<Event> h = List.of(send(1, A, B, 1, "m1"), deliver(2, C, B, 1, "m1"), deliver(3, A, C, 1, "m1"));
        assertThat(reasons(h)).as(t("C never sent #1 to B, and A never sent #1 to C", "C는 B에게 #1을 보낸 적이 없고, A는 C에게 #1을 보낸 적이 없어요"))
                .containsExactly(Reason.NEVER_SENT, Reason.NEVER_SENT);
    }
}
