package dev.dbinternals.ch08.harness.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The worked example: the ABD register is linearizable under the nemesis; without the read's write-back it is not. */
class ReplicatedRegisterTest {

    static final Duration ACTIVE = Duration.ofMillis(500);

    @Test
    void shouldStayLinearizableUnderTheNemesisForEverySeed() {
        int[] faults = {0};
        int[] timeouts = {0};
        Seeds.check("ABD register, 3 replicas, 3 clients, Nemesis.random(seed)", 1000, seed -> {
            ReplicatedRegister.Run run = ReplicatedRegister.run(seed, false, 3, 10, ACTIVE);
            assertThat(run.result().verdict()).as("seed %d:%n%s", seed, run.result()).isEqualTo(Verdict.OK);
            assertThat(run.result().operations()).as("operations checked").isGreaterThanOrEqualTo(20);
            faults[0] += run.schedule().size();
            timeouts[0] += (int) run.history().events().stream().filter(e -> e.type().name().equals("INFO")).count();
        });
        // the runs were not all calm: the nemesis struck and operations timed out (and were checked as unknown)
        assertThat(faults[0]).as("faults planned over the seeds").isGreaterThan(1000);
        assertThat(timeouts[0]).as(":info outcomes over the seeds").isPositive();
    }

    @Test
    void shouldCatchTheReadThatSkipsItsWriteBackAndReplayItBySeed() {
        long found = -1;
        ReplicatedRegister.Run bad = null;
        for (long seed = 1; seed <= 300 && found < 0; seed++) {
            ReplicatedRegister.Run run = ReplicatedRegister.run(seed, true, 3, 10, ACTIVE);
            if (run.result().verdict() == Verdict.VIOLATED) {
                found = seed;
                bad = run;
            }
        }
        assertThat(found).as("a seed in 1..300 where the checker finds the buggy register not linearizable").isPositive();
        System.out.println("[register] without the write-back, seed " + found + " is not linearizable:\n" + bad.result());

        // the core is a read that returned a newer value than a read after it
        assertThat(bad.result().keys().get(0).core()).extracting(op -> op.f()).contains("read");
        // the same seed replays the same run; with the write-back, the same schedule is linearizable
        ReplicatedRegister.Run again = ReplicatedRegister.run(found, true, 3, 10, ACTIVE);
        assertThat(again.sim().trace().hash()).isEqualTo(bad.sim().trace().hash());
        assertThat(again.result().verdict()).isEqualTo(Verdict.VIOLATED);
        ReplicatedRegister.Run fixed = ReplicatedRegister.run(found, false, 3, 10, ACTIVE);
        assertThat(fixed.schedule()).isEqualTo(bad.schedule());
        assertThat(fixed.result().verdict()).isEqualTo(Verdict.OK);
    }
}
