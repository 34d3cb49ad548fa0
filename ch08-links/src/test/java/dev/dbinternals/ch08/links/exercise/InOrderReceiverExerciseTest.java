package dev.dbinternals.ch08.links.exercise;

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
        assertThat(r.receive(1, "m1")).as("#1 is next in order").containsExactly("m1");
        assertThat(r.receive(2, "m2")).as("#2 follows #1: delivered at once").containsExactly("m2");
        assertThat(r.nConsecutive()).as("n_consecutive after 1 and 2").isEqualTo(2);
    }

    @Test
    void shouldHoldAnOutOfOrderMessageAndReleaseItWhenTheGapFills() {
        InOrderReceiver r = new InOrderReceiver(8);
        assertThat(r.receive(3, "m3")).as("#3 waits for #1 and #2").isEmpty();
        assertThat(r.receive(2, "m2")).as("#2 still waits for #1").isEmpty();
        assertThat(r.buffered()).as("two messages held").isEqualTo(2);
        assertThat(r.receive(1, "m1")).as("#1 releases #2 and #3 behind it").containsExactly("m1", "m2", "m3");
        assertThat(r.buffered()).as("nothing left waiting after the release").isZero();
        assertThat(r.nConsecutive()).as("n_consecutive after 1, 2 and 3 arrived").isEqualTo(3);
    }

    @Test
    void shouldIgnoreDuplicatesDeliveredOrWaiting() {
        InOrderReceiver r = new InOrderReceiver(8);
        r.receive(1, "m1");
        r.receive(3, "m3");
        assertThat(r.receive(1, "m1")).as("#1 already delivered").isEmpty();
        assertThat(r.receive(3, "m3")).as("#3 already waiting").isEmpty();
        assertThat(r.receive(2, "m2")).as("#3 is released once").containsExactly("m2", "m3");
    }

    @Test
    void shouldNeverHoldMoreThanItsCapacity() {
        InOrderReceiver r = new InOrderReceiver(4);
        assertThat(r.receive(6, "m6")).as("#6 is beyond n_consecutive + capacity = 4: dropped").isEmpty();
        assertThat(r.receive(4, "m4")).as("#4 is within capacity but waits for #1..#3").isEmpty();
        assertThat(r.buffered()).as("only #4 is held").isEqualTo(1);
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
        assertThat(delivered).as("m1..m300, each once, in order").isEqualTo(expected);
    }
}
