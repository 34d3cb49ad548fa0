package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dbinternals.ch08.harness.explore.Explorer.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * tg-3, graded by replaying the reader's moves on the model and comparing only their
 * <em>length</em> with the explorer's shortest run; a failure describes the reader's own run and
 * never prints the explorer's. The wrong solutions kept as fixtures (src/wrong/tg-3--*) and the
 * test that catches each:
 * <ul>
 *   <li>{@code delegate}: copies the checker's shortest counterexample whatever general is asked
 *       for — {@link #shouldSayNoRunWhenTheGeneralCannotBeLeftAlone()};</li>
 *   <li>{@code always-a-alone}: believes A (who has the plan) is always the one left alone —
 *       {@link #shouldSayNoRunWhenTheGeneralCannotBeLeftAlone()}, {@link #shouldEndWithTheGeneralAttackingAloneWhenReplayed()};</li>
 *   <li>{@code capture-the-first}: captures the order instead of the last messenger —
 *       {@link #shouldEndWithTheGeneralAttackingAloneWhenReplayed()};</li>
 *   <li>{@code ask-the-explorer}: runs the harness explorer with "this general is alone" and reads
 *       the moves back from its path — {@link #shouldFindTheRunWithoutTheExplorer()}.</li>
 * </ul>
 * The explorer finds every shortest counterexample, so any answer can be checked against it, and
 * a reader could hand the search to it. The last test looks for the explorer's package among the
 * names compiled into the reader's class: that catches a direct call (as in the fixture), not one
 * hidden behind reflection; the exercise text says the point is to reason the run out.
 */
@Tag("exercise")
@DisplayName("tg-3: find the counterexample path")
class ShortestCounterexampleExerciseTest {

    private static final int MAX_K = 5;

    @Test
    void shouldEndWithTheGeneralAttackingAloneWhenReplayed() {
        for (int k = 0; k <= MAX_K; k++) {
            for (General g : General.values()) {
                List<Move> yours = ShortestCounterexample.forAckRounds(k, g);
                if (yours.isEmpty()) {
                    continue; // judged by the next test
                }
                GeneralsState end = replay(k, g, yours);
                if (!end.decided() || end.decision(g) != Decision.ATTACK || end.decision(g.other()) != Decision.RETREAT) {
                    fail(t("AckRounds(" + k + "), asked for a run where " + g + " attacks alone: your run ends with "
                            + end.outcome() + ".", "AckRounds(" + k + "), " + g + "만 공격하는 실행을 물었는데 반환한 실행은 '"
                            + Words.outcome(end.outcome()) + "'(으)로 끝나요.") + ExploredRun.describe(Plan.ATTACK, labels(yours), end));
                }
            }
        }
    }

    @Test
    void shouldSayNoRunWhenTheGeneralCannotBeLeftAlone() {
        for (int k = 0; k <= MAX_K; k++) {
            for (General g : General.values()) {
                boolean exists = shortest(k, g).isPresent();
                List<Move> yours = ShortestCounterexample.forAckRounds(k, g);
                if (!exists && !yours.isEmpty()) {
                    fail(t("AckRounds(" + k + "): you returned a run for " + g + " attacking alone, but the explorer"
                            + " visited every run and none ends that way. Your run:",
                            "AckRounds(" + k + "): " + g + "만 공격하는 실행을 반환했지만, Explorer가 모든 실행을 방문해 보니"
                            + " 그렇게 끝나는 실행은 없어요. 반환한 실행:")
                            + ExploredRun.describe(Plan.ATTACK, labels(yours), replay(k, g, yours)));
                }
                if (exists && yours.isEmpty()) {
                    fail(t("AckRounds(" + k + "): you returned no run for " + g + " attacking alone, but such a run exists.",
                            "AckRounds(" + k + "): " + g + "만 공격하는 실행이 없다고 반환했지만, 그런 실행이 있어요."));
                }
            }
        }
    }

    @Test
    void shouldBeAsShortAsTheShortestRun() {
        for (int k = 0; k <= MAX_K; k++) {
            for (General g : General.values()) {
                var best = shortest(k, g);
                List<Move> yours = ShortestCounterexample.forAckRounds(k, g);
                if (best.isPresent() && !yours.isEmpty() && yours.size() > best.get().path().size()) {
                    fail(t("AckRounds(" + k + "), " + g + " alone: your run has " + yours.size()
                            + " moves; a run with fewer moves also ends that way. Which of your moves are not needed?",
                            "AckRounds(" + k + "), " + g + "만 공격: 반환한 실행은 이동이 " + yours.size()
                            + "개인데, 더 적은 이동으로도 그렇게 끝나는 실행이 있어요. 어느 이동이 필요 없을까요?"));
                }
            }
        }
    }

    @Test
    void shouldFindTheRunWithoutTheExplorer() throws IOException {
        assertThat(ShortestCounterexample.forAckRounds(1, General.B)).as(t("AckRounds(1), B alone: your run", "AckRounds(1), B만 공격: 반환한 실행")).isNotNull();
        String explorer = "dev/dbinternals/ch08/harness/explore/";
        for (String file : classFiles()) {
            assertThat(namesIn(file)).as(t("tg-3 asks you to reason out which messenger must be captured, not to ask the"
                    + " harness explorer to search every run; %s uses the explorer (%s)",
                    "tg-3은 어느 전령을 붙잡아야 하는지 추론해 보라는 문제이지, 하네스의 Explorer에게 모든 실행을"
                    + " 찾게 하라는 문제가 아니에요. %s 가 Explorer를 써요 (%s)"), file, "dev.dbinternals.ch08.harness.explore")
                    .doesNotContain(explorer);
        }
    }

    /** The class files of ShortestCounterexample: itself and its nested or anonymous classes. */
    private static List<String> classFiles() {
        List<String> files = new java.util.ArrayList<>(List.of("ShortestCounterexample.class"));
        for (Class<?> nested : ShortestCounterexample.class.getDeclaredClasses()) {
            files.add(nested.getName().substring(nested.getName().lastIndexOf('.') + 1) + ".class");
        }
        for (int i = 1; ShortestCounterexample.class.getResource("ShortestCounterexample$" + i + ".class") != null; i++) {
            files.add("ShortestCounterexample$" + i + ".class");
        }
        return files;
    }

    /** The class file's bytes as text: the constant pool holds every class and method name it refers to. */
    private static String namesIn(String file) throws IOException {
        try (InputStream in = ShortestCounterexample.class.getResourceAsStream(file)) {
            assertThat(in).as("class file %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The explorer's shortest run in which {@code g} attacks alone, if any; used for existence and length only. */
    private static Optional<Violation<GeneralsState>> shortest(int k, General g) {
        var result = new TwoGeneralsModel(new AckRounds(k)).explorer(Plan.ATTACK)
                .invariant("not alone", s -> !(s.decided() && s.decision(g) == Decision.ATTACK
                        && s.decision(g.other()) == Decision.RETREAT))
                .explore();
        return result.violations().stream().findFirst();
    }

    private static GeneralsState replay(int k, General g, List<Move> moves) {
        try {
            List<GeneralsState> states = new TwoGeneralsModel(new AckRounds(k)).replay(Plan.ATTACK, labels(moves));
            return states.get(states.size() - 1);
        } catch (RuntimeException e) {
            throw new AssertionError(t("AckRounds(" + k + "), " + g + " alone: your moves " + labels(moves)
                    + " are not a run of the model (" + e.getMessage() + "): each move must be a messenger that is"
                    + " on the way at that point, with its real sender.",
                    "AckRounds(" + k + "), " + g + "만 공격: 반환한 이동 " + labels(moves)
                    + " 은(는) 모델의 실행이 아니에요 (" + e.getMessage() + "). 이동마다 그 시점에 가는 중인 전령이어야 하고,"
                    + " 보낸 쪽도 실제로 보낸 장군이어야 해요."), e);
        }
    }

    private static List<String> labels(List<Move> moves) {
        return moves.stream().map(Move::label).toList();
    }
}
