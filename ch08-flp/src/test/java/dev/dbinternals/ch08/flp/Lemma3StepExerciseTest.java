package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * flp-5, graded by the explorer (crash-free model): for bivalent configurations on random runs of
 * three protocols (two not in the module) and a step e applicable in each, the reader's schedule
 * is replayed and its end's valence checked; an empty answer is checked against an exhaustive
 * search. The cases include all three kinds: e at once works, e must wait behind other steps, and
 * no schedule exists (the protocols do not tolerate a crash).
 *
 * <p>Wrong solutions this must reject (kept in {@code src/wrong/flp-5--*}):
 * <ul>
 *   <li>{@code flp-5--at-once}: tries e immediately only (Lemma 3's adversary may put steps before e);</li>
 *   <li>{@code flp-5--valence-before-e}: checks that the configuration before e is bivalent, not the one after it;</li>
 *   <li>{@code flp-5--one-step}: looks at most one step ahead before e.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("flp-5: Lemma 3, the adversary's step")
class Lemma3StepExerciseTest {

    /** A protocol, bivalent inputs for it, and the crash-free analysis. */
    record Case(ConsensusProtocol protocol, int n, String inputs) {
        FlpAnalysis analysis() {
            return FlpAnalysis.of(protocol, n, 0, ConsensusModel.Granularity.EACH_SEND);
        }

        /** The valence of every configuration reachable from the inputs, computed once per case. */
        Map<Configuration, Valence> valences() {
            return VALENCES.computeIfAbsent(protocol.name(), x -> analysis().valences(analysis().model().initial(inputs)));
        }
    }

    private static final Map<String, Map<Configuration, Valence>> VALENCES = new java.util.concurrent.ConcurrentHashMap<>();

    static final List<Case> CASES = List.of(
            new Case(new FirstProposalWins(), 3, "001"),
            new Case(new HiddenProtocols.LastProposalWins(), 3, "010"),
            new Case(new HiddenProtocols.RelayRace(), 5, "01000"));

    @Test
    void shouldFindTheScheduleWhenThereIsOneAndNoneOtherwise() {
        Seeds.check("flp-5: Lemma 3's schedule", 40, seed -> {
            Random random = new Random(seed);
            for (Case k : CASES) {
                FlpAnalysis analysis = k.analysis();
                Map<Configuration, Valence> valences = k.valences();
                List<String> run = new ArrayList<>();
                Configuration c = analysis.model().initial(k.inputs());
                while (valences.get(c) == Valence.BIVALENT) {
                    var steps = analysis.model().next(c);
                    String e = steps.get(random.nextInt(steps.size())).label();
                    grade(analysis, valences, k.inputs(), run, c, e);
                    var t = steps.get(random.nextInt(steps.size()));
                    run.add(t.label());
                    c = t.target();
                }
            }
        });
    }

    @Test
    void shouldPutOtherStepsBeforeEWhenEAtOnceWouldFixTheOutcome() {
        // RelayRace: p4 has already forwarded p1's 1 to p0; e delivers p1's 1 to p3 as well
        Case k = CASES.get(2);
        FlpAnalysis analysis = k.analysis();
        Map<Configuration, Valence> valences = k.valences();
        List<String> run = List.of("send p1→p3 input(1)", "send p1→p4 input(1)", "deliver p1→p4 input(1)");
        Configuration c = replay(analysis.model(), analysis.model().initial(k.inputs()), run);
        grade(analysis, valences, k.inputs(), run, c, "deliver p1→p3 input(1)");
    }

    private static void grade(FlpAnalysis analysis, Map<Configuration, Valence> valences, String inputs, List<String> run,
                              Configuration c, String e) {
        String where = " for e = '" + e + "' in the configuration of " + analysis.model().protocol().name()
                + " reached by this run:" + Runs.describe(inputs, run, c);
        Optional<List<String>> answer = Lemma3Step.find(analysis, c, e);
        if (answer == null) {
            fail("the answer was null; return Optional.empty() when there is no schedule" + where);
        }
        if (answer.isEmpty()) {
            if (exists(analysis.model(), valences, c, e)) {
                fail("you returned no schedule, but one exists: some steps other than e, then e, leave both decisions reachable" + where);
            }
            return;
        }
        List<String> schedule = answer.get();
        if (schedule.isEmpty() || !schedule.get(schedule.size() - 1).equals(e)) {
            fail("the schedule " + schedule + " does not end with e" + where);
        }
        if (schedule.subList(0, schedule.size() - 1).contains(e)) {
            fail("the schedule " + schedule + " takes e before its last step; Lemma 3 applies e once, last" + where);
        }
        Configuration d = c;
        for (String label : schedule) {
            Configuration from = d;
            var step = analysis.model().next(from).stream().filter(t -> t.label().equals(label)).findFirst();
            if (step.isEmpty()) {
                fail("the step '" + label + "' of your schedule " + schedule + " cannot be taken there" + where);
            }
            d = step.get().target();
        }
        if (valences.get(d) != Valence.BIVALENT) {
            fail("after your schedule " + schedule + " the configuration is " + valences.get(d) + ", not bivalent" + where);
        }
    }

    /** Whether some configuration reachable from c without e becomes bivalent when e is applied (exhaustive). */
    static boolean exists(ConsensusModel model, Map<Configuration, Valence> valences, Configuration c, String e) {
        Set<Configuration> seen = new HashSet<>(List.of(c));
        ArrayDeque<Configuration> queue = new ArrayDeque<>(List.of(c));
        while (!queue.isEmpty()) {
            for (var t : model.next(queue.poll())) {
                if (t.label().equals(e)) {
                    if (valences.get(t.target()) == Valence.BIVALENT) {
                        return true;
                    }
                } else if (seen.add(t.target())) {
                    queue.add(t.target());
                }
            }
        }
        return false;
    }

    private static Configuration replay(ConsensusModel model, Configuration start, List<String> run) {
        Configuration c = start;
        for (String label : run) {
            Configuration from = c;
            c = model.next(from).stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow().target();
        }
        return c;
    }
}
