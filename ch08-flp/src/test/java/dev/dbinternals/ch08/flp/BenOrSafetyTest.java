package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.fail;

import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Local;
import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Msg;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BenOrWithoutCoin}'s safety claim, "keeps agreement and validity in every run", checked on
 * random schedules: every input, with nobody silent and with each process falling silent at a
 * random step (a crash: it takes no more steps; what it sent before still arrives). Also checks that
 * the unsafe variant fails the same check, so the check can fail.
 */
class BenOrSafetyTest {

    private static final int STEPS = 200;

    @Test
    void shouldKeepAgreementAndValidityInRandomRunsWithAndWithoutASilentProcess() {
        Seeds.check("Ben-Or without its coin: agreement and validity", 100, seed -> {
            String broken = brokenRun(new BenOrWithoutCoin(3), new Random(seed));
            if (broken != null) {
                fail(broken);
            }
        });
    }

    @Test
    void shouldCatchTheVariantThatDecidesOnOneProposal() {
        // the same check on the unsafe variant: it must find a broken run within a few seeds
        Random random = new Random(1);
        for (int i = 0; i < 300; i++) {
            if (brokenRun(BenOrWithoutCoin.decidingOnOneProposal(3), random) != null) {
                return;
            }
        }
        fail("300 rounds of random runs of BenOrDecidingOnOneProposal broke neither agreement nor validity");
    }

    /** One random run per input and silent process (or none); a description of the first broken one, or null. */
    private static String brokenRun(BenOrWithoutCoin protocol, Random random) {
        FlpAdversary<Local, Msg> adversary = new FlpAdversary<>(protocol, 100);
        int n = protocol.n();
        for (int bits = 0; bits < 1 << n; bits++) {
            StringBuilder in = new StringBuilder();
            for (int p = 0; p < n; p++) {
                in.append((bits >> p) & 1);
            }
            String inputs = in.toString();
            for (int silent = -1; silent < n; silent++) {
                int silentFrom = silent < 0 ? Integer.MAX_VALUE : random.nextInt(STEPS / 10);
                var c = adversary.initial(inputs);
                List<Msg> run = new ArrayList<>();
                for (int step = 0; step < STEPS; step++) {
                    int quiet = step >= silentFrom ? silent : -1;
                    List<Msg> next = c.buffer().stream().filter(m -> protocol.to(m) != quiet).toList();
                    if (next.isEmpty()) {
                        break;
                    }
                    Msg m = next.get(random.nextInt(next.size()));
                    c = adversary.deliver(c, m);
                    run.add(m);
                    String wrong = violation(protocol, inputs, c.processes());
                    if (wrong != null) {
                        return wrong + " (inputs " + inputs + (silent < 0 ? "" : ", p" + silent + " silent from step " + (silentFrom + 1))
                                + ") after: " + run;
                    }
                }
            }
        }
        return null;
    }

    private static String violation(BenOrWithoutCoin protocol, String inputs, List<Local> processes) {
        int seen = Reaction.NONE;
        for (int p = 0; p < processes.size(); p++) {
            int d = protocol.decision(processes.get(p));
            if (d == Reaction.NONE) {
                continue;
            }
            if (inputs.indexOf((char) ('0' + d)) < 0) {
                return "validity broken: p" + p + " decided " + d + ", which nobody proposed";
            }
            if (seen != Reaction.NONE && seen != d) {
                return "agreement broken: processes decided " + seen + " and " + d;
            }
            seen = d;
        }
        return null;
    }
}
