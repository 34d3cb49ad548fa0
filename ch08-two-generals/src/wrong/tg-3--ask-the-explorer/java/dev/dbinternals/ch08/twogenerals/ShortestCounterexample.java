// Wrong solution for tg-3: asks the harness Explorer for a state where the general attacks alone and reads the moves back from its path, instead of finding the run by reasoning.
package dev.dbinternals.ch08.twogenerals;

import java.util.ArrayList;
import java.util.List;

public final class ShortestCounterexample {

    private ShortestCounterexample() {
    }

    public static List<Move> forAckRounds(int k, General alone) {
        var result = new TwoGeneralsModel(new AckRounds(k)).explorer(Plan.ATTACK)
                .invariant("not alone", s -> !(s.decided() && s.decision(alone) == Decision.ATTACK
                        && s.decision(alone.other()) == Decision.RETREAT))
                .explore();
        if (result.violations().isEmpty()) {
            return List.of();
        }
        List<Move> moves = new ArrayList<>();
        for (Object step : result.violations().get(0).path()) {
            String[] words = step.toString().split(" "); // for example "deliver #1 A→B"
            moves.add(new Move(Integer.parseInt(words[1].substring(1)), General.valueOf(words[2].substring(0, 1)),
                    words[0].equals("deliver")));
        }
        return moves;
    }
}
