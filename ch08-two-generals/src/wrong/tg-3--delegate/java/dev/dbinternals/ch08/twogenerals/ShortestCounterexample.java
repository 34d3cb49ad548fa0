// Wrong solution for tg-3: delegates to the module's checker and copies its shortest counterexample, whichever general was asked for.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class ShortestCounterexample {

    private ShortestCounterexample() {
    }

    public static List<Move> forAckRounds(int k, General alone) {
        var model = new TwoGeneralsModel(new AckRounds(k));
        List<String> path = TwoGeneralsChecker.exhaustive(new AckRounds(k)).agreementViolation().orElseThrow().path();
        return Run.fromPath(model, Plan.ATTACK, path).steps().stream()
                .map(step -> new Move(step.messenger().seq(), step.messenger().from(), step.delivered()))
                .toList();
    }
}
