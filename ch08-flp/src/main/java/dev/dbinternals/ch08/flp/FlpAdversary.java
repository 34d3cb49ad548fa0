package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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
 * the configuration bivalent (Lemma 3); repeat. This is a variant of the construction in the proof
 * of FLP's Theorem 1: FLP picks e through a process queue (possibly e = (p, ∅), a step that
 * receives nothing), which guarantees that every process steps infinitely often; since these
 * protocols ignore ∅-steps, we take the oldest message and check afterwards that every process
 * steps in the cycle ({@link #check}). For {@link BenOrWithoutCoin} the stages come back
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
public final class FlpAdversary<S, M extends Comparable<M>> {

    /** Every process's state and the messages in flight (sorted, so equal contents are equal configurations). */
    public record Config<S, M extends Comparable<M>>(List<S> processes, List<M> buffer) {

        public Config {
            processes = List.copyOf(processes);
            List<M> sorted = new ArrayList<>(buffer);
            sorted.sort(null);
            buffer = List.copyOf(sorted);
        }

    }

    /** Decisions held in {@code c}, as a mask: bit v set when some process decided v. */
    public int decisions(Config<S, M> c) {
        int mask = 0;
        for (S p : c.processes()) {
            int d = protocol.decision(p);
            if (d != Reaction.NONE) {
                mask |= 1 << d;
            }
        }
        return mask;
    }

    /** The lowest round any process of {@code c} is in. */
    public int minRound(Config<S, M> c) {
        return c.processes().stream().mapToInt(protocol::round).min().orElseThrow();
    }

    /** {@code c} with every round number, in states and messages, moved by {@code delta}. */
    public Config<S, M> shifted(Config<S, M> c, int delta) {
        return new Config<>(c.processes().stream().map(p -> protocol.shifted(p, delta)).toList(),
                c.buffer().stream().map(m -> protocol.shifted(m, delta)).toList());
    }

    /** How far {@link #normalised} moves {@code c}'s rounds: a multiple of the protocol's unit, bringing the lowest round to 1 .. unit. */
    private int normalisingShift(Config<S, M> c) {
        int unit = protocol.shiftUnit();
        return -unit * Math.floorDiv(minRound(c) - 1, unit);
    }

    /** {@code c} renumbered so that the lowest round is small: configurations equal up to renumbering become equal. */
    public Config<S, M> normalised(Config<S, M> c) {
        return shifted(c, normalisingShift(c));
    }

    /** A certified valence: what the search found, and whether it explored everything reachable. */
    public record Certificate<M>(Valence valence, boolean complete, Optional<List<M>> disagreement) {
    }

    private final RoundProtocol<S, M> protocol;
    private final int budget;
    private final Map<Config<S, M>, Certificate<M>> cache = new HashMap<>();

    /** @param budget configurations the search for Lemma 3's schedule (and a search with a process silent) may visit */
    public FlpAdversary(RoundProtocol<S, M> protocol, int budget) {
        this.protocol = protocol;
        this.budget = budget;
    }

    public RoundProtocol<S, M> protocol() {
        return protocol;
    }

    /** The initial configuration for {@code inputs} (bits, p0 first): every process has reported its input. */
    public Config<S, M> initial(String inputs) {
        if (inputs.length() != protocol.n() || !inputs.matches("[01]+")) {
            throw new IllegalArgumentException("inputs must be " + protocol.n() + " bits like 011, got '" + inputs + "'");
        }
        List<S> ps = new ArrayList<>();
        List<M> buffer = new ArrayList<>();
        for (int p = 0; p < protocol.n(); p++) {
            var s = protocol.start(p, inputs.charAt(p) - '0');
            ps.add(s.next());
            buffer.addAll(s.send());
        }
        return new Config<>(ps, buffer);
    }

    /** The one step in which {@code m}'s receiver receives it. */
    public Config<S, M> deliver(Config<S, M> c, M m) {
        List<M> buffer = new ArrayList<>(c.buffer());
        if (!buffer.remove(m)) {
            throw new IllegalArgumentException(m + " is not in flight in " + c);
        }
        int to = protocol.to(m);
        var s = protocol.receive(to, c.processes().get(to), m);
        List<S> ps = new ArrayList<>(c.processes());
        ps.set(to, s.next());
        buffer.addAll(s.send());
        return new Config<>(ps, buffer);
    }

    /** The messages that can be delivered next, excluding those to the processes in {@code silent}. */
    private List<M> deliverable(Config<S, M> c, Set<Integer> silent) {
        return deliverable(c, silent, false);
    }

    /** With {@code withheld}, the messages the silent processes sent are not delivered either (they crashed before sending). */
    private List<M> deliverable(Config<S, M> c, Set<Integer> silent, boolean withheld) {
        List<M> out = new ArrayList<>();
        for (M m : c.buffer()) {
            if (!silent.contains(protocol.to(m)) && !(withheld && silent.contains(protocol.from(m))) && (out.isEmpty() || !out.get(out.size() - 1).equals(m))) {
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
    public Certificate<M> valence(Config<S, M> c) {
        Config<S, M> key = normalised(c);
        Certificate<M> known = cache.get(key);
        if (known == null) {
            known = walks(key);
            cache.put(key, known);
        }
        return known;
    }

    /** Random runs per valence question, and steps per run. */
    static final int WALKS = 200;
    static final int WALK_STEPS = 200;

    private Certificate<M> walks(Config<S, M> start) {
        java.util.Random random = new java.util.Random(0x5EED);
        int mask = 0;
        for (int w = 0; w < WALKS && mask != 3; w++) {
            Config<S, M> c = start;
            List<M> path = new ArrayList<>();
            for (int step = 0; step < WALK_STEPS && !allDecided(c); step++) {
                List<M> next = deliverable(c, Set.of());
                if (next.isEmpty()) {
                    break;
                }
                M m = next.get(random.nextInt(next.size()));
                c = deliver(c, m);
                path.add(m);
                if (decisions(c) == 3) {
                    return new Certificate<>(Valence.BIVALENT, false, Optional.of(path));
                }
            }
            mask |= decisions(c);
        }
        return new Certificate<>(Valence.ofMask(mask), false, Optional.empty());
    }

    private boolean allDecided(Config<S, M> c) {
        return c.processes().stream().allMatch(p -> protocol.decision(p) != Reaction.NONE);
    }

    /**
     * The decisions reachable from {@code c} in runs in which the processes in {@code silent}
     * take no step (as if they had crashed at {@code c}; messages they sent before still arrive).
     */
    public Certificate<M> valenceWithout(Config<S, M> c, Set<Integer> silent) {
        return search(normalised(c), silent, false);
    }

    /**
     * The decisions reachable from the initial configuration of {@code inputs} if process
     * {@code p} crashed before its first step: it takes no step and nothing it would have sent at
     * the start is delivered (Lemma 2's argument).
     */
    public Certificate<M> valenceCrashedAtStart(String inputs, int p) {
        return search(normalised(initial(inputs)), Set.of(p), true);
    }

    private Certificate<M> search(Config<S, M> start, Set<Integer> silent, boolean withheld) {
        Map<Config<S, M>, Config<S, M>> parent = new HashMap<>();
        Map<Config<S, M>, M> via = new HashMap<>();
        ArrayDeque<Config<S, M>> queue = new ArrayDeque<>();
        parent.put(start, null);
        queue.add(start);
        int mask = 0;
        while (!queue.isEmpty()) {
            Config<S, M> c = queue.poll();
            int d = decisions(c);
            if (d == 3) {
                List<M> path = new ArrayList<>();
                for (Config<S, M> x = c; parent.get(x) != null; x = parent.get(x)) {
                    path.add(0, via.get(x));
                }
                return new Certificate<>(Valence.BIVALENT, false, Optional.of(path));
            }
            mask |= d;
            if (mask == 3) {
                return new Certificate<>(Valence.BIVALENT, false, Optional.empty());
            }
            if (d != 0) {
                continue; // a decision is final: runs beyond it decide the same value (or break agreement, found elsewhere)
            }
            for (M m : deliverable(c, silent, withheld)) {
                Config<S, M> next = normalised(deliver(c, m));
                if (!parent.containsKey(next)) {
                    if (parent.size() >= budget) {
                        return new Certificate<>(Valence.ofMask(mask), false, Optional.empty());
                    }
                    parent.put(next, c);
                    via.put(next, m);
                    queue.add(next);
                }
            }
        }
        return new Certificate<>(Valence.ofMask(mask), true, Optional.empty());
    }

    /**
     * Lemma 3's step: a schedule that does not deliver {@code e}, followed by {@code e}, after which
     * the configuration is (certified) bivalent; breadth-first, so the schedule before {@code e} is
     * a shortest one. Empty if none was found within the budget.
     */
    public Optional<List<M>> lemma3(Config<S, M> c, M e) {
        return lemma3Search(c, e).schedule();
    }

    /**
     * What the search for Lemma 3's schedule found: the schedule, if any, and whether the search
     * visited every configuration reachable from {@code c} without {@code e} ({@code exhaustive});
     * if not, it stopped at its budget. Even an exhaustive search judges each e(D) by its
     * {@link #WALKS} random runs, so "not found" means "not certified", never "does not exist".
     */
    public record Lemma3Search<M>(Optional<List<M>> schedule, boolean exhaustive, int visited) {
    }

    /** Lemma 3's search, with how far it got: see {@link #lemma3}. */
    public Lemma3Search<M> lemma3Search(Config<S, M> c, M e) {
        Map<Config<S, M>, Config<S, M>> parent = new LinkedHashMap<>();
        Map<Config<S, M>, M> via = new HashMap<>();
        ArrayDeque<Config<S, M>> queue = new ArrayDeque<>();
        parent.put(c, null);
        queue.add(c);
        boolean cut = false;
        while (!queue.isEmpty()) {
            Config<S, M> d = queue.poll();
            if (decisions(d) != 0) {
                continue;
            }
            if (valence(deliver(d, e)).valence() == Valence.BIVALENT) {
                List<M> path = new ArrayList<>();
                for (Config<S, M> x = d; parent.get(x) != null; x = parent.get(x)) {
                    path.add(0, via.get(x));
                }
                path.add(e);
                return new Lemma3Search<>(Optional.of(path), false, parent.size());
            }
            for (M m : deliverable(d, Set.of())) {
                if (m.equals(e)) {
                    continue;
                }
                Config<S, M> next = deliver(d, m);
                if (!parent.containsKey(next)) {
                    if (parent.size() < budget) {
                        parent.put(next, d);
                        via.put(next, m);
                        queue.add(next);
                    } else {
                        cut = true; // the budget left this configuration unvisited
                    }
                }
            }
        }
        return new Lemma3Search<>(Optional.empty(), !cut, parent.size());
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
        if (bivalent == null) {
            // Lemma 2's argument: where the valence changes, crash the flipped process at the start;
            // the others cannot tell the two configurations apart, so a value decided without it is
            // reachable from both, and the one labelled with the other value was bivalent after all
            for (int i = 0; i + 1 < chain.size(); i++) {
                Valence left = valences.get(i);
                Valence right = valences.get(i + 1);
                if (left == right) {
                    continue;
                }
                for (int side = i; side <= i + 1 && bivalent == null; side++) {
                    Valence label = valences.get(side);
                    Valence crashed = valenceCrashedAtStart(chain.get(side), i).valence();
                    boolean other = (label == Valence.ZERO && (crashed == Valence.ONE || crashed == Valence.BIVALENT))
                            || (label == Valence.ONE && (crashed == Valence.ZERO || crashed == Valence.BIVALENT));
                    if (other) {
                        valences.set(side, Valence.BIVALENT);
                        bivalent = chain.get(side);
                    }
                }
                break;
            }
        }
        return new Lemma2(chain, valences, Optional.ofNullable(bivalent));
    }

    /** The chain of Lemma 2, its certified valences, and the first bivalent initial configuration, if any. */
    public record Lemma2(List<String> chain, List<Valence> valences, Optional<String> bivalent) {
    }

    /** One stage of the construction: the event e that was due, and the schedule that ends with it. */
    public record Stage<M>(M due, List<M> schedule) {
    }

    /** Why the construction stopped without a lasso, with the property the protocol gives up. */
    public record Stop<S, M extends Comparable<M>>(String reason, Optional<Config<S, M>> at, Optional<M> due, List<M> run) {
    }

    /**
     * The run FLP's proof builds: a prefix of stages and a cycle of stages that repeats forever
     * (each repetition with every round number {@code roundShift} higher).
     */
    public record Lasso<S, M extends Comparable<M>>(String inputs, Config<S, M> start, List<Stage<M>> prefix, List<Stage<M>> cycle, int roundShift) {

        /** The prefix's steps, in order. */
        public List<M> prefixSteps() {
            return prefix.stream().flatMap(s -> s.schedule().stream()).toList();
        }

        /** The cycle's steps, in order (their rounds as in the first time round). */
        public List<M> cycleSteps() {
            return cycle.stream().flatMap(s -> s.schedule().stream()).toList();
        }
    }

    /** The result: a lasso, or where and why the construction stopped. */
    public record Result<S, M extends Comparable<M>>(Optional<Lemma2> lemma2, Optional<Lasso<S, M>> lasso, Optional<Stop<S, M>> stop) {
    }

    /**
     * Builds FLP's run: Lemma 2 for a bivalent initial configuration, then Lemma 3 stage after
     * stage with e = the oldest message in flight, until a stage starts in a configuration (and an
     * order of pending messages) already seen up to renumbering the rounds; at most
     * {@code maxStages} stages.
     */
    public Result<S, M> build(int maxStages) {
        Lemma2 l2 = lemma2();
        if (l2.bivalent().isEmpty()) {
            return new Result<>(Optional.of(l2), Optional.empty(), Optional.of(noBivalentInitial(l2)));
        }
        return buildFrom(l2.bivalent().get(), maxStages, Optional.of(l2));
    }

    /**
     * The same construction from the initial configuration of {@code inputs}, without Lemma 2 (for
     * a protocol whose inputs matter only at some processes, such as Paxos's proposers).
     */
    public Result<S, M> build(String inputs, int maxStages) {
        return buildFrom(inputs, maxStages, Optional.empty());
    }

    private Result<S, M> buildFrom(String inputs, int maxStages, Optional<Lemma2> lemma2) {
        Config<S, M> c = initial(inputs);
        Optional<Stop<S, M>> unsafe = unsafe(c, List.of());
        if (unsafe.isPresent()) {
            return new Result<>(lemma2, Optional.empty(), unsafe);
        }
        List<M> age = new ArrayList<>(c.buffer()); // oldest first; the initial reports in process order
        List<Stage<M>> stages = new ArrayList<>();
        List<M> run = new ArrayList<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        List<Integer> shifts = new ArrayList<>();
        for (int stage = 0; stage < maxStages; stage++) {
            int delta = normalisingShift(c);
            List<Object> key = List.of(shifted(c, delta), age.stream().map(m -> protocol.shifted(m, delta)).toList());
            Integer earlier = seen.putIfAbsent(key, stage);
            shifts.add(-delta);
            if (earlier != null) {
                Lasso<S, M> lasso = new Lasso<>(inputs, initial(inputs), List.copyOf(stages.subList(0, earlier)),
                        List.copyOf(stages.subList(earlier, stage)), shifts.get(stage) - shifts.get(earlier));
                return new Result<>(lemma2, Optional.of(lasso), Optional.empty());
            }
            M e = age.get(0);
            Lemma3Search<M> search = lemma3Search(c, e);
            Optional<List<M>> schedule = search.schedule();
            if (schedule.isEmpty()) {
                return new Result<>(lemma2, Optional.empty(), Optional.of(lemma3Failed(c, e, run, search)));
            }
            for (M m : schedule.get()) {
                Config<S, M> next = deliver(c, m);
                age.remove(m);
                for (M sent : next.buffer()) {
                    if (!c.buffer().contains(sent)) {
                        age.add(sent); // sent in this step (a message is sent once: one per receiver, round and phase)
                    }
                }
                c = next;
                run.add(m);
            }
            stages.add(new Stage<>(e, schedule.get()));
        }
        return new Result<>(lemma2, Optional.empty(), Optional.of(new Stop<>(
                t("no configuration repeated within " + maxStages + " stages (every stage found its schedule; raise the limit)",
                        maxStages + "개 국면 안에 반복된 구성이 없다(모든 국면이 스케줄을 찾았다; 한도를 올릴 것)"),
                Optional.of(c), Optional.empty(), run)));
    }

    /** The configurations a run passes through: {@code start}, then one after each step. */
    public List<Config<S, M>> replay(Config<S, M> start, List<M> steps) {
        List<Config<S, M>> out = new ArrayList<>(List.of(start));
        Config<S, M> c = start;
        for (M m : steps) {
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
    public record Checks<M>(boolean closes, List<Integer> stepsPerProcess, List<M> pendingAtCycleStart,
                         List<M> undeliveredInCycle, int configurations, int bivalent, int decided) {

        /** Every process takes steps in the cycle and every message pending at its start is delivered in it. */
        public boolean fair() {
            return stepsPerProcess.stream().allMatch(k -> k > 0) && undeliveredInCycle.isEmpty();
        }
    }

    /** Checks {@code lasso} by replaying it; each configuration's bivalence is certified again. */
    public Checks<M> check(Lasso<S, M> lasso) {
        List<Config<S, M>> prefix = replay(lasso.start(), lasso.prefixSteps());
        Config<S, M> cycleStart = prefix.get(prefix.size() - 1);
        List<Config<S, M>> once = replay(cycleStart, lasso.cycleSteps());
        List<M> shiftedSteps = lasso.cycleSteps().stream().map(m -> protocol.shifted(m, lasso.roundShift())).toList();
        List<Config<S, M>> twice = replay(once.get(once.size() - 1), shiftedSteps);
        boolean closes = once.get(once.size() - 1).equals(shifted(cycleStart, lasso.roundShift()))
                && twice.get(twice.size() - 1).equals(shifted(cycleStart, 2 * lasso.roundShift()));
        List<Integer> perProcess = new ArrayList<>();
        for (int p = 0; p < protocol.n(); p++) {
            int q = p;
            perProcess.add((int) lasso.cycleSteps().stream().filter(m -> protocol.to(m) == q).count());
        }
        List<M> undelivered = cycleStart.buffer().stream().filter(m -> !lasso.cycleSteps().contains(m)).toList();
        List<Config<S, M>> all = new ArrayList<>(prefix);
        all.addAll(once.subList(1, once.size()));
        int bivalent = (int) all.stream().filter(c -> valence(c).valence() == Valence.BIVALENT).count();
        int decided = (int) all.stream().filter(c -> decisions(c) != 0).count();
        return new Checks<>(closes, perProcess, cycleStart.buffer(), undelivered, all.size(), bivalent, decided);
    }

    private Stop<S, M> noBivalentInitial(Lemma2 l2) {
        // Lemma 2's contradiction: adjacent configurations differ in one process's input; crash it at the start
        for (int i = 0; i + 1 < l2.chain().size(); i++) {
            if (l2.valences().get(i) != l2.valences().get(i + 1)) {
                int p = i;
                Certificate<M> left = valenceCrashedAtStart(l2.chain().get(i), p);
                String why = left.valence() == Valence.NONE && left.complete()
                        ? t("if p" + p + " crashes before its first step, no decision is reachable at all (explored): the protocol"
                        + " does not tolerate one crash (termination)",
                        "p" + p + "가 첫 단계 전에 충돌하면 어떤 결정에도 도달할 수 없다(탐색함): 이 프로토콜은 충돌 하나를"
                        + " 견디지 못한다(종료)")
                        : t("with p" + p + " crashed before its first step the search found " + left.valence()
                        + (left.complete() ? "" : " within its budget") + "; no bivalent configuration was certified",
                        "p" + p + "가 첫 단계 전에 충돌한 상태에서 탐색" + (left.complete() ? "" : "(예산 안)") + "이 찾은 것: "
                        + left.valence() + "; 양가로 확인된 구성이 없다");
                return new Stop<>(t("no initial configuration of the chain was certified bivalent: from " + l2.chain().get(i) + " "
                        + met(l2.valences().get(i)) + " and from " + l2.chain().get(i + 1) + " " + met(l2.valences().get(i + 1))
                        + "; they differ only in p" + p + "'s input, and " + why,
                        "사슬의 어떤 초기 구성도 양가로 확인되지 않았다: " + l2.chain().get(i) + "에서는 "
                        + met(l2.valences().get(i)) + ", " + l2.chain().get(i + 1) + "에서는 " + met(l2.valences().get(i + 1))
                        + "; 둘은 p" + p + "의 입력만 다르며, " + why),
                        Optional.of(initial(l2.chain().get(i))), Optional.empty(), List.<M>of());
            }
        }
        return new Stop<>(t("no initial configuration of the chain was certified bivalent", "사슬의 어떤 초기 구성도 양가로 확인되지 않았다"), Optional.empty(), Optional.empty(), List.<M>of());
    }

    /**
     * What the random runs behind a valence met, in words that claim no more than they saw: "only 0
     * met (200 random runs)" rather than "0-valent", since the runs sample the configurations
     * reachable and do not exhaust them.
     */
    public static String met(Valence v) {
        return switch (v) {
            case BIVALENT -> t("certified bivalent", "양가로 확인됨");
            case ZERO -> t("only 0 met (" + WALKS + " random runs)", "0만 만남(무작위 실행 " + WALKS + "개)");
            case ONE -> t("only 1 met (" + WALKS + " random runs)", "1만 만남(무작위 실행 " + WALKS + "개)");
            case NONE -> t("no decision met (" + WALKS + " random runs)", "결정을 만나지 못함(무작위 실행 " + WALKS + "개)");
        };
    }

    /** A run from {@code c} in which two processes decide differently, if the valence search met one. */
    private Optional<Stop<S, M>> unsafe(Config<S, M> c, List<M> run) {
        var cert = valence(c);
        if (cert.disagreement().isPresent()) {
            List<M> whole = new ArrayList<>(run);
            whole.addAll(cert.disagreement().get());
            return Optional.of(new Stop<>(t("some run breaks agreement (two processes decide differently), so the protocol "
                    + "is unsafe; valence, and with it Lemma 3, assumes a protocol that keeps agreement",
                    "어떤 실행은 일치성을 깬다(두 프로세스가 서로 다르게 결정한다). 따라서 이 프로토콜은 안전하지 않다; "
                    + "valence(도달 가능한 결정 값의 집합)와 그에 기댄 보조정리 3은 일치성을 지키는 프로토콜을 가정한다"),
                    Optional.of(c), Optional.empty(), whole));
        }
        return Optional.empty();
    }

    private Stop<S, M> lemma3Failed(Config<S, M> c, M e, List<M> run, Lemma3Search<M> search) {
        Optional<Stop<S, M>> unsafe = unsafe(c, run);
        if (unsafe.isPresent()) {
            return unsafe.get();
        }
        Certificate<M> silent = valenceWithout(c, Set.of(protocol.to(e)));
        String why = silent.valence() == Valence.NONE && silent.complete()
                ? t("with p" + protocol.to(e) + " taking no step from here, no decision is reachable: the protocol does not tolerate "
                + "p" + protocol.to(e) + "'s crash (termination), which the proof of Lemma 3 assumes",
                "여기서부터 p" + protocol.to(e) + "가 아무 단계도 밟지 않으면 어떤 결정에도 도달할 수 없다: 이 프로토콜은 p"
                + protocol.to(e) + "의 충돌을 견디지 못한다(종료). 보조정리 3의 증명은 그 충돌을 견딘다고 가정한다")
                : t("with p" + protocol.to(e) + " silent the search met " + silent.valence() + (silent.complete() ? "" : " within its budget")
                + (search.exhaustive() ? "; more random runs per configuration may certify one" : "; a larger budget may find one"),
                "p" + protocol.to(e) + "가 침묵하는 동안 탐색" + (silent.complete() ? "" : "(예산 안)") + "이 만난 것: " + silent.valence()
                + (search.exhaustive() ? "; 구성마다 무작위 실행을 더 돌리면 양가로 확인될 수도 있다" : "; 예산을 늘리면 찾을 수도 있다"));
        String searched = search.exhaustive()
                ? t("all " + search.visited() + " configurations reachable without e were tried, and after none of them did e lead to"
                + " a configuration certified bivalent (both decisions met in " + WALKS + " random runs)",
                "e 없이 도달 가능한 구성 " + search.visited() + "개를 모두 시도했지만, 어느 것 뒤에서도 e가 양가로 확인된 구성"
                + "(무작위 실행 " + WALKS + "개에서 두 결정을 모두 만남)으로 이어지지 않았다")
                : t("the search stopped at its budget of " + budget + " configurations without finding a schedule without e, then e,"
                + " that leads to a configuration certified bivalent",
                "탐색이 예산인 구성 " + budget + "개에서 멈췄다. e를 뺀 스케줄 다음 e로 양가로 확인된 구성에 이르는 것을"
                + " 찾지 못했다");
        return new Stop<>(t("Lemma 3 failed for e = " + e + ": none found: " + searched + "; " + why,
                "e = " + e + "에 대해 보조정리 3이 실패했다: 찾지 못함: " + searched + "; " + why),
                Optional.of(c), Optional.of(e), run);
    }
}
