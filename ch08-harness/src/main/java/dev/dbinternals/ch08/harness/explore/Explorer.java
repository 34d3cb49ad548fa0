package dev.dbinternals.ch08.harness.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Exhaustive, breadth-first exploration of every reachable state of a small system.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행) and "Network Partitions and Partial
 * Failures" (네트워크 파티션과 부분 장애): a test that samples schedules can only show that a bad
 * outcome <em>happened</em>; exploring every delivery order, every loss choice and every
 * interleaving <em>proves</em> that an outcome is unreachable in that model (the model, not the
 * code it abstracts, is what was checked). States must be immutable values
 * with {@code equals} and {@code hashCode} (records are ideal); the visited set relies on it.
 *
 * <p>Breadth-first order means the path reported to each state, and to each invariant
 * violation, is a shortest one. Not thread-safe; a finished {@link Result} is immutable.
 *
 * <pre>{@code
 * var result = Explorer.of(initial, s -> s.next())
 *         .invariant("at most one leader", s -> s.leaders() <= 1)
 *         .explore();
 * }</pre>
 *
 * @param <S> the state type
 */
public final class Explorer<S> {

    /** One step from a state: a label saying what happened ("T1 load", "deliver ack") and the state it leads to. */
    public record Transition<S>(String label, S target) {
        public Transition {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(target, "target");
        }
    }

    /** An invariant that failed in {@code state}, with the shortest path from the initial state. */
    public record Violation<S>(String invariant, S state, List<String> path) {
    }

    private record Invariant<S>(String name, Predicate<? super S> holds) {
    }

    private final S initial;
    private final Function<? super S, ? extends List<Transition<S>>> next;
    private final List<Invariant<S>> invariants = new ArrayList<>();
    private boolean stopAtFirstViolation;
    private int maxStates = 5_000_000;

    private Explorer(S initial, Function<? super S, ? extends List<Transition<S>>> next) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.next = Objects.requireNonNull(next, "next");
    }

    /** Explores from {@code initial}, asking {@code next} for the transitions enabled in each state. */
    public static <S> Explorer<S> of(S initial, Function<? super S, ? extends List<Transition<S>>> next) {
        return new Explorer<>(initial, next);
    }

    /** Checks {@code holds} in every reachable state; a failure is reported with its shortest path. */
    public Explorer<S> invariant(String name, Predicate<? super S> holds) {
        invariants.add(new Invariant<>(Objects.requireNonNull(name), Objects.requireNonNull(holds)));
        return this;
    }

    /**
     * Stops the search at the first state that breaks an invariant, instead of exploring every
     * reachable state: faster when only a counterexample is wanted. The result is then partial:
     * {@link Result#isComplete} is false, states found but not yet expanded are not terminal, and
     * executions cannot be counted.
     */
    public Explorer<S> stopAtFirstViolation() {
        this.stopAtFirstViolation = true;
        return this;
    }

    /** Gives up (with {@link StateSpaceTooLargeException}) past this many states; default 5,000,000. */
    public Explorer<S> withMaxStates(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxStates must be at least 1, got " + limit);
        }
        this.maxStates = limit;
        return this;
    }

    /** Runs the breadth-first search. */
    public Result<S> explore() {
        List<S> states = new ArrayList<>();
        Map<S, Integer> ids = new HashMap<>();
        List<int[]> successors = new ArrayList<>();
        List<Integer> parent = new ArrayList<>();
        List<String> parentLabel = new ArrayList<>();
        List<Violation<S>> violations = new ArrayList<>();
        long transitions = 0;

        ids.put(initial, 0);
        states.add(initial);
        parent.add(-1);
        parentLabel.add(null);
        ArrayDeque<Integer> frontier = new ArrayDeque<>();
        frontier.add(0);
        while (!frontier.isEmpty()) {
            int id = frontier.poll();
            S state = states.get(id);
            for (Invariant<S> inv : invariants) {
                if (!inv.holds().test(state)) {
                    violations.add(new Violation<>(inv.name(), state, path(id, parent, parentLabel)));
                }
            }
            if (stopAtFirstViolation && !violations.isEmpty()) {
                break; // this state and the frontier stay unexpanded: the result says it is partial
            }
            List<Transition<S>> out = next.apply(state);
            int[] succ = new int[out.size()];
            for (int i = 0; i < out.size(); i++) {
                Transition<S> t = out.get(i);
                transitions++;
                Integer known = ids.get(t.target());
                if (known == null) {
                    if (states.size() >= maxStates) {
                        throw new StateSpaceTooLargeException(maxStates);
                    }
                    known = states.size();
                    ids.put(t.target(), known);
                    states.add(t.target());
                    parent.add(id);
                    parentLabel.add(t.label());
                    frontier.add(known);
                }
                succ[i] = known;
            }
            // states are numbered in BFS order, so successors.get(id) lines up with id
            successors.add(succ);
        }
        return new Result<>(states, successors, parent, parentLabel, violations, transitions);
    }

    private static List<String> path(int id, List<Integer> parent, List<String> parentLabel) {
        List<String> steps = new ArrayList<>();
        for (int at = id; parent.get(at) >= 0; at = parent.get(at)) {
            steps.add(parentLabel.get(at));
        }
        Collections.reverse(steps);
        return List.copyOf(steps);
    }

    /** Thrown when the state space exceeds the configured limit: shrink the model or raise the limit. */
    public static final class StateSpaceTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StateSpaceTooLargeException(int limit) {
            super("more than " + limit + " reachable states: shrink the model or raise withMaxStates(...)");
        }
    }

    /**
     * What an exploration found: every reachable state, the transition graph, and the
     * invariant violations with their shortest paths. Immutable.
     */
    public static final class Result<S> {
        private final List<S> states;
        private final List<int[]> successors;
        private final List<Integer> parent;
        private final List<String> parentLabel;
        private final List<Violation<S>> violations;
        private final long transitions;

        Result(List<S> states, List<int[]> successors, List<Integer> parent,
               List<String> parentLabel, List<Violation<S>> violations, long transitions) {
            this.states = List.copyOf(states);
            this.successors = successors;
            this.parent = parent;
            this.parentLabel = parentLabel;
            this.violations = List.copyOf(violations);
            this.transitions = transitions;
        }

        /** Number of distinct reachable states. */
        public int stateCount() {
            return states.size();
        }

        /** Number of transitions taken (edges of the state graph, counting each from every state). */
        public long transitionCount() {
            return transitions;
        }

        /**
         * Whether every reachable state was found and expanded. Only {@link #stopAtFirstViolation}
         * leaves a result partial; a state space over the limit throws
         * {@link StateSpaceTooLargeException} instead of returning part of it.
         */
        public boolean isComplete() {
            return successors.size() == states.size();
        }

        /** Every reachable state, in breadth-first order (the initial state first). */
        public List<S> states() {
            return states;
        }

        /**
         * Reachable states with no enabled transition: where every run ends. In a partial result
         * only the states that were expanded count: a state the search found but never expanded
         * is not known to be terminal.
         */
        public List<S> terminalStates() {
            List<S> out = new ArrayList<>();
            for (int i = 0; i < successors.size(); i++) {
                if (successors.get(i).length == 0) {
                    out.add(states.get(i));
                }
            }
            return out;
        }

        /** Invariant violations, each with the shortest path that reaches it. */
        public List<Violation<S>> violations() {
            return violations;
        }

        /** True when some reachable state satisfies {@code p}. */
        public boolean anyReachable(Predicate<? super S> p) {
            return states.stream().anyMatch(p);
        }

        /** The labels of a shortest path from the initial state to {@code state}; empty for the initial state. */
        public List<String> shortestPathTo(S state) {
            int id = states.indexOf(state);
            if (id < 0) {
                throw new IllegalArgumentException("not a reachable state: " + state);
            }
            return path(id, parent, parentLabel);
        }

        /**
         * Groups the terminal states by {@code outcome} and counts, for each outcome, the
         * number of distinct complete executions (paths from the initial state) that end in it,
         * with one shortest witness path. Needs an acyclic state graph: a model whose threads
         * can spin forever has infinitely many executions.
         *
         * @throws IllegalStateException if the graph has a cycle
         */
        public <O> Map<O, OutcomeCount> countExecutionsByOutcome(Function<? super S, ? extends O> outcome) {
            if (!isComplete()) {
                throw new IllegalStateException("the search stopped at the first violation, after expanding "
                        + successors.size() + " of " + states.size() + " states: executions of a partial graph cannot be counted"
                        + " (explore without stopAtFirstViolation() to count them)");
            }
            long[] paths = pathCounts();
            Map<O, long[]> counts = new LinkedHashMap<>();
            Map<O, Integer> witness = new LinkedHashMap<>();
            for (int i = 0; i < successors.size(); i++) {
                if (successors.get(i).length == 0) {
                    O o = outcome.apply(states.get(i));
                    counts.computeIfAbsent(o, k -> new long[1])[0] += paths[i];
                    witness.putIfAbsent(o, i);
                }
            }
            Map<O, OutcomeCount> out = new LinkedHashMap<>();
            counts.forEach((o, c) -> out.put(o, new OutcomeCount(c[0], path(witness.get(o), parent, parentLabel))));
            return Collections.unmodifiableMap(out);
        }

        /** Number of distinct executions from the initial state to each state (acyclic graphs only). */
        private long[] pathCounts() {
            int n = states.size();
            int[] indegree = new int[n];
            for (int[] succ : successors) {
                for (int t : succ) {
                    indegree[t]++;
                }
            }
            long[] paths = new long[n];
            paths[0] = 1;
            ArrayDeque<Integer> ready = new ArrayDeque<>();
            for (int i = 0; i < n; i++) {
                if (indegree[i] == 0) {
                    ready.add(i);
                }
            }
            int visited = 0;
            while (!ready.isEmpty()) {
                int s = ready.poll();
                visited++;
                for (int t : successors.get(s)) {
                    paths[t] = Math.addExact(paths[t], paths[s]);
                    if (--indegree[t] == 0) {
                        ready.add(t);
                    }
                }
            }
            if (visited != n) {
                throw new IllegalStateException("the state graph has a cycle: executions cannot be counted");
            }
            return paths;
        }
    }

    /** How many complete executions end in one outcome, and a shortest one of them. */
    public record OutcomeCount(long executions, List<String> witness) {
    }
}
