package dev.dbinternals.ch08.failuremodels.arbitrary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.arbitrary.Vote.Reply;
import dev.dbinternals.ch08.harness.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Wrong solutions this test rejects (each in {@code src/wrong/failures-3--<slug>}):
 * <ul>
 *   <li>{@code first-reply}: trusts the first reply (the decide tests);
 *   <li>{@code count-replies}: counts replies, not replicas, so one replica repeating itself wins
 *       ({@link #shouldCountEachReplicaOnceHoweverOftenItReplies});
 *   <li>{@code blame-minority}: blames whoever disagrees with the most common answer before any
 *       value is decided, which can be a correct replica ({@link #shouldExposeFaultyReplicasAndNeverACorrectOne},
 *       and the exhaustive test);
 *   <li>{@code delegate}: votes with the module's {@code Tally}, which exposes nobody.
 * </ul>
 */
@Tag("exercise")
@DisplayName("failures-3: vote over replicas' replies, and expose the faulty ones (Vote)")
class VoteExerciseTest {

    private static final Address R1 = Address.of("R1");
    private static final Address R2 = Address.of("R2");
    private static final Address R3 = Address.of("R3");

    @Test
    void shouldDecideTheValueThatFPlusOneReplicasReported() {
        List<Reply> replies = List.of(new Reply(R1, 666), new Reply(R2, 107), new Reply(R3, 107));
        assertThat(Vote.decide(replies, 1)).as(t("two of three say 107, f = 1", "셋 중 둘이 107이라고 답함, f = 1")).isEqualTo(OptionalLong.of(107));
    }

    @Test
    void shouldNotDecideOnFewerThanFPlusOneMatchingReplies() {
        assertThat(Vote.decide(List.of(new Reply(R1, 666)), 1)).as(t("one reply with f = 1", "f = 1에서 응답 하나")).isEmpty();
        assertThat(Vote.decide(List.of(new Reply(R1, 666), new Reply(R2, 107)), 1)).as(t("two replies that disagree", "서로 다른 응답 둘")).isEmpty();
        assertThat(Vote.decide(List.of(), 0)).as(t("no replies at all", "응답이 하나도 없음")).isEmpty();
    }

    @Test
    void shouldCountEachReplicaOnceHoweverOftenItReplies() {
        List<Reply> stuffing = List.of(new Reply(R1, 666), new Reply(R1, 666), new Reply(R1, 666), new Reply(R2, 107));
        assertThat(Vote.decide(stuffing, 1)).as(t("R1 repeating 666 three times is still one vote", "R1이 666을 세 번 되풀이해도 여전히 한 표")).isEmpty();
        List<Reply> changing = List.of(new Reply(R1, 666), new Reply(R1, 107), new Reply(R2, 107));
        assertThat(Vote.decide(changing, 1)).as(t("only R1's first reply counts", "R1의 첫 응답만 센다")).isEmpty();
    }

    @Test
    void shouldExposeFaultyReplicasAndNeverACorrectOne() {
        Set<Address> contradicts = Vote.faulty(List.of(new Reply(R1, 666), new Reply(R2, 5), new Reply(R1, 107)), 1);
        assertThat(contradicts.contains(R1)).as(t("is R1, which replied 666 and then 107, shown faulty?", "666을 답했다가 107을 답한 R1이 장애로 증명되는가?")).isTrue();
        assertThat(contradicts.contains(R2)).as(t("is R2, the only one to say 5, shown faulty before any value is decided?", "아직 아무 값도 결정되지 않았을 때 혼자 5라고 답한 R2가 장애로 증명되는가?")).isFalse();
        Set<Address> decided = Vote.faulty(List.of(new Reply(R1, 666), new Reply(R2, 107), new Reply(R3, 107)), 1);
        assertThat(decided.contains(R1)).as(t("is R1 shown faulty when R1 said 666 and R2, R3 said 107 (f = 1)?", "R1이 666, R2와 R3이 107이라고 답했을 때(f = 1) R1이 장애로 증명되는가?")).isTrue();
        assertThat(decided.contains(R2) || decided.contains(R3)).as(t("is R2 or R3 shown faulty in that vote?", "그 투표에서 R2나 R3이 장애로 증명되는가?")).isFalse();
        assertThat(Vote.faulty(List.of(new Reply(R1, 666), new Reply(R2, 107)), 1).isEmpty())
                .as(t("is nobody shown faulty when R1 said 666 and R2 said 107, undecided (f = 1)?", "R1이 666, R2가 107이라고 답해 결정되지 않았을 때(f = 1) 아무도 장애로 증명되지 않는가?")).isTrue();
        assertThat(Vote.faulty(List.of(new Reply(R1, 666), new Reply(R1, 666)), 1).isEmpty())
                .as(t("is nobody shown faulty when R1's reply arrived twice?", "R1의 응답이 두 번 도착했을 때 아무도 장애로 증명되지 않는가?")).isTrue();
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
                Set<Address> liars = new TreeSet<>();
                for (int i = 0; i < n; i++) {
                    if ((faultyMask >> i & 1) == 1) {
                        liars.add(rs.get(i));
                    }
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
                                    .as(t("f=%d, faulty %s, after the replies %s: decided %s, which is not the correct replicas' value", "f=%d, 장애 복제본 %s, 응답 %s 뒤: %s로 결정했는데, 올바른 복제본들의 값이 아니다"),
                                            f, liars, order.subList(0, k), d).isTrue();
                            Set<Address> blamed = Vote.faulty(order.subList(0, k), f);
                            assertThat(liars.containsAll(blamed))
                                    .as(t("f=%d, faulty %s, after the replies %s: a correct replica is among those shown faulty, %s", "f=%d, 장애 복제본 %s, 응답 %s 뒤: 장애로 증명된 복제본 %4$s 중에 올바른 복제본이 있다"),
                                            f, liars, order.subList(0, k), blamed).isTrue();
                        }
                        assertThat(Vote.faulty(order, f).containsAll(liars))
                                .as(t("f=%d, faulty %s, all replies in %s: is every replica that lied shown faulty?", "f=%d, 장애 복제본 %s, 모든 응답 %s: 거짓말한 복제본이 모두 장애로 증명되는가?"), f, liars, order).isTrue();
                        assertThat(Vote.decide(order, f).equals(OptionalLong.of(right)))
                                .as(t("f=%d, faulty %s, all replies in %s: is the correct replicas' value decided?", "f=%d, 장애 복제본 %s, 모든 응답 %s: 올바른 복제본들의 값으로 결정되는가?"), f, liars, order).isTrue();
                    }
                }
            }
        }
    }
}
