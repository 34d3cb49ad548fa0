package dev.dbinternals.ch08.links.exercise;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-5. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-5--*}): accepting an ack for a number not yet handed out
 * ({@code --any-ack-above-base}); taking an ack of n for "everything up to n"
 * ({@code --cumulative}); bounding the unacknowledged messages instead of the span from base
 * ({@code --count-unacked}); the main {@code WindowedPerfectLink}, whose window slides only on
 * cumulative acknowledgements ({@code --delegate}).
 */
@Tag("exercise")
@DisplayName("links-5: a sliding window with backpressure")
class SlidingWindowSenderExerciseTest {

    @Test
    void shouldRefuseNewMessagesWhenTheWindowIsFull() {
        SlidingWindowSender w = new SlidingWindowSender(3);
        assertThat(w.trySend()).as(t("sequence numbers start at 1", "시퀀스 번호는 1부터 시작해요")).hasValue(1);
        assertThat(w.trySend()).as(t("then 2", "다음은 2")).hasValue(2);
        assertThat(w.trySend()).as(t("then 3: the window of 3 is now full", "다음은 3: 이제 크기 3인 윈도가 가득 찼어요")).hasValue(3);
        assertThat(w.trySend()).as(t("window of 3 is full: backpressure", "크기 3인 윈도가 가득 찼어요: 백프레셔(backpressure)")).isEmpty();
        assertThat(w.inFlight()).as(t("3 in flight (next - base)", "전송 중 3개 (next - base)")).isEqualTo(3);
    }

    @Test
    void shouldSlideWhenTheBaseIsAcknowledged() {
        SlidingWindowSender w = new SlidingWindowSender(3);
        w.trySend();
        w.trySend();
        w.trySend();
        w.ack(1);
        assertThat(w.base()).as(t("base moves past #1", "base가 #1을 지나가요")).isEqualTo(2);
        assertThat(w.trySend()).as(t("one slot free", "자리 하나가 비어요")).hasValue(4);
    }

    @Test
    void shouldNotSlidePastAnUnacknowledgedBase() {
        SlidingWindowSender w = new SlidingWindowSender(3);
        w.trySend();
        w.trySend();
        w.trySend();
        w.ack(2);
        w.ack(3);
        assertThat(w.base()).as(t("#1 is still unacknowledged", "#1은 아직 확인 응답되지 않았어요")).isEqualTo(1);
        assertThat(w.trySend()).as(t("no room until #1 is acknowledged", "#1이 확인 응답될 때까지 자리가 없어요")).isEmpty();
        assertThat(w.unacked()).as(t("only #1 is unacknowledged; #2 and #3 were acked selectively", "#1만 확인 응답되지 않았어요. #2와 #3은 선택적으로 확인 응답됐어요")).containsExactly(1L);
        w.ack(1);
        assertThat(w.base()).as(t("slides past 1, 2 and 3 at once", "1, 2, 3을 한 번에 지나가요")).isEqualTo(4);
        assertThat(w.inFlight()).as(t("nothing in flight once everything is acknowledged", "모두 확인 응답되면 전송 중인 것이 없어요")).isZero();
    }

    @Test
    void shouldIgnoreUnknownAndRepeatedAcks() {
        SlidingWindowSender w = new SlidingWindowSender(2);
        w.trySend();
        w.ack(1);
        w.ack(1);
        w.ack(7);
        assertThat(w.base()).as(t("#1 acked once slides the base to 2; the repeat and the unknown #7 change nothing", "#1을 한 번 확인 응답하면 base가 2로 밀려요. 반복된 것과 모르는 #7은 아무것도 바꾸지 않아요")).isEqualTo(2);
        assertThat(w.trySend()).as(t("the next number is 2", "다음 번호는 2예요")).hasValue(2);
        assertThat(w.trySend()).as(t("#7 was never sent; acking it frees nothing", "#7은 보낸 적이 없어요. 확인 응답해도 아무것도 비우지 않아요")).hasValue(3);
        assertThat(w.trySend()).as(t("#2 and #3 in flight fill the window of 2", "전송 중인 #2와 #3이 크기 2인 윈도를 채워요")).isEmpty();
    }

    @Test
    void shouldIgnoreAnAckForANumberNotYetHandedOut() {
        SlidingWindowSender w = new SlidingWindowSender(4);
        w.trySend();
        w.trySend();
        w.ack(3); // #3 was never sent: a forged or corrupted ack
        w.ack(1);
        w.ack(2);
        assertThat(w.base()).as(t("#1 and #2 acknowledged; #3 not sent yet, so it is the lowest unacknowledged", "#1과 #2는 확인 응답됐고 #3은 아직 보내지 않았으니, 확인 응답되지 않은 가장 작은 번호는 #3이에요")).isEqualTo(3);
        assertThat(w.inFlight()).as(t("nothing in flight: #1 and #2 acknowledged, #3 not sent", "전송 중인 것 없음: #1과 #2는 확인 응답됐고, #3은 보내지 않았어요")).isZero();
        assertThat(w.trySend()).as(t("the next number handed out", "다음으로 내준 번호")).hasValue(3);
        assertThat(w.unacked()).as(t("#3, sent now, is unacknowledged: the early ack for it must not count", "지금 보낸 #3은 확인 응답되지 않았어요: 그보다 먼저 온 확인 응답은 세면 안 돼요")).containsExactly(3L);
        assertThat(w.base()).as(t("#3 is unacknowledged", "#3은 확인 응답되지 않았어요")).isEqualTo(3);
    }

    @Test
    void shouldKeepAtMostWindowInFlightUnderRandomAcks() {
        SlidingWindowSender w = new SlidingWindowSender(16);
        Random rnd = new Random(11);
        List<Long> outstanding = new ArrayList<>();
        long sent = 0;
        for (int step = 0; step < 50_000; step++) {
            if (rnd.nextBoolean()) {
                OptionalLong s = w.trySend();
                if (s.isPresent()) {
                    outstanding.add(s.getAsLong());
                    sent++;
                }
            } else if (!outstanding.isEmpty()) {
                w.ack(outstanding.remove(rnd.nextInt(outstanding.size())));
            }
            assertThat(w.inFlight()).as(t("in flight at step %d", "단계 %d에서 전송 중인 것"), step).isBetween(0, 16);
        }
        outstanding.forEach(w::ack);
        assertThat(w.base()).as(t("every number acknowledged: base is one past the last", "모든 번호가 확인 응답됐어요: base는 마지막 번호 다음이에요")).isEqualTo(sent + 1);
    }
}
