package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.fail;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * flp-4, graded by the explorer on random complete runs (crash-free model, n = 3, and n = 5 for
 * {@code RelayRace}) of five protocols, three of which the reader has not seen. The answer is checked, not compared: the
 * configuration before the named step must be bivalent and the one after it must not.
 *
 * <p>Wrong solutions this must reject (kept in {@code src/wrong/flp-4--*}):
 * <ul>
 *   <li>{@code flp-4--first-decision}: the step at which some process decides (the outcome is
 *       often fixed earlier: {@code LastProposalWins} fixes it one delivery before p0 decides);</li>
 *   <li>{@code flp-4--off-by-one}: the number of the first univalent configuration counted from 1
 *       (one too high);</li>
 *   <li>{@code flp-4--last-delivery-before-decision}: the last delivery before the first decision
 *       (in {@code RelayRace} other deliveries fall between the fixing step and p0's decision);</li>
 *   <li>{@code flp-4--delegate}: {@link FlpAnalysis#criticalStep}'s configuration looked up in the
 *       run (most runs never pass through that one configuration).</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("flp-4: find the step that fixed the outcome")
class OutcomeFixedExerciseTest {

    /** A protocol and its number of processes. */
    private record Graded(ConsensusProtocol protocol, int n) {
    }

    // RelayRace: unrelated deliveries (the second copy of an input, the other relay's) fall between
    // the step that fixes the outcome and p0's decision
    private static final List<Graded> PROTOCOLS = List.of(new Graded(new FirstProposalWins(), 3), new Graded(new WaitForAll(), 3),
            new Graded(new HiddenProtocols.LastProposalWins(), 3), new Graded(new HiddenProtocols.RelayFirst(), 3),
            new Graded(new HiddenProtocols.RelayRace(), 5));

    @Test
    void shouldNameTheStepAfterWhichOnlyOneDecisionIsReachable() {
        // one analysis per protocol for all seeds: its valences are computed once
        List<FlpAnalysis> analyses = PROTOCOLS.stream()
                .map(g -> FlpAnalysis.of(g.protocol(), g.n(), 0, ConsensusModel.Granularity.EACH_SEND)).toList();
        Seeds.check("flp-4: the step that fixed the outcome", 100, seed -> {
            Random random = new Random(seed);
            for (FlpAnalysis analysis : analyses) {
                for (String inputs : analysis.model().allInputs()) {
                    List<String> run = new ArrayList<>();
                    randomRun(analysis.model(), inputs, random, run);
                    check(analysis, inputs, run);
                }
            }
        });
    }

    @Test
    void shouldFindTheStepAlsoWhenItIsNotTheDecision() {
        // LastProposalWins from 010: p0 decides at its second delivery (step 4)
        FlpAnalysis analysis = FlpAnalysis.of(new HiddenProtocols.LastProposalWins(), 3, 0, ConsensusModel.Granularity.EACH_SEND);
        check(analysis, "010", List.of("send p1→p0 propose(1)", "send p2→p0 propose(0)", "deliver p1→p0 propose(1)",
                "deliver p2→p0 propose(0)", "send p0→p1 decide(0)", "send p0→p2 decide(0)", "deliver p0→p1 decide(0)",
                "deliver p0→p2 decide(0)"));
    }

    /** Checks the reader's answer for {@code run} against the explorer's valences, without saying which step it is. */
    private static void check(FlpAnalysis analysis, String inputs, List<String> run) {
        List<Configuration> configs = replay(analysis.model(), inputs, run);
        int answer = OutcomeFixed.step(analysis, inputs, run);
        String where = t(" in this run of " + analysis.model().protocol().name() + ":", " (" + analysis.model().protocol().name() + "의 이 실행에서):")
                + Runs.describe(inputs, run, configs.get(configs.size() - 1));
        if (answer < 0 || answer > run.size()) {
            fail(t("step " + answer + " is not a step of the run (0 to " + run.size() + ")",
                    "단계 " + answer + "는 이 실행의 단계가 아니에요(0부터 " + run.size() + "까지)") + where);
        }
        if (analysis.valence(configs.get(answer)) == Valence.BIVALENT) {
            fail((answer == 0 ? t("0 says the initial configuration had only one reachable decision, but it is bivalent",
                            "0은 초기 구성에서 도달 가능한 결정이 하나뿐이었다는 뜻인데, 초기 구성은 양가예요")
                    : t("after step " + answer + " (" + run.get(answer - 1) + ") both decisions are still reachable",
                            "단계 " + answer + " (" + run.get(answer - 1) + ") 뒤에도 두 결정 모두에 아직 도달할 수 있어요")) + where);
        }
        if (answer > 0 && analysis.valence(configs.get(answer - 1)) != Valence.BIVALENT) {
            fail(t("before step " + answer + " (" + run.get(answer - 1) + ") only one decision was reachable already:"
                    + " the outcome was fixed earlier", "단계 " + answer + " (" + run.get(answer - 1) + ") 전에 이미 결정 하나에만"
                    + " 도달할 수 있었어요: 결과는 더 일찍 정해졌어요") + where);
        }
    }

    private static List<Configuration> replay(ConsensusModel model, String inputs, List<String> run) {
        List<Configuration> configs = new ArrayList<>(List.of(model.initial(inputs)));
        for (String label : run) {
            Configuration from = configs.get(configs.size() - 1);
            configs.add(model.next(from).stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow().target());
        }
        return configs;
    }

    /** A complete crash-free run chosen at random: the labels go to {@code labels}, the configurations are returned. */
    private static List<Configuration> randomRun(ConsensusModel model, String inputs, Random random, List<String> labels) {
        List<Configuration> configs = new ArrayList<>(List.of(model.initial(inputs)));
        while (true) {
            var next = model.next(configs.get(configs.size() - 1));
            if (next.isEmpty()) {
                return configs;
            }
            var t = next.get(random.nextInt(next.size()));
            labels.add(t.label());
            configs.add(t.target());
        }
    }
}
