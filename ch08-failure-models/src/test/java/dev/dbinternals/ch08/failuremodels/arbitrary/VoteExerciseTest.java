package dev.dbinternals.ch08.failuremodels.arbitrary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.arbitrary.Vote.Reply;
import dev.dbinternals.ch08.harness.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("failures-3: vote over replicas' replies (Vote)")
class VoteExerciseTest {

    private static final Address R1 = Address.of("R1");
    private static final Address R2 = Address.of("R2");
    private static final Address R3 = Address.of("R3");

    @Test
    void shouldDecideTheValueThatFPlusOneReplicasReported() {
        List<Reply> replies = List.of(new Reply(R1, 666), new Reply(R2, 107), new Reply(R3, 107));
        assertThat(Vote.decide(replies, 1)).as("two of three say 107, f = 1").isEqualTo(OptionalLong.of(107));
    }

    @Test
    void shouldNotDecideOnFewerThanFPlusOneMatchingReplies() {
        assertThat(Vote.decide(List.of(new Reply(R1, 666)), 1)).as("one reply with f = 1").isEmpty();
        assertThat(Vote.decide(List.of(new Reply(R1, 666), new Reply(R2, 107)), 1)).as("two replies that disagree").isEmpty();
        assertThat(Vote.decide(List.of(), 0)).as("no replies at all").isEmpty();
    }

    @Test
    void shouldCountEachReplicaOnceHoweverOftenItReplies() {
        List<Reply> stuffing = List.of(new Reply(R1, 666), new Reply(R1, 666), new Reply(R1, 666), new Reply(R2, 107));
        assertThat(Vote.decide(stuffing, 1)).as("R1 repeating 666 three times is still one vote").isEmpty();
        List<Reply> changing = List.of(new Reply(R1, 666), new Reply(R1, 107), new Reply(R2, 107));
        assertThat(Vote.decide(changing, 1)).as("only R1's first reply counts").isEmpty();
    }

    @Test
    void shouldNeverDecideAWrongValueWithAtMostFFaultyReplicas() {
        // exhaustive over n = 2f + 1 for f = 1 and 2: every set of at most f faulty replicas, each
        // answering one of two lies (possibly twice), in arrival orders from every rotation
        long right = 10;
        for (int f = 1; f <= 2; f++) {
            int n = 2 * f + 1;
            List<Address> rs = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                rs.add(Address.of("R" + i));
            }
            for (int faultyMask = 0; faultyMask < (1 << n); faultyMask++) {
                if (Integer.bitCount(faultyMask) > f) {
                    continue;
                }
                for (int lies = 0; lies < (1 << n); lies++) {
                    List<Reply> arrivals = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        boolean faulty = (faultyMask >> i & 1) == 1;
                        long v = faulty ? 20 + (lies >> i & 1) : right;
                        arrivals.add(new Reply(rs.get(i), v));
                        if (faulty) {
                            arrivals.add(0, new Reply(rs.get(i), v)); // a faulty replica also shouts first
                        }
                    }
                    for (int rot = 0; rot < arrivals.size(); rot++) {
                        List<Reply> order = new ArrayList<>(arrivals.subList(rot, arrivals.size()));
                        order.addAll(arrivals.subList(0, rot));
                        for (int k = 0; k <= order.size(); k++) {
                            OptionalLong d = Vote.decide(order.subList(0, k), f);
                            assertThat(d.isEmpty() || d.getAsLong() == right)
                                    .as("f=%d faulty=%s after %d replies %s: decided %s", f, Integer.toBinaryString(faultyMask), k,
                                            order.subList(0, k), d).isTrue();
                        }
                        assertThat(Vote.decide(order, f)).as("all replies in, f=%d faulty=%s", f,
                                Integer.toBinaryString(faultyMask)).isEqualTo(OptionalLong.of(right));
                    }
                }
            }
        }
    }
}
