package dev.dbinternals.ch08.links.exercise;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-1. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-1--*}): keeping only the highest number seen, so a message overtaken by
 * a later one is taken for a duplicate ({@code --max-only}); remembering every number ever seen
 * ({@code --remember-all}); one sequence space for all senders ({@code --one-counter}); taking
 * "delivered now" from the main {@code PerfectLink} for "first arrival" ({@code --delegate}).
 */
@Tag("exercise")
@DisplayName("links-1: dedup in the receiver")
class DedupReceiverExerciseTest {

    private static final Address A = Address.of("A");
    private static final Address B = Address.of("B");

    @Test
    void shouldAcceptEachSequenceNumberTheFirstTime() {
        DedupReceiver dedup = new DedupReceiver();
        for (long s = 1; s <= 5; s++) {
            assertThat(dedup.firstDelivery(A, s)).as(t("first arrival of #%d must be accepted", "#%d의 첫 도착은 받아들여야 해요"), s).isTrue();
        }
    }

    @Test
    void shouldRejectEveryLaterCopy() {
        DedupReceiver dedup = new DedupReceiver();
        dedup.firstDelivery(A, 1);
        dedup.firstDelivery(A, 2);
        assertThat(dedup.firstDelivery(A, 1)).as(t("a second copy of #1 is a duplicate", "#1의 두 번째 사본은 중복이에요")).isFalse();
        assertThat(dedup.firstDelivery(A, 2)).as(t("a second copy of #2 is a duplicate", "#2의 두 번째 사본은 중복이에요")).isFalse();
        assertThat(dedup.firstDelivery(A, 2)).as(t("a third copy of #2 is a duplicate", "#2의 세 번째 사본은 중복이에요")).isFalse();
    }

    @Test
    void shouldKeepSendersApart() {
        DedupReceiver dedup = new DedupReceiver();
        assertThat(dedup.firstDelivery(A, 1)).as(t("#1 from A arrives first: new", "A의 #1이 처음 도착: 새것이에요")).isTrue();
        assertThat(dedup.firstDelivery(B, 1)).as(t("#1 from B is a different message from #1 from A", "B의 #1은 A의 #1과 다른 메시지예요")).isTrue();
    }

    @Test
    void shouldAcceptOutOfOrderArrivalsExactlyOnce() {
        // given 1..500 each arriving three times, in a shuffled order
        List<Long> arrivals = new ArrayList<>();
        for (long s = 1; s <= 500; s++) {
            arrivals.add(s);
            arrivals.add(s);
            arrivals.add(s);
        }
        Collections.shuffle(arrivals, new Random(7));
        DedupReceiver dedup = new DedupReceiver();
        // when
        long accepted = arrivals.stream().filter(s -> dedup.firstDelivery(A, s)).count();
        // then
        assertThat(accepted).as(t("each of the 500 messages accepted exactly once", "메시지 500개가 각각 정확히 한 번 받아들여져요")).isEqualTo(500);
        assertThat(dedup.remembered(A)).as(t("once 1..500 all arrived, nothing needs remembering individually", "1..500이 모두 도착하면 따로 기억할 것이 없어요")).isZero();
    }

    @Test
    void shouldRememberOnlyWhatIsAboveTheConsecutivePrefix() {
        DedupReceiver dedup = new DedupReceiver();
        for (long s = 1; s <= 100_000; s++) {
            dedup.firstDelivery(A, s);
        }
        assertThat(dedup.remembered(A)).as(t("after 1..100000 arrived in order, no number is kept one by one", "1..100000이 순서대로 도착한 뒤에는 하나하나 따로 기억하는 번호가 없어야 해요")).isZero();
        dedup.firstDelivery(A, 100_005);
        dedup.firstDelivery(A, 100_003);
        assertThat(dedup.remembered(A)).as(t("two numbers above the gap at 100001", "100001의 빈틈 위에 있는 번호 두 개")).isEqualTo(2);
        assertThat(dedup.firstDelivery(A, 50_000)).as(t("far below the watermark: duplicate", "워터마크보다 한참 아래: 중복이에요")).isFalse();
    }
}
