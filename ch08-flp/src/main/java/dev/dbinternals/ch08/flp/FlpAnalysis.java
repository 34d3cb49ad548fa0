package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.explore.Explorer;
import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import dev.dbinternals.ch08.harness.explore.Explorer.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exhaustive analysis of a {@link ConsensusProtocol} in the asynchronous model with at most one
 * crash: which of agreement, validity and termination it gives up, the shortest run that shows
 * it, the valence of every initial configuration, FLP's Lemma 2 chain, and critical steps.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). FLP states that in a fully
 * asynchronous system in which even one process may crash, no deterministic protocol guarantees
 * agreement, validity (in the paper: non-triviality) <em>and</em> termination. The study notes
 * say, in paraphrase, that no protocol reaches consensus within bounded time; the theorem is
 * stronger: some admissible run never decides at all, and that run contains no crash (every
 * process keeps taking steps, every message is eventually delivered). This class makes the
 * ingredients concrete for small protocols in a finite model, where every run ends: which
 * property each gives up, valence, Lemma 2's chain and critical configurations. It cannot show
 * FLP's infinite run itself. Every answer is a breadth-first search, so witness runs are shortest.
 * Not thread-safe: it keeps the valences it has computed (a cache; the answers do not depend on it).
 */
public final class FlpAnalysis {

    private final ConsensusModel model;
    // valences already computed: a search from one configuration gives the exact valence of every
    // configuration it reached, so asking along a run costs one search, not one per step
    private final Map<Configuration, Valence> known = new HashMap<>();

    public FlpAnalysis(ConsensusModel model) {
        this.model = model;
    }

    /** Analyses {@code protocol} with n = 3 processes, at most one crash, one step per message sent. */
    public static FlpAnalysis of(ConsensusProtocol protocol) {
        return new FlpAnalysis(new ConsensusModel(protocol, 3, 1));
    }

    /**
     * Analyses {@code protocol} in the model chosen: {@code n} processes (2 to 5), at most
     * {@code maxCrashes} crashes (0 turns crash steps off), and the step granularity.
     */
    public static FlpAnalysis of(ConsensusProtocol protocol, int n, int maxCrashes, ConsensusModel.Granularity granularity) {
        return new FlpAnalysis(new ConsensusModel(protocol, n, maxCrashes, granularity));
    }

    public ConsensusModel model() {
        return model;
    }

    /** What exploring every run from one initial configuration found. Immutable. */
    public record ConfigReport(String inputs, int states, long transitions, Valence valence,
                               Optional<Violation<Configuration>> agreementViolation,
                               Optional<Violation<Configuration>> validityViolation,
                               Optional<List<String>> nonTerminatingRun,
                               Configuration nonTerminatingEnd) {
    }

    /** The protocol over all initial configurations. Immutable. */
    public record Report(String protocol, List<ConfigReport> configs) {

        public boolean agreement() {
            return configs.stream().allMatch(c -> c.agreementViolation().isEmpty());
        }

        public boolean validity() {
            return configs.stream().allMatch(c -> c.validityViolation().isEmpty());
        }

        public boolean termination() {
            return configs.stream().allMatch(c -> c.nonTerminatingRun().isEmpty());
        }

        public int states() {
            return configs.stream().mapToInt(ConfigReport::states).sum();
        }

        /** Inputs of the bivalent initial configurations, e.g. {@code [001, 010, 101, 110]}. */
        public List<String> bivalentInitialConfigurations() {
            return configs.stream().filter(c -> c.valence() == Valence.BIVALENT).map(ConfigReport::inputs).toList();
        }

        public ConfigReport config(String inputs) {
            return configs.stream().filter(c -> c.inputs().equals(inputs)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no configuration " + inputs));
        }
    }

    /** Explores every run from every initial configuration. */
    public Report analyse() {
        List<ConfigReport> out = new ArrayList<>();
        for (String inputs : model.allInputs()) {
            out.add(analyse(inputs));
        }
        return new Report(model.protocol().name(), out);
    }

    /** Explores every run from one initial configuration. */
    public ConfigReport analyse(String inputs) {
        var result = model.explorer(inputs)
                .invariant("agreement", c -> ConsensusProperties.agreement(c.outcome()).holds())
                .invariant("validity", c -> ConsensusProperties.validity(c.outcome()).holds())
                .explore();
        Optional<Violation<Configuration>> agreement = result.violations().stream()
                .filter(v -> v.invariant().equals("agreement")).findFirst();
        Optional<Violation<Configuration>> validity = result.violations().stream()
                .filter(v -> v.invariant().equals("validity")).findFirst();
        // terminal states are in breadth-first order, so the first stuck one has a shortest path
        Configuration stuck = result.terminalStates().stream()
                .filter(c -> !ConsensusProperties.termination(c.outcome()).holds())
                .findFirst().orElse(null);
        int mask = 0;
        for (Configuration c : result.states()) {
            mask |= Valence.maskOf(c);
        }
        return new ConfigReport(inputs, result.stateCount(), result.transitionCount(), Valence.ofMask(mask),
                agreement, validity,
                stuck == null ? Optional.empty() : Optional.of(result.shortestPathTo(stuck)), stuck);
    }

    /** The valence of {@code start}: decisions reachable from it. */
    public Valence valence(Configuration start) {
        Valence v = known.get(start);
        if (v == null) {
            Map<Configuration, Valence> all = valences(start);
            known.putAll(all);
            v = all.get(start);
        }
        return v;
    }

    /** The valence of every configuration reachable from {@code start}. */
    public Map<Configuration, Valence> valences(Configuration start) {
        var result = Explorer.of(start, model::next).withMaxStates(2_000_000).explore();
        List<Configuration> states = result.states();
        Map<Configuration, Integer> index = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            index.put(states.get(i), i);
        }
        int[] mask = new int[states.size()];
        // the graph is acyclic (every step sends, delivers or crashes something for good), but
        // breadth-first order is not a topological order: propagate to a fixed point instead
        boolean changed = true;
        for (int i = 0; i < states.size(); i++) {
            mask[i] = Valence.maskOf(states.get(i));
        }
        List<int[]> succ = new ArrayList<>(states.size());
        for (Configuration c : states) {
            List<Transition<Configuration>> next = model.next(c);
            int[] s = new int[next.size()];
            for (int j = 0; j < s.length; j++) {
                s[j] = index.get(next.get(j).target());
            }
            succ.add(s);
        }
        while (changed) {
            changed = false;
            for (int i = states.size() - 1; i >= 0; i--) {
                int m = mask[i];
                for (int t : succ.get(i)) {
                    m |= mask[t];
                }
                if (m != mask[i]) {
                    mask[i] = m;
                    changed = true;
                }
            }
        }
        Map<Configuration, Valence> out = new LinkedHashMap<>();
        for (int i = 0; i < states.size(); i++) {
            out.put(states.get(i), Valence.ofMask(mask[i]));
        }
        return out;
    }

    /**
     * Looks for a critical configuration reachable from {@code inputs}: a bivalent configuration
     * in which every step other than a crash leads to a configuration that is no longer bivalent,
     * so a single step fixes the outcome.
     *
     * <p>The proof of FLP's Lemma 3 explains why a protocol that tolerates one crash has no such
     * configuration. Two steps of <em>different</em> processes that lead to a 0-valent and a
     * 1-valent configuration commute: taking both, in either order, reaches one configuration,
     * which cannot be both. Two steps of the <em>same</em> process p cannot either: the others
     * must be able to decide in some run from here in which p takes no step, and either of p's
     * steps can still be taken after that run, so its one decision would have to be 0 after one
     * and 1 after the other. The small protocols here have critical configurations because they
     * do not tolerate a crash; {@link CriticalStep#decidingProcesses()} says whose steps decide.
     *
     * <p>Valence is defined only for protocols that keep agreement: a configuration in which two
     * processes decided differently has both values "reachable". So when some run from
     * {@code inputs} breaks agreement the result says so instead of returning a step.
     */
    public CriticalSearch criticalStep(String inputs) {
        String name = model.protocol().name();
        ConfigReport report = analyse(inputs);
        if (report.agreementViolation().isPresent()) {
            var v = report.agreementViolation().get();
            return new CriticalSearch(name, inputs, CriticalSearch.Kind.AGREEMENT_VIOLATED, Optional.empty(),
                    t(name + " breaks agreement from inputs " + inputs + " (" + ConsensusProperties.agreement(v.state().outcome()).detail()
                            + " after " + v.path().size() + " steps), so some configurations hold both decisions: valence, "
                            + "and with it a critical step, is not defined for this protocol",
                            name + "은(는) 입력 " + inputs + "에서 일치성을 깬다(" + v.path().size() + "단계 뒤 "
                            + ConsensusProperties.agreement(v.state().outcome()).detail()
                            + "). 그래서 어떤 구성에는 두 결정이 모두 들어 있다: 이 프로토콜에는 valence도, "
                            + "그에 기댄 임계 단계도 정의되지 않는다"));
        }
        if (report.valence() != Valence.BIVALENT) {
            return new CriticalSearch(name, inputs, CriticalSearch.Kind.NOT_BIVALENT, Optional.empty(),
                    t(name + " from inputs " + inputs + " is " + report.valence() + ", not bivalent: no step is left to fix the outcome",
                            "입력 " + inputs + "의 " + name + "은(는) 양가가 아니라 " + report.valence() + "이다: 결과를 정할 단계가 남아 있지 않다"));
        }
        Configuration start = model.initial(inputs);
        Map<Configuration, Valence> valences = valences(start);
        var result = Explorer.of(start, model::next).withMaxStates(2_000_000).explore();
        for (Configuration c : result.states()) {
            if (valences.get(c) != Valence.BIVALENT) {
                continue;
            }
            Map<String, Valence> steps = new LinkedHashMap<>();
            boolean allUnivalent = true;
            for (Transition<Configuration> t : model.next(c)) {
                Valence v = valences.get(t.target());
                steps.put(t.label(), v);
                if (!t.label().startsWith("crash") && v == Valence.BIVALENT) {
                    allUnivalent = false;
                }
            }
            if (allUnivalent) {
                CriticalStep step = new CriticalStep(inputs, result.shortestPathTo(c), c, steps);
                return new CriticalSearch(name, inputs, CriticalSearch.Kind.FOUND, Optional.of(step),
                        name + " from inputs " + inputs + ": critical configuration after " + step.path().size() + " steps");
            }
        }
        // with agreement kept and a finite, acyclic graph, following bivalent successors must end
        // in a critical configuration; reaching this line means the model is broken
        throw new IllegalStateException(name + " from " + inputs + ": bivalent, agreement kept, yet no critical configuration");
    }

    /** What {@link #criticalStep} found from one initial configuration, with a sentence saying why. Immutable. */
    public record CriticalSearch(String protocol, String inputs, Kind kind, Optional<CriticalStep> step, String explanation) {

        /** The three possible answers. */
        public enum Kind {
            /** A critical configuration was found. */
            FOUND,
            /** The initial configuration is univalent (or decides nothing): nothing is left to fix. */
            NOT_BIVALENT,
            /** Some run breaks agreement, so valence is undefined and the question has no answer. */
            AGREEMENT_VIOLATED
        }

        /** The critical step; if there is none, an {@link IllegalStateException} carrying the explanation. */
        public CriticalStep orElseThrow() {
            return step.orElseThrow(() -> new IllegalStateException(explanation));
        }

        @Override
        public String toString() {
            return explanation;
        }
    }

    /** A configuration in which one step decides the outcome, with the valence after each possible step. */
    public record CriticalStep(String inputs, List<String> path, Configuration configuration, Map<String, Valence> steps) {

        /**
         * The processes that take the steps leading to a 0-valent or a 1-valent configuration (a
         * send is taken by its sender, a delivery by its receiver), e.g. {@code [0]}.
         */
        public java.util.SortedSet<Integer> decidingProcesses() {
            java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
            steps.forEach((label, v) -> {
                if (v == Valence.ZERO || v == Valence.ONE) {
                    out.add(processOf(label));
                }
            });
            return out;
        }

        /** The process that takes the step {@code label} ("send p1→p0 ...", "deliver p1→p0 ...", "crash p2"). */
        static int processOf(String label) {
            var m = java.util.regex.Pattern.compile("^(send|deliver|crash) p(\\d+)(?:→p(\\d+))?").matcher(label);
            if (!m.find()) {
                throw new IllegalArgumentException("not a step label: " + label);
            }
            return Integer.parseInt(m.group(1).equals("deliver") ? m.group(3) : m.group(2));
        }
    }

    /**
     * FLP's Lemma 2 made executable: walk initial configurations from all zeros to all ones,
     * flipping one process's input at a time, and find the first adjacent pair whose valences
     * differ. They differ only in process {@code p}'s input; if {@code p} crashes before sending
     * anything, the other processes cannot tell the two apart, so the decisions reachable from the
     * two must be the same. For a protocol that terminated despite a crash, that contradicts one
     * being 0-valent and the other 1-valent: some initial configuration must be bivalent.
     */
    public Lemma2 lemma2() {
        int n = model.n();
        List<String> chain = new ArrayList<>();
        List<Valence> valences = new ArrayList<>();
        char[] bits = "0".repeat(n).toCharArray();
        chain.add(new String(bits));
        for (int p = 0; p < n; p++) {
            bits[p] = '1';
            chain.add(new String(bits));
        }
        for (String inputs : chain) {
            valences.add(valence(model.initial(inputs)));
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (valences.get(i) != valences.get(i + 1)) {
                int p = i;
                Valence left = valence(crashedAtStart(chain.get(i), p));
                Valence right = valence(crashedAtStart(chain.get(i + 1), p));
                return new Lemma2(chain, valences, i, p, left, right);
            }
        }
        return new Lemma2(chain, valences, -1, -1, null, null);
    }

    /** The walk of Lemma 2: the chain, valences, where they change and the valences once the flipped process crashes at the start. */
    public record Lemma2(List<String> chain, List<Valence> valences, int pairIndex, int flippedProcess,
                         Valence leftWithCrash, Valence rightWithCrash) {
    }

    /** The initial configuration of {@code inputs} in which process {@code p} crashed before its first send. */
    private Configuration crashedAtStart(String inputs, int p) {
        Configuration c = model.initial(inputs);
        List<ProcessState> procs = new ArrayList<>(c.processes());
        ProcessState ps = procs.get(p);
        procs.set(p, new ProcessState(ps.input(), ps.received(), ps.outbox(), ps.decision(), true));
        return new Configuration(procs, c.inFlight(), 1);
    }
}
