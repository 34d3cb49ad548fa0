package dev.dbinternals.ch08.flp;

import java.util.List;

/**
 * What a consensus run produced, process by process: inputs, decisions ({@link Reaction#NONE}
 * when a process has not decided) and which processes crashed. The input of every property
 * checker in {@link ConsensusProperties}; built from an explored {@link Configuration} or from a
 * simulated run. Immutable.
 */
public record ConsensusOutcome(List<Integer> inputs, List<Integer> decisions, List<Boolean> crashed) {

    public ConsensusOutcome {
        inputs = List.copyOf(inputs);
        decisions = List.copyOf(decisions);
        crashed = List.copyOf(crashed);
        if (inputs.size() != decisions.size() || inputs.size() != crashed.size()) {
            throw new IllegalArgumentException("inputs, decisions and crashed must have one entry per process");
        }
    }

    public int n() {
        return inputs.size();
    }

    public boolean decided(int p) {
        return decisions.get(p) != Reaction.NONE;
    }

    public boolean correct(int p) {
        return !crashed.get(p);
    }
}
