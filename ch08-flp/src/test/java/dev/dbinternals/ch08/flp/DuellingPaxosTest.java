package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.flp.DuellingPaxos.Msg;
import dev.dbinternals.ch08.flp.DuellingPaxos.State;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuellingPaxosTest {

    private static final TimingModel PARTIAL_SYNC =
            TimingModel.partiallySynchronous(Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(15));

    @Test
    void shouldDecideInTheFirstBallotWhenTheOtherProposerStaysSilent() {
        // given the adversary's model; when only p0's messages and the replies to them are delivered
        var adversary = new FlpAdversary<>(new DuellingPaxos(), 1000);
        var c = adversary.initial("01000");
        for (int guard = 0; guard < 20 && adversary.decisions(c) == 0; guard++) {
            Msg next = c.buffer().stream().filter(m -> m.from() != 1 && m.to() != 1).findFirst().orElseThrow();
            c = adversary.deliver(c, next);
        }
        // then p0 decides its own input in ballot 1
        assertThat(c.processes().get(0).decision()).isZero();
        assertThat(c.processes().get(0).ballot()).isEqualTo(1);
    }

    @Test
    void shouldFindTheDuelAsAFairLassoWithoutCrashOrDecision() {
        var adversary = new FlpAdversary<>(new DuellingPaxos(), 3000);
        var result = adversary.build("01000", 100);

        var lasso = result.lasso().orElseThrow();
        var checks = adversary.check(lasso);
        assertThat(checks.closes()).isTrue();
        assertThat(checks.fair()).isTrue();
        assertThat(checks.stepsPerProcess()).hasSize(5).allSatisfy(k -> assertThat(k).isPositive());
        assertThat(checks.decided()).isZero();
        assertThat(checks.bivalent()).isEqualTo(checks.configurations());
        assertThat(lasso.roundShift()).isPositive().isEven();
    }

    @Test
    void shouldHaveBothProposersPrepareAndBeRefusedInEveryCycle() {
        var lasso = new FlpAdversary<>(new DuellingPaxos(), 3000).build("01000", 100).lasso().orElseThrow();
        List<Msg> cycle = lasso.cycleSteps();
        for (int proposer = 0; proposer < 2; proposer++) {
            int p = proposer;
            assertThat(cycle).as("p%d prepares in the cycle", p).anyMatch(m -> m.kind().equals("prepare") && m.from() == p);
            assertThat(cycle).as("p%d is refused in the cycle", p).anyMatch(m -> m.kind().equals("nack") && m.to() == p);
        }
    }

    @Test
    void shouldRenumberBallotsOnlyByEvenAmountsSoOwnershipStays() {
        assertThat(DuellingPaxos.nextBallot(0, 4)).isEqualTo(5);
        assertThat(DuellingPaxos.nextBallot(1, 4)).isEqualTo(6);
        assertThat(DuellingPaxos.nextBallot(0, -3)).isEqualTo(-1);
        assertThat(new DuellingPaxos().shiftUnit()).isEqualTo(2);
        State acceptor = new DuellingPaxos().start(2, 0).next();
        assertThat(new DuellingPaxos().shifted(acceptor, 2).ballot()).isEqualTo(DuellingPaxos.NONE);
    }

    @Test
    void shouldStaySafeAndDecideWithRandomisedBackoffInPartiallySynchronousRuns() {
        Seeds.check("Paxos with randomised backoff, partial synchrony", 200, seed -> {
            var run = PaxosBackoff.run(seed, PARTIAL_SYNC, Demo07DuellingProposers.BACKOFF_BASE, Duration.ofSeconds(60));
            assertThat(run.safe()).as("agreement and validity: decisions %s", run.decisions()).isTrue();
            assertThat(run.decided()).as("a decision within 60 s of virtual time").isTrue();
            assertThat(run.ballots()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void shouldStaySafeAlsoWhenRetryingAtOnce() {
        Seeds.check("Paxos retrying at once, partial synchrony", 200, seed -> {
            var run = PaxosBackoff.run(seed, PARTIAL_SYNC, null, Duration.ofSeconds(60));
            assertThat(run.safe()).as("agreement and validity: decisions %s", run.decisions()).isTrue();
        });
    }

    @Test
    void shouldEncodeAndDecodeEveryMessageKind() {
        for (String kind : List.of("prepare", "promise", "accept", "accepted", "nack")) {
            Msg m = new Msg(1, 3, kind, 7, DuellingPaxos.NONE, 1);
            assertThat(PaxosBackoff.decode(PaxosBackoff.encode(m))).isEqualTo(m);
        }
    }
}
