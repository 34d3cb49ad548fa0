package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Local;
import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Msg;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FLP's adversary, run: from a bivalent initial configuration (Lemma 2), take the oldest message
 * still in the buffer, e, and look for a finite schedule without e after which delivering e leaves
 * the configuration bivalent (Lemma 3); repeat. For {@link BenOrWithoutCoin} the stages come back
 * to the same configuration up to renumbering the rounds, so the infinite run is a <em>lasso</em>:
 * a prefix and a cycle that repeats forever, in which nobody crashes, every process takes steps,
 * every message is delivered, and nobody decides.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). The model is the paper's own: a
 * configuration is every process's state plus the message buffer (a multiset); a step is one
 * process receiving one message, changing state and sending any messages, all at once. There are
 * no crash steps: the run FLP builds has none. (The paper also has steps that receive nothing; the
 * protocols here ignore them, so every step below receives a message.)
 *
 * <p>What the lasso shows, exactly: for this protocol, with these inputs, in this model, an
 * admissible run that never decides exists, and it was found by the proof's own method. It is a
 * witness for one protocol, not a proof for all protocols (that is FLP's theorem). Valence is
 * certified, not assumed: a configuration counts as bivalent only when the search found a run from
 * it that decides 0 and one that decides 1. Those searches, and the search for Lemma 3's schedule,
 * stop after a budget of configurations, so "not found" can mean "not within the budget"; the
 * results say which. Where Lemma 3's search fails outright, the protocol gives up a property FLP's
 * proof assumes, and {@link Stop} says which.
 *
 * <p>Immutable apart from a cache of certified valences; not thread-safe.
 */
public final class FlpAdversary {

    /** Every process's state and the messages in flight (sorted, so equal contents are equal configurations). */
    public record Config(List<Local> processes, List<Msg> buffer) {

        public Config {
            processes = List.copyOf(processes);
            List<Msg> sorted = new ArrayList<>(buffer);
            sorted.sort(null);
            buffer = List.copyOf(sorted);
        }

        /** Decisions held, as a mask: bit v set when some process decided v. */
        public int decisions() {
            int mask = 0;
            for (Local p : processes) {
                if (p.decided()) {
                    mask |= 1 << p.decision();
                }
            }
            return mask;
        }

        /** The lowest round any process is in. */
        public int minRound() {
            return processes.stream().mapToInt(Local::round).min().orElseThrow();
        }

        /** The same configuration with every round number, in states and messages, moved by {@code delta}. */
        public Config shifted(int delta) {
            return new Config(processes.stream().map(p -> p.shifted(delta)).toList(),
                    buffer.stream().map(m -> m.shifted(delta)).toList());
        }

        /** Renumbered so that the lowest round is 1: configurations equal up to renumbering become equal. */
        public Config normalised() {
            return shifted(1 - minRound());
        }
    }

    /** A certified valence: what the search found, and whether it explored everything reachable. */
    public record Certificate(Valence valence, boolean complete, Optional<List<Msg>> disagreement) {
    }

    private final BenOrWithoutCoin protocol;
    private final int budget;
    private final Map<Config, Certificate> cache = new HashMap<>();

    /** @param budget configurations the search for Lemma 3's schedule (and a search with a process silent) may visit */
    public FlpAdversary(BenOrWithoutCoin protocol, int budget) {
        this.protocol = protocol;
        this.budget = budget;
    }

    public BenOrWithoutCoin protocol() {
        return protocol;
    }

    /** The initial configuration for {@code inputs} (bits, p0 first): every process has reported its input. */
    public Config initial(String inputs) {
        if (inputs.length() != protocol.n() || !inputs.matches("[01]+")) {
            throw new IllegalArgumentException("inputs must be " + protocol.n() + " bits like 011, got '" + inputs + "'");
        }
        List<Local> ps = new ArrayList<>();
        List<Msg> buffer = new ArrayList<>();
        for (int p = 0; p < protocol.n(); p++) {
            var s = protocol.start(p, inputs.charAt(p) - '0');
            ps.add(s.next());
            buffer.addAll(s.send());
        }
        return new Config(ps, buffer);
    }

    /** The one step in which {@code m}'s receiver receives it. */
    public Config deliver(Config c, Msg m) {
        List<Msg> buffer = new ArrayList<>(c.buffer());
        if (!buffer.remove(m)) {
            throw new IllegalArgumentException(m + " is not in flight in " + c);
        }
        var s = protocol.receive(m.to(), c.processes().get(m.to()), m);
        List<Local> ps = new ArrayList<>(c.processes());
        ps.set(m.to(), s.next());
        buffer.addAll(s.send());
        return new Config(ps, buffer);
    }

    /** The messages that can be delivered next, excluding those to the processes in {@code silent}. */
    private static List<Msg> deliverable(Config c, Set<Integer> silent) {
        List<Msg> out = new ArrayList<>();
        for (Msg m : c.buffer()) {
            if (!silent.contains(m.to()) && (out.isEmpty() || !out.get(out.size() - 1).equals(m))) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The certified valence of {@code c}: the decisions seen in up to {@link #WALKS} random runs
     * from it (a seeded generator, so the answer is a function of the configuration). Each value
     * counted was decided in a run that the search actually took, so {@link Valence#BIVALENT} is
     * proved; a univalent answer only means the other value was not met.
     */
    public Certificate valence(Config c) {
        Config key = c.normalised();
        Certificate known = cache.get(key);
        if (known == null) {
            known = walks(key);
            cache.put(key, known);
        }
        return known;
    }

    /** Random runs per valence question, and steps per run. */
    static final int WALKS = 200;
    static final int WALK_STEPS = 200;

    private Certificate walks(Config start) {
        java.util.Random random = new java.util.Random(0x5EED);
        int mask = 0;
        for (int w = 0; w < WALKS && mask != 3; w++) {
            Config c = start;
            List<Msg> path = new ArrayList<>();
            for (int step = 0; step < WALK_STEPS && !allDecided(c); step++) {
                List<Msg> next = deliverable(c, Set.of());
                if (next.isEmpty()) {
                    break;
                }
                Msg m = next.get(random.nextInt(next.size()));
                c = deliver(c, m);
                path.add(m);
                if (c.decisions() == 3) {
                    return new Certificate(Valence.BIVALENT, false, Optional.of(path));
                }
            }
            mask |= c.decisions();
        }
        return new Certificate(Valence.ofMask(mask), false, Optional.empty());
    }

    private static boolean allDecided(Config c) {
        return c.processes().stream().allMatch(Local::decided);
    }

    /**
     * The decisions reachable from {@code c} in runs in which the processes in {@code silent}
     * take no step (as if they had crashed at {@code c}; messages they sent before still arrive).
     */
    public Certificate valenceWithout(Config c, Set<Integer> silent) {
        return search(c.normalised(), silent);
    }

    private Certificate search(Config start, Set<Integer> silent) {
        Map<Config, Config> parent = new HashMap<>();
        Map<Config, Msg> via = new HashMap<>();
        ArrayDeque<Config> queue = new ArrayDeque<>();
        parent.put(start, null);
        queue.add(start);
        int mask = 0;
        while (!queue.isEmpty()) {
            Config c = queue.poll();
            int d = c.decisions();
            if (d == 3) {
                List<Msg> path = new ArrayList<>();
                for (Config x = c; parent.get(x) != null; x = parent.get(x)) {
                    path.add(0, via.get(x));
                }
                return new Certificate(Valence.BIVALENT, false, Optional.of(path));
            }
            mask |= d;
            if (mask == 3) {
                return new Certificate(Valence.BIVALENT, false, Optional.empty());
            }
            if (d != 0) {
                continue; // a decision is final: runs beyond it decide the same value (or break agreement, found elsewhere)
            }
            for (Msg m : deliverable(c, silent)) {
                Config next = deliver(c, m).normalised();
                if (!parent.containsKey(next)) {
                    if (parent.size() >= budget) {
                        return new Certificate(Valence.ofMask(mask), false, Optional.empty());
                    }
                    parent.put(next, c);
                    via.put(next, m);
                    queue.add(next);
                }
            }
        }
        return new Certificate(Valence.ofMask(mask), true, Optional.empty());
    }

    /**
     * Lemma 3's step: a schedule that does not deliver {@code e}, followed by {@code e}, after which
     * the configuration is (certified) bivalent; breadth-first, so the schedule before {@code e} is
     * a shortest one. Empty if none was found within the budget.
     */
    public Optional<List<Msg>> lemma3(Config c, Msg e) {
        Map<Config, Config> parent = new LinkedHashMap<>();
        Map<Config, Msg> via = new HashMap<>();
        ArrayDeque<Config> queue = new ArrayDeque<>();
        parent.put(c, null);
        queue.add(c);
        while (!queue.isEmpty()) {
            Config d = queue.poll();
            if (d.decisions() != 0) {
                continue;
            }
            if (valence(deliver(d, e)).valence() == Valence.BIVALENT) {
                List<Msg> path = new ArrayList<>();
                for (Config x = d; parent.get(x) != null; x = parent.get(x)) {
                    path.add(0, via.get(x));
                }
                path.add(e);
                return Optional.of(path);
            }
            for (Msg m : deliverable(d, Set.of())) {
                if (m.equals(e)) {
                    continue;
                }
                Config next = deliver(d, m);
                if (!parent.containsKey(next) && parent.size() < budget) {
                    parent.put(next, d);
                    via.put(next, m);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    /** Lemma 2: the first bivalent configuration on the chain 00..0 → 10..0 → ... → 11..1, with the chain's valences. */
    public Lemma2 lemma2() {
        int n = protocol.n();
        List<String> chain = new ArrayList<>();
        List<Valence> valences = new ArrayList<>();
        char[] bits = "0".repeat(n).toCharArray();
        chain.add(new String(bits));
        for (int p = 0; p < n; p++) {
            bits[p] = '1';
            chain.add(new String(bits));
        }
        String bivalent = null;
        for (String in : chain) {
            Valence v = valence(initial(in)).valence();
            valences.add(v);
            if (bivalent == null && v == Valence.BIVALENT) {
                bivalent = in;
            }
        }
        return new Lemma2(chain, valences, Optional.ofNullable(bivalent));
    }

    /** The chain of Lemma 2, its certified valences, and the first bivalent initial configuration, if any. */
    public record Lemma2(List<String> chain, List<Valence> valences, Optional<String> bivalent) {
    }

    /** One stage of the construction: the event e that was due, and the schedule that ends with it. */
    public record Stage(Msg due, List<Msg> schedule) {
    }

    /** Why the construction stopped without a lasso, with the property the protocol gives up. */
    public record Stop(String reason, Optional<Config> at, Optional<Msg> due, List<Msg> run) {
    }

    /**
     * The run FLP's proof builds: a prefix of stages and a cycle of stages that repeats forever
     * (each repetition with every round number {@code roundShift} higher).
     */
    public record Lasso(String inputs, Config start, List<Stage> prefix, List<Stage> cycle, int roundShift) {

        /** The prefix's steps, in order. */
        public List<Msg> prefixSteps() {
            return prefix.stream().flatMap(s -> s.schedule().stream()).toList();
        }

        /** The cycle's steps, in order (their rounds as in the first time round). */
        public List<Msg> cycleSteps() {
            return cycle.stream().flatMap(s -> s.schedule().stream()).toList();
        }
    }

    /** The result: a lasso, or where and why the construction stopped. */
    public record Result(Optional<Lemma2> lemma2, Optional<Lasso> lasso, Optional<Stop> stop) {
    }

    /**
     * Builds FLP's run: Lemma 2 for a bivalent initial configuration, then Lemma 3 stage after
     * stage with e = the oldest message in flight, until a stage starts in a configuration (and an
     * order of pending messages) already seen up to renumbering the rounds; at most
     * {@code maxStages} stages.
     */
    public Result build(int maxStages) {
        Lemma2 l2 = lemma2();
        if (l2.bivalent().isEmpty()) {
            return new Result(Optional.of(l2), Optional.empty(), Optional.of(noBivalentInitial(l2)));
        }
        String inputs = l2.bivalent().get();
        Config c = initial(inputs);
        Optional<Stop> unsafe = unsafe(c, List.of());
        if (unsafe.isPresent()) {
            return new Result(Optional.of(l2), Optional.empty(), unsafe);
        }
        List<Msg> age = new ArrayList<>(c.buffer()); // oldest first; the initial reports in process order
        List<Stage> stages = new ArrayList<>();
        List<Msg> run = new ArrayList<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        List<Integer> shifts = new ArrayList<>();
        for (int stage = 0; stage < maxStages; stage++) {
            int delta = 1 - c.minRound();
            List<Object> key = List.of(c.shifted(delta), age.stream().map(m -> m.shifted(delta)).toList());
            Integer earlier = seen.putIfAbsent(key, stage);
            shifts.add(-delta);
            if (earlier != null) {
                Lasso lasso = new Lasso(inputs, initial(inputs), List.copyOf(stages.subList(0, earlier)),
                        List.copyOf(stages.subList(earlier, stage)), shifts.get(stage) - shifts.get(earlier));
                return new Result(Optional.of(l2), Optional.of(lasso), Optional.empty());
            }
            Msg e = age.get(0);
            Optional<List<Msg>> schedule = lemma3(c, e);
            if (schedule.isEmpty()) {
                return new Result(Optional.of(l2), Optional.empty(), Optional.of(lemma3Failed(c, e, run)));
            }
            for (Msg m : schedule.get()) {
                Config next = deliver(c, m);
                age.remove(m);
                for (Msg sent : next.buffer()) {
                    if (!c.buffer().contains(sent)) {
                        age.add(sent); // sent in this step (a message is sent once: one per receiver, round and phase)
                    }
                }
                c = next;
                run.add(m);
            }
            stages.add(new Stage(e, schedule.get()));
        }
        return new Result(Optional.of(l2), Optional.empty(), Optional.of(new Stop(
                "no configuration repeated within " + maxStages + " stages (every stage found its schedule; raise the limit)",
                Optional.of(c), Optional.empty(), run)));
    }

    /** The configurations a run passes through: {@code start}, then one after each step. */
    public List<Config> replay(Config start, List<Msg> steps) {
        List<Config> out = new ArrayList<>(List.of(start));
        Config c = start;
        for (Msg m : steps) {
            c = deliver(c, m);
            out.add(c);
        }
        return out;
    }

    /**
     * The checks that make a lasso an admissible run that never decides: computed from the run, not
     * assumed. {@code closes}: the cycle, replayed twice from where it starts, ends each time in the
     * start configuration with every round {@code roundShift} higher (so it repeats forever);
     * {@code stepsPerProcess}: messages each process receives in one cycle; {@code pendingAtCycleStart}
     * and {@code undeliveredInCycle}: the messages in flight when the cycle starts, and those of them
     * the cycle does not deliver; {@code configurations}, {@code bivalent} and {@code decided}: over
     * the prefix and one cycle.
     */
    public record Checks(boolean closes, List<Integer> stepsPerProcess, List<Msg> pendingAtCycleStart,
                         List<Msg> undeliveredInCycle, int configurations, int bivalent, int decided) {

        /** Every process takes steps in the cycle and every message pending at its start is delivered in it. */
        public boolean fair() {
            return stepsPerProcess.stream().allMatch(k -> k > 0) && undeliveredInCycle.isEmpty();
        }
    }

    /** Checks {@code lasso} by replaying it; each configuration's bivalence is certified again. */
    public Checks check(Lasso lasso) {
        List<Config> prefix = replay(lasso.start(), lasso.prefixSteps());
        Config cycleStart = prefix.get(prefix.size() - 1);
        List<Config> once = replay(cycleStart, lasso.cycleSteps());
        List<Msg> shiftedSteps = lasso.cycleSteps().stream().map(m -> m.shifted(lasso.roundShift())).toList();
        List<Config> twice = replay(once.get(once.size() - 1), shiftedSteps);
        boolean closes = once.get(once.size() - 1).equals(cycleStart.shifted(lasso.roundShift()))
                && twice.get(twice.size() - 1).equals(cycleStart.shifted(2 * lasso.roundShift()));
        List<Integer> perProcess = new ArrayList<>();
        for (int p = 0; p < protocol.n(); p++) {
            int q = p;
            perProcess.add((int) lasso.cycleSteps().stream().filter(m -> m.to() == q).count());
        }
        List<Msg> undelivered = cycleStart.buffer().stream().filter(m -> !lasso.cycleSteps().contains(m)).toList();
        List<Config> all = new ArrayList<>(prefix);
        all.addAll(once.subList(1, once.size()));
        int bivalent = (int) all.stream().filter(c -> valence(c).valence() == Valence.BIVALENT).count();
        int decided = (int) all.stream().filter(c -> c.decisions() != 0).count();
        return new Checks(closes, perProcess, cycleStart.buffer(), undelivered, all.size(), bivalent, decided);
    }

    private Stop noBivalentInitial(Lemma2 l2) {
        // Lemma 2's contradiction: adjacent configurations differ in one process's input; silence it
        for (int i = 0; i + 1 < l2.chain().size(); i++) {
            if (l2.valences().get(i) != l2.valences().get(i + 1)) {
                int p = i;
                Certificate left = valenceWithout(initial(l2.chain().get(i)), Set.of(p));
                return new Stop("no initial configuration of the chain is bivalent: " + l2.chain().get(i) + " is "
                        + l2.valences().get(i) + " and " + l2.chain().get(i + 1) + " is " + l2.valences().get(i + 1)
                        + "; they differ only in p" + p + "'s input, and with p" + p + " taking no step "
                        + (left.valence() == Valence.NONE && left.complete() ? "no decision is reachable at all"
                        : "the decisions reachable are " + left.valence())
                        + ": the protocol does not tolerate one crash (termination)",
                        Optional.of(initial(l2.chain().get(i))), Optional.empty(), List.of());
            }
        }
        return new Stop("no initial configuration of the chain is bivalent", Optional.empty(), Optional.empty(), List.of());
    }

    /** A run from {@code c} in which two processes decide differently, if the valence search met one. */
    private Optional<Stop> unsafe(Config c, List<Msg> run) {
        var cert = valence(c);
        if (cert.disagreement().isPresent()) {
            List<Msg> whole = new ArrayList<>(run);
            whole.addAll(cert.disagreement().get());
            return Optional.of(new Stop("some run breaks agreement (two processes decide differently), so the protocol "
                    + "is unsafe; valence, and with it Lemma 3, assumes a protocol that keeps agreement",
                    Optional.of(c), Optional.empty(), whole));
        }
        return Optional.empty();
    }

    private Stop lemma3Failed(Config c, Msg e, List<Msg> run) {
        Optional<Stop> unsafe = unsafe(c, run);
        if (unsafe.isPresent()) {
            return unsafe.get();
        }
        Certificate silent = valenceWithout(c, Set.of(e.to()));
        String why = silent.valence() == Valence.NONE && silent.complete()
                ? "with p" + e.to() + " taking no step from here, no decision is reachable: the protocol does not tolerate "
                + "p" + e.to() + "'s crash (termination), which the proof of Lemma 3 assumes"
                : "within the budget of " + budget + " configurations (with p" + e.to() + " silent the decisions reachable are "
                + silent.valence() + "); a larger budget may find it";
        return new Stop("Lemma 3 failed for e = " + e + ": no schedule without e, then e, leads to a bivalent configuration; " + why,
                Optional.of(c), Optional.of(e), run);
    }
}
