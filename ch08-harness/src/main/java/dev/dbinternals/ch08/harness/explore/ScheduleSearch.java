package dev.dbinternals.ch08.harness.explore;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.InvariantViolation;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Simulation.Fate;
import dev.dbinternals.ch08.harness.sim.Simulation.Pending;
import dev.dbinternals.ch08.harness.sim.SimulationException;
import dev.dbinternals.ch08.harness.sim.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Systematic search over the schedules of real {@link dev.dbinternals.ch08.harness.Node} code: stateless
 * model checking, as CHESS and Coyote do it for threads, here for messages, timers and crashes.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애) and "Crash
 * Faults" (충돌): a fault that matters may need one particular order of deliveries, losses and crashes;
 * a random run meets it by luck, a search tries the orders one by one.
 *
 * <p>What it explores. A <em>scenario</em> builds a fresh {@link Simulation} (nodes, clients, invariants)
 * for every run. The search drives it ({@link Simulation#runUntilChoice}, {@link Simulation#runChosen})
 * instead of the clock: at each step the <em>choices</em> are to deliver any message in flight, to drop
 * or duplicate it (within a budget per schedule), to fire a node's next timer, or to crash or restart a
 * node the search may crash (within a budget). A <em>schedule</em> is the list of choices of one run; the
 * invariants given to {@code sim.invariant(...)} are checked after every one, and the first broken one
 * is the bug. Virtual time is abstracted away: any message in flight may arrive next (an asynchronous
 * network), and a timer may fire before a message that was due earlier (a slow network); only each
 * node's own timers keep their order.
 *
 * <p>How. Depth-first over the choices, re-running the scenario from the start for each branch (no
 * state is copied or restored: runs are deterministic, so a prefix of choices leads to the same state
 * every time), under iterative deepening: every schedule of at most 0 choices, then 1, 2, ... up to the
 * bound. So the first violation found has a shortest schedule, and {@link #replay} turns it back into a
 * run whose trace ends at the violation. {@code StateFingerprint} (prune states already explored) and
 * {@link RandomWalk} (random schedules instead of all) are refinements beside this class.
 *
 * <p>What it does not do: the number of schedules grows exponentially with the depth (about b^d for b
 * choices a step), so only short schedules are searched; "no violation up to depth d" is not a proof
 * that the protocol is correct, unless {@link Result#exhaustive()} says every schedule ended before the
 * bound. The network's random faults should be off in a searched scenario (the search supplies the
 * faults), and nodes must keep the determinism rules of {@code Node}.
 *
 * <pre>{@code
 * ScheduleSearch.Result r = ScheduleSearch.of(() -> scenario())
 *         .mayCrash(Address.of("R")).faults(1, 1, 1).maxDepth(6).search();
 * r.violation().ifPresent(v -> System.out.println(v.invariant() + " after " + v.state()));
 * }</pre>
 *
 * <p>Not thread-safe; a {@link Result} is immutable.
 */
public final class ScheduleSearch {

    /** One choice of a schedule: its position among the choices offered at that step, and what it was. */
    public record Step(int index, String label) {
    }

    /** The choices of one run, in order: printable, and replayable with {@link #replay}. */
    public record Schedule(List<Step> steps) {
        public Schedule {
            steps = List.copyOf(steps);
        }

        public int length() {
            return steps.size();
        }

        public List<String> labels() {
            return steps.stream().map(Step::label).toList();
        }

        /** One numbered line per choice. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < steps.size(); i++) {
                sb.append(String.format(java.util.Locale.ROOT, "%3d. %s%n", i + 1, steps.get(i).label()));
            }
            return sb.toString();
        }
    }

    /**
     * What a search found: the first violation (with a shortest schedule, for {@link #search}), how many
     * schedules were run (every run of the scenario, re-runs of iterative deepening included), to which
     * depth, and how long it took.
     *
     * @param depth       the largest bound searched completely (or the bound of the violation)
     * @param exhaustive  no schedule reached the bound: every schedule within the fault budget was run
     * @param complete    false when {@code maxSchedules} stopped the search before the bound
     * @param pruned      runs cut short because their state had been explored already ({@code StateFingerprint})
     */
    public record Result(Optional<Explorer.Violation<Schedule>> violation, long schedulesRun, int depth,
                         boolean exhaustive, boolean complete, long pruned, long elapsedNanos) {

        /** Schedules run per second of real time. */
        public double schedulesPerSecond() {
            return elapsedNanos == 0 ? 0 : schedulesRun * 1e9 / elapsedNanos;
        }
    }

    /** A run of a schedule with the trace on: the simulation as it stopped, and the invariant broken, if any. */
    public record Replay(Simulation sim, Optional<String> violation) {
    }

    /** How a run ended. */
    enum End { QUIET, BOUND, PRUNED, VIOLATION }

    /** What one run did: how it ended, and for a violation its schedule and the invariant broken. */
    record Run(Schedule schedule, End end, String violation, Simulation sim) {
    }

    /** Picks the next choice of a run, or -1 to stop it here (the state is pruned). */
    interface Chooser {
        int choose(int depth, List<Choice> choices, Simulation sim, List<Pending> pending, int[] used);
    }

    /** One choice offered at a step; labelled only when a run is reported (most are not). */
    record Choice(Pending pending, Fate fate, Address crash, Address restart, boolean receiverDown, Function<byte[], String> format) {
        String label() {
            if (crash != null) {
                return t("crash ", "충돌 ") + crash;
            }
            if (restart != null) {
                return t("restart ", "재시작 ") + restart;
            }
            if (!pending.isMessage()) {
                return t("fire timer ", "타이머 발동 ") + pending.node() + " " + pending.timerText();
            }
            String what = "#" + pending.messageId() + " " + pending.from() + "->" + pending.node() + " " + format.apply(pending.bytes());
            if (receiverDown) {
                return t("deliver " + what + " (" + pending.node() + " is down: lost)", "전달 " + what + " (" + pending.node() + " 다운: 손실)");
            }
            return switch (fate) {
                case RUN -> t("deliver ", "전달 ") + what;
                case DROP -> t("drop ", "손실 ") + what;
                case DUPLICATE -> t("duplicate " + what + " (delivered; a copy stays in flight)", "중복 " + what + " (전달하고 사본 하나는 계속 전송 중)");
            };
        }
    }

    static final int DROPS = 0;
    static final int DUPLICATES = 1;
    static final int CRASHES = 2;

    private final Supplier<Simulation> scenario;
    private final List<Address> mayCrash = new ArrayList<>();
    private final int[] budget = {1, 1, 1};
    private int maxDepth = 8;
    private long maxSchedules = 1_000_000;
    private boolean fingerprints;
    private Function<byte[], String> payloadFormat = Trace::defaultPayload;

    private ScheduleSearch(Supplier<Simulation> scenario) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    /** A search over the scenario that {@code scenario} builds afresh for every run. */
    public static ScheduleSearch of(Supplier<Simulation> scenario) {
        return new ScheduleSearch(scenario);
    }

    /** The nodes the search may crash (and restart); none by default. */
    public ScheduleSearch mayCrash(Address... nodes) {
        for (Address a : nodes) {
            if (!mayCrash.contains(Objects.requireNonNull(a, "node"))) { // a node named twice is still one choice
                mayCrash.add(a);
            }
        }
        return this;
    }

    /** At most this many drops, duplicates and crashes in one schedule (default 1 each). */
    public ScheduleSearch faults(int drops, int duplicates, int crashes) {
        int[] b = {drops, duplicates, crashes};
        String[] names = {"drops", "duplicates", "crashes"};
        for (int k = 0; k < 3; k++) {
            if (b[k] < 0 || b[k] > 100) {
                throw new IllegalArgumentException("the number of " + names[k] + " per schedule must be from 0 to 100, got " + b[k]);
            }
        }
        System.arraycopy(b, 0, budget, 0, 3);
        return this;
    }

    /** The longest schedule searched, in choices (default 8). */
    public ScheduleSearch maxDepth(int depth) {
        if (depth < 0 || depth > 1000) {
            throw new IllegalArgumentException("the depth bound must be from 0 to 1000 choices, got " + depth);
        }
        this.maxDepth = depth;
        return this;
    }

    /** Stops after this many runs, with an incomplete result (default 1,000,000). */
    public ScheduleSearch maxSchedules(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxSchedules must be at least 1, got " + n);
        }
        this.maxSchedules = n;
        return this;
    }

    /**
     * Refinement: prune states already explored, by their {@code StateFingerprint} (every node must be
     * {@link Fingerprinted}). Sound only when the fingerprint decides what happens next: the nodes'
     * handlers read no clock and draw no randomness (neither is in the fingerprint, nor is virtual
     * time), the scenario plans no {@code at(...)} actions (they run by virtual time), and the
     * invariants read only what the fingerprint holds (the nodes' fingerprints and storage, not a
     * variable of the scenario or the simulation's counters); otherwise pruning may hide a bug.
     */
    public ScheduleSearch withFingerprints() {
        this.fingerprints = true;
        return this;
    }

    /** How message payloads appear in schedule labels (default: as the trace shows them). */
    public ScheduleSearch payloadFormat(Function<byte[], String> format) {
        this.payloadFormat = Objects.requireNonNull(format, "format");
        return this;
    }

    int maxDepth() {
        return maxDepth;
    }

    long maxSchedules() {
        return maxSchedules;
    }

    // ------------------------------------------------------------------ the search

    /** Iterative deepening: every schedule of length 0, 1, 2, ... up to the bound; stops at the first violation. */
    public Result search() {
        long start = System.nanoTime(); // real time, only to report schedules per second
        long runs = 0;
        long pruned = 0;
        for (int bound = 0; bound <= maxDepth; bound++) {
            // the explored states of the previous bound had less budget left: start afresh (see StateFingerprint)
            Map<Object, Integer> seen = fingerprints ? new HashMap<>() : null;
            List<Integer> prefix = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            boolean cut = false;
            while (true) {
                if (runs == maxSchedules) {
                    return new Result(Optional.empty(), runs, bound - 1, false, false, pruned, System.nanoTime() - start);
                }
                Run run = execute(dfs(prefix, counts, bound, seen), bound, false);
                runs++;
                cut |= run.end() == End.BOUND;
                pruned += run.end() == End.PRUNED ? 1 : 0;
                if (run.end() == End.VIOLATION) {
                    return new Result(Optional.of(violation(run)), runs, bound, false, true, pruned, System.nanoTime() - start);
                }
                if (!nextSibling(prefix, counts)) {
                    break;
                }
            }
            if (!cut) { // every schedule ended before this bound: deeper bounds add nothing
                return new Result(Optional.empty(), runs, bound, true, true, pruned, System.nanoTime() - start);
            }
        }
        return new Result(Optional.empty(), runs, maxDepth, false, true, pruned, System.nanoTime() - start);
    }

    /**
     * Follows {@code prefix}, then takes the first choice at every new step (recording how many there
     * were), so that {@link #nextSibling} can move to the next schedule in depth-first order.
     */
    private Chooser dfs(List<Integer> prefix, List<Integer> counts, int bound, Map<Object, Integer> seen) {
        int fixed = prefix.size();
        return (depth, choices, sim, pending, used) -> {
            if (depth < fixed) {
                if (counts.get(depth) != choices.size()) {
                    throw new IllegalStateException("the scenario is not deterministic: step " + (depth + 1) + " offered "
                            + counts.get(depth) + " choices before and " + choices.size() + " now (build everything inside the scenario's supplier)");
                }
                return prefix.get(depth);
            }
            // a state this run reaches for the first time; with fingerprints, skip it if explored with as much budget left
            if (seen != null && StateFingerprint.seenBefore(seen, StateFingerprint.of(sim, pending, used), bound - depth)) {
                return -1;
            }
            if (depth == bound || choices.isEmpty()) {
                return 0; // the run ends here (execute checks the bound); nothing to record
            }
            prefix.add(0);
            counts.add(choices.size());
            return 0;
        };
    }

    /** Moves {@code prefix} to the next schedule in depth-first order; false when there is none. */
    private static boolean nextSibling(List<Integer> prefix, List<Integer> counts) {
        while (!prefix.isEmpty()) {
            int last = prefix.size() - 1;
            if (prefix.get(last) + 1 < counts.get(last)) {
                prefix.set(last, prefix.get(last) + 1);
                return true;
            }
            prefix.remove(last);
            counts.remove(last);
        }
        return false;
    }

    // ------------------------------------------------------------------ one run

    /** Runs the scenario once, letting {@code chooser} pick each choice, for at most {@code bound} choices. */
    Run execute(Chooser chooser, int bound, boolean trace) {
        Simulation sim = scenario.get();
        if (sim == null) {
            throw new IllegalStateException("the scenario returned no simulation");
        }
        sim.trace().setEnabled(trace);
        List<Integer> picks = new ArrayList<>();
        List<Choice> taken = new ArrayList<>(); // labelled only if the run is reported (most are not)
        try {
            for (int depth = 0; ; depth++) {
                List<Pending> pending = sim.runUntilChoice();
                int[] used = used(taken);
                List<Choice> choices = choices(sim, pending, used);
                int pick = chooser.choose(depth, choices, sim, pending, used);
                if (pick < 0) {
                    return new Run(null, End.PRUNED, null, sim);
                }
                if (choices.isEmpty()) {
                    return new Run(null, End.QUIET, null, sim);
                }
                if (depth == bound) {
                    return new Run(null, End.BOUND, null, sim);
                }
                Choice c = choices.get(pick);
                picks.add(pick);
                taken.add(c);
                apply(sim, c);
            }
        } catch (InvariantViolation v) {
            return new Run(schedule(picks, taken), End.VIOLATION, v.invariant(), sim);
        } catch (SimulationException e) {
            return new Run(schedule(picks, taken), End.VIOLATION, t("a node threw: ", "노드가 예외를 던졌다: ") + e.getCause(), sim);
        }
    }

    private static Schedule schedule(List<Integer> picks, List<Choice> taken) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            steps.add(new Step(picks.get(i), taken.get(i).label()));
        }
        return new Schedule(steps);
    }

    /** How many drops, duplicates and crashes the choices taken so far used. */
    private static int[] used(List<Choice> taken) {
        int[] used = new int[3];
        for (Choice c : taken) {
            if (c.crash() != null) {
                used[CRASHES]++;
            } else if (c.fate() == Fate.DROP) {
                used[DROPS]++;
            } else if (c.fate() == Fate.DUPLICATE) {
                used[DUPLICATES]++;
            }
        }
        return used;
    }

    /** The choices at this step, in a fixed order: per pending event (due order) deliver, drop, duplicate; then crashes and restarts. */
    private List<Choice> choices(Simulation sim, List<Pending> pending, int[] used) {
        List<Choice> out = new ArrayList<>();
        for (Pending p : pending) {
            if (!p.enabled()) {
                continue;
            }
            if (!p.isMessage()) {
                out.add(new Choice(p, Fate.RUN, null, null, false, payloadFormat));
                continue;
            }
            if (sim.isCrashed(p.node())) { // delivering to a crashed node loses it: dropping it too would be the same
                out.add(new Choice(p, Fate.RUN, null, null, true, payloadFormat));
                continue;
            }
            out.add(new Choice(p, Fate.RUN, null, null, false, payloadFormat));
            if (used[DROPS] < budget[DROPS]) {
                out.add(new Choice(p, Fate.DROP, null, null, false, payloadFormat));
            }
            if (used[DUPLICATES] < budget[DUPLICATES]) {
                out.add(new Choice(p, Fate.DUPLICATE, null, null, false, payloadFormat));
            }
        }
        for (Address a : mayCrash) {
            if (sim.isCrashed(a)) {
                out.add(new Choice(null, null, null, a, false, payloadFormat));
            } else if (used[CRASHES] < budget[CRASHES]) {
                out.add(new Choice(null, null, a, null, false, payloadFormat));
            }
        }
        return out;
    }

    private static void apply(Simulation sim, Choice c) {
        if (c.crash() != null) {
            sim.crash(c.crash());
            sim.checkInvariants();
        } else if (c.restart() != null) {
            sim.restart(c.restart());
            sim.checkInvariants();
        } else {
            sim.runChosen(c.pending(), c.fate());
        }
    }

    static Explorer.Violation<Schedule> violation(Run run) {
        return new Explorer.Violation<>(run.violation(), run.schedule(), run.schedule().labels());
    }

    // ------------------------------------------------------------------ replay

    /**
     * Runs {@code schedule} again with the trace on and returns the simulation as it stopped: after a
     * violation its trace ends with the event that broke the invariant (write it with the demos'
     * {@code Diagrams}). Throws when the scenario offers other choices than the schedule recorded.
     */
    public Replay replay(Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        Run run = execute((depth, choices, sim, pending, used) -> {
            if (depth == schedule.length()) {
                return choices.isEmpty() ? 0 : -1; // the schedule ends here
            }
            Step s = schedule.steps().get(depth);
            if (s.index() >= choices.size() || !choices.get(s.index()).label().equals(s.label())) {
                throw new IllegalStateException("the scenario does not replay this schedule: step " + (depth + 1) + " is '" + s.label()
                        + "' but the scenario offers " + choices.stream().map(Choice::label).collect(Collectors.joining("; ", "[", "]")));
            }
            return s.index();
        }, schedule.length(), true);
        return new Replay(run.sim(), Optional.ofNullable(run.violation()));
    }
}
