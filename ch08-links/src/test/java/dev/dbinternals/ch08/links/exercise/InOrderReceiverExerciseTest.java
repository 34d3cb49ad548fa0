package dev.dbinternals.ch08.links.exercise;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-2. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-2--*}): a buffer without a bound ({@code --no-capacity}); releasing
 * only the message that filled the gap, not those waiting behind it ({@code --release-one});
 * deduplicating but delivering on arrival, out of order ({@code --deliver-on-arrival}); the main
 * {@code PerfectLink}'s receiver, which buffers without a bound ({@code --delegate}).
 */
@Tag("exercise")
@DisplayName("links-2: the reorder buffer")
class InOrderReceiverExerciseTest {

    @Test
    void shouldDeliverAnInOrderMessageAtOnce() {
        InOrderReceiver r = new InOrderReceiver(8);
        assertThat(r.receive(1, "m1")).as(t("#1 is next in order", "#1이 순서상 다음이에요")).containsExactly("m1");
        assertThat(r.receive(2, "m2")).as(t("#2 follows #1: delivered at once", "#2는 #1 다음이니 바로 전달돼요")).containsExactly("m2");
        assertThat(r.nConsecutive()).as(t("n_consecutive after 1 and 2", "1과 2 뒤의 n_consecutive")).isEqualTo(2);
    }

    @Test
    void shouldHoldAnOutOfOrderMessageAndReleaseItWhenTheGapFills() {
        InOrderReceiver r = new InOrderReceiver(8);
        assertThat(r.receive(3, "m3")).as(t("#3 waits for #1 and #2", "#3은 #1과 #2를 기다려요")).isEmpty();
        assertThat(r.receive(2, "m2")).as(t("#2 still waits for #1", "#2는 여전히 #1을 기다려요")).isEmpty();
        assertThat(r.buffered()).as(t("two messages held", "두 메시지를 잡아 두고 있어요")).isEqualTo(2);
        assertThat(r.receive(1, "m1")).as(t("#1 releases #2 and #3 behind it", "#1이 뒤에 있는 #2와 #3을 내보내요")).containsExactly("m1", "m2", "m3");
        assertThat(r.buffered()).as(t("nothing left waiting after the release", "내보낸 뒤에는 기다리는 것이 남지 않아요")).isZero();
        assertThat(r.nConsecutive()).as(t("n_consecutive after 1, 2 and 3 arrived", "1, 2, 3이 도착한 뒤의 n_consecutive")).isEqualTo(3);
    }

    @Test
    void shouldIgnoreDuplicatesDeliveredOrWaiting() {
        InOrderReceiver r = new InOrderReceiver(8);
        r.receive(1, "m1");
        r.receive(3, "m3");
        assertThat(r.receive(1, "m1")).as(t("#1 already delivered", "#1은 이미 전달됐어요")).isEmpty();
        assertThat(r.receive(3, "m3")).as(t("#3 already waiting", "#3은 이미 기다리는 중이에요")).isEmpty();
        assertThat(r.receive(2, "m2")).as(t("#3 is released once", "#3은 한 번만 나가요")).containsExactly("m2", "m3");
    }

    @Test
    void shouldNeverHoldMoreThanItsCapacity() {
        InOrderReceiver r = new InOrderReceiver(4);
        assertThat(r.receive(6, "m6")).as(t("#6 is beyond n_consecutive + capacity = 4: dropped", "#6은 n_consecutive + capacity = 4를 넘으니 버려요")).isEmpty();
        assertThat(r.receive(4, "m4")).as(t("#4 is within capacity but waits for #1..#3", "#4는 용량 안이지만 #1..#3을 기다려요")).isEmpty();
        assertThat(r.buffered()).as(t("only #4 is held", "#4만 잡아 두고 있어요")).isEqualTo(1);
    }

    @Test
    void shouldDeliverAShuffledDuplicatedStreamExactlyOnceInOrder() {
        List<Long> arrivals = new ArrayList<>();
        for (long s = 1; s <= 300; s++) {
            arrivals.add(s);
            arrivals.add(s);
        }
        // shuffle in small blocks so every message is within the window of 32 when it arrives
        Random rnd = new Random(3);
        for (int i = 0; i + 16 <= arrivals.size(); i += 16) {
            Collections.shuffle(arrivals.subList(i, i + 16), rnd);
        }
        InOrderReceiver r = new InOrderReceiver(32);
        List<String> delivered = new ArrayList<>();
        arrivals.forEach(s -> delivered.addAll(r.receive(s, "m" + s)));
        List<String> expected = new ArrayList<>();
        for (long s = 1; s <= 300; s++) {
            expected.add("m" + s);
        }
        assertThat(delivered).as(t("m1..m300, each once, in order", "m1..m300, 각각 한 번씩, 순서대로")).isEqualTo(expected);
    }
}
