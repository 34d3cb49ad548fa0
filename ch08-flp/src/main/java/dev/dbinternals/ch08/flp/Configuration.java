package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;

/**
 * A global state of the asynchronous system, in FLP's sense (a <em>configuration</em>, 구성):
 * the state of every process plus the messages in flight. Immutable; messages in flight are kept
 * sorted, so two configurations with the same contents are equal.
 */
public record Configuration(List<ProcessState> processes, List<Message> inFlight, int crashes) {

    public Configuration {
        processes = List.copyOf(processes);
        List<Message> sorted = new ArrayList<>(inFlight);
        sorted.sort(null);
        inFlight = List.copyOf(sorted);
    }

    public int n() {
        return processes.size();
    }

    public ProcessState process(int p) {
        return processes.get(p);
    }

    /** Inputs as a string of bits, process 0 first, e.g. {@code 011}. */
    public String inputs() {
        StringBuilder sb = new StringBuilder();
        processes.forEach(p -> sb.append(p.input()));
        return sb.toString();
    }

    /** Decisions, e.g. {@code 0_1} (underscore = undecided), with crashed processes marked {@code x}. */
    public String decisions() {
        StringBuilder sb = new StringBuilder();
        for (ProcessState p : processes) {
            sb.append(p.crashed() && !p.decided() ? "x" : p.decided() ? String.valueOf(p.decision()) : "_");
        }
        return sb.toString();
    }

    /** The consensus outcome of this configuration, for the property checkers. */
    public ConsensusOutcome outcome() {
        List<Integer> inputs = new ArrayList<>();
        List<Integer> decisions = new ArrayList<>();
        List<Boolean> crashed = new ArrayList<>();
        for (ProcessState p : processes) {
            inputs.add(p.input());
            decisions.add(p.decision());
            crashed.add(p.crashed());
        }
        return new ConsensusOutcome(inputs, decisions, crashed);
    }
}
