package dev.dbinternals.ch08.links.exercise;

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
        assertThat(w.trySend()).as("sequence numbers start at 1").hasValue(1);
        assertThat(w.trySend()).as("then 2").hasValue(2);
        assertThat(w.trySend()).as("then 3: the window of 3 is now full").hasValue(3);
        assertThat(w.trySend()).as("window of 3 is full: backpressure").isEmpty();
        assertThat(w.inFlight()).as("3 in flight (next - base)").isEqualTo(3);
    }

    @Test
    void shouldSlideWhenTheBaseIsAcknowledged() {
        SlidingWindowSender w = new SlidingWindowSender(3);
        w.trySend();
        w.trySend();
        w.trySend();
        w.ack(1);
        assertThat(w.base()).as("base moves past #1").isEqualTo(2);
        assertThat(w.trySend()).as("one slot free").hasValue(4);
    }

    @Test
    void shouldNotSlidePastAnUnacknowledgedBase() {
        SlidingWindowSender w = new SlidingWindowSender(3);
        w.trySend();
        w.trySend();
        w.trySend();
        w.ack(2);
        w.ack(3);
        assertThat(w.base()).as("#1 is still unacknowledged").isEqualTo(1);
        assertThat(w.trySend()).as("no room until #1 is acknowledged").isEmpty();
        assertThat(w.unacked()).as("only #1 is unacknowledged; #2 and #3 were acked selectively").containsExactly(1L);
        w.ack(1);
        assertThat(w.base()).as("slides past 1, 2 and 3 at once").isEqualTo(4);
        assertThat(w.inFlight()).as("nothing in flight once everything is acknowledged").isZero();
    }

    @Test
    void shouldIgnoreUnknownAndRepeatedAcks() {
        SlidingWindowSender w = new SlidingWindowSender(2);
        w.trySend();
        w.ack(1);
        w.ack(1);
        w.ack(7);
        assertThat(w.base()).as("#1 acked once slides the base to 2; the repeat and the unknown #7 change nothing").isEqualTo(2);
        assertThat(w.trySend()).as("the next number is 2").hasValue(2);
        assertThat(w.trySend()).as("#7 was never sent; acking it frees nothing").hasValue(3);
        assertThat(w.trySend()).as("#2 and #3 in flight fill the window of 2").isEmpty();
    }

    @Test
    void shouldIgnoreAnAckForANumberNotYetHandedOut() {
        SlidingWindowSender w = new SlidingWindowSender(4);
        w.trySend();
        w.trySend();
        w.ack(3); // #3 was never sent: a forged or corrupted ack
        w.ack(1);
        w.ack(2);
        assertThat(w.base()).as("#1 and #2 acknowledged; #3 not sent yet, so it is the lowest unacknowledged").isEqualTo(3);
        assertThat(w.inFlight()).as("nothing in flight: #1 and #2 acknowledged, #3 not sent").isZero();
        assertThat(w.trySend()).as("the next number handed out").hasValue(3);
        assertThat(w.unacked()).as("#3, sent now, is unacknowledged: the early ack for it must not count").containsExactly(3L);
        assertThat(w.base()).as("#3 is unacknowledged").isEqualTo(3);
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
            assertThat(w.inFlight()).as("in flight at step %d", step).isBetween(0, 16);
        }
        outstanding.forEach(w::ack);
        assertThat(w.base()).as("every number acknowledged: base is one past the last").isEqualTo(sent + 1);
    }
}
