package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.lang.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentences of demos 6 and 7 that state a result follow the result: fed the opposite outcome, they say the opposite. */
class Demo06And07NarrationTest {

    private static FlpAdversary.Checks<String> checks(boolean closes, List<Integer> steps, List<String> undelivered, int decided) {
        return new FlpAdversary.Checks<>(closes, steps, List.of("m"), undelivered, 10, 10, decided);
    }

    @Test
    void shouldClaimTheNeverDecidingRunOnlyWhenEveryCheckPassed() {
        assertThat(Demo06NeverDecides.conclusion("110", checks(true, List.of(1, 1, 1), List.of(), 0)))
                .contains("an admissible run exists").contains("110");

        String open = Demo06NeverDecides.conclusion("110", checks(false, List.of(1, 1, 1), List.of(), 0));
        assertThat(open).doesNotContain("an admissible run exists").contains("does not close");
        String unfair = Demo06NeverDecides.conclusion("110", checks(true, List.of(1, 0, 1), List.of(), 0));
        assertThat(unfair).doesNotContain("an admissible run exists").contains("not fair");
        String undelivered = Demo06NeverDecides.conclusion("110", checks(true, List.of(1, 1, 1), List.of("m"), 0));
        assertThat(undelivered).doesNotContain("an admissible run exists").contains("not fair");
        String decided = Demo06NeverDecides.conclusion("110", checks(true, List.of(1, 1, 1), List.of(), 3));
        assertThat(decided).doesNotContain("an admissible run exists").contains("3 configurations hold a decision");
    }

    @Test
    void shouldSayWhoDecidedAtTheEndOfTheCycleFromTheDecisions() {
        assertThat(Demo06NeverDecides.decidedAtEnd(0)).isEqualTo("nobody has decided");
        assertThat(Demo06NeverDecides.decidedAtEnd(1)).contains("decided 0");
        assertThat(Demo06NeverDecides.decidedAtEnd(2)).contains("decided 1");
        assertThat(Demo06NeverDecides.decidedAtEnd(3)).contains("0 and 1");
    }

    @Test
    void shouldCallTheCycleADuelOnlyWhenNoBallotGotAQuorumAndNameTheCauseFromTheRefusals() {
        String duel = Demo07DuellingProposers.duel(1, 4, 4);
        assertThat(duel).startsWith("No ballot got").contains("Each of the 4 refused accepts");

        String quorum = Demo07DuellingProposers.duel(DuellingPaxos.QUORUM, 0, 0);
        assertThat(quorum).doesNotContain("No ballot got").contains("not a duel");
        String otherCause = Demo07DuellingProposers.duel(1, 4, 1);
        assertThat(otherCause).startsWith("No ballot got").doesNotContain("Each of").contains("Of the 4 refused accepts, 1");
    }

    @Test
    void shouldSayTheDelaysKeptOffTheSchedulesOnlyWhenEveryRunDecided() {
        assertThat(Demo07DuellingProposers.delays(List.of(50, 50), 50)).contains("did not keep to it");

        String some = Demo07DuellingProposers.delays(List.of(48, 50), 50);
        assertThat(some).doesNotContain("did not keep to it").contains("2 of the 100 simulated runs did not decide");
    }

    @Test
    void shouldReadTheProposerFromTheBallotsParity() {
        assertThat(Demo07DuellingProposers.proposerOf(DuellingPaxos.nextBallot(0, 4))).isZero();
        assertThat(Demo07DuellingProposers.proposerOf(DuellingPaxos.nextBallot(1, 4))).isEqualTo(1);
    }

    @Test
    void shouldFollowTheResultInKoreanToo() {
        String before = System.getProperty(Lang.PROPERTY);
        Lang.use(Lang.KO);
        try {
            assertThat(Demo06NeverDecides.conclusion("110", checks(true, List.of(1, 1, 1), List.of(), 0)))
                    .contains("허용 실행").contains("110");
            assertThat(Demo06NeverDecides.conclusion("110", checks(true, List.of(1, 1, 1), List.of(), 3)))
                    .doesNotContain("허용 실행").contains("구성 3개에 결정이 들어 있다");
            assertThat(Demo07DuellingProposers.duel(1, 4, 4)).startsWith("어느 투표 번호도").contains("거절된 accept 4개는 모두");
            assertThat(Demo07DuellingProposers.duel(DuellingPaxos.QUORUM, 0, 0)).contains("결투가 아니다");
            assertThat(Demo07DuellingProposers.delays(List.of(48, 50), 50)).contains("100개 중 2개");
        } finally {
            if (before == null) {
                System.clearProperty(Lang.PROPERTY);
            } else {
                System.setProperty(Lang.PROPERTY, before);
            }
        }
    }
}
