package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomizedAttackTest {

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void shouldDisagreeWithProbabilityExactlyOneOverRAgainstTheWorstAdversary(int r) {
        var report = RandomizedOdds.exact(new RandomizedAttack(r));
        assertThat(report.keys()).isEqualTo(r);
        assertThat(report.worst().disagree()).as("disagreeing keys of %d under the worst pattern", r).isEqualTo(1);
        assertThat(report.worstDisagreement()).isCloseTo(1.0 / r, within(1e-12));
        // every pattern that captures something reaches it; the one that captures nothing disagrees never
        assertThat(report.worstPatterns()).isEqualTo((1L << r) - 1);
        assertThat(report.patterns().get(0).disagree()).isZero();
    }

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void shouldAttackForSureWithoutLossAndNeverOnRetreat(int r) {
        var report = RandomizedOdds.exact(new RandomizedAttack(r));
        assertThat(report.liveness()).isEqualTo(1.0);
        assertThat(report.validity()).isTrue();
    }

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 3, 5})
    void shouldLoseEverythingToAnAdversaryThatReadsTheKey(int r) {
        assertThat(RandomizedOdds.exact(new RandomizedAttack(r)).keyReadingAdversary()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void shouldClimbTheChainOneKeyPerRun(int r) {
        // given the runs α_r … α_0 (the first j messengers arrive)
        List<RandomizedOdds.ChainStep> chain = RandomizedOdds.chain(new RandomizedAttack(r));
        assertThat(chain).hasSize(r + 1);
        // then both attack for sure in α_r, B never in α_0, and in every other run the two differ by one key of r
        assertThat(chain.get(0).aAttacks()).isEqualTo(r);
        assertThat(chain.get(0).bAttacks()).isEqualTo(r);
        assertThat(chain.get(r).bAttacks()).isZero();
        for (var step : chain.subList(1, r + 1)) {
            assertThat(Math.abs(step.aAttacks() - step.bAttacks())).as("α_%d", step.arrived()).isEqualTo(1);
            assertThat(step.disagree()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepTheLowerBoundForEveryDeterministicProtocolOfC2AndEveryKeyRange() {
        // the chain argument: worst disagreement >= L / r, for any protocol in this model
        var cls = new OneBitProtocolClass(2);
        for (long code = 0; code < cls.size(); code++) {
            var report = RandomizedOdds.exact(asRandomized(cls.protocol(code)));
            if (report.validity()) {
                assertThat(2L * report.worst().disagree()).as("code %d", code).isGreaterThanOrEqualTo(report.patterns().get(0).bothAttack());
            }
        }
        for (int r = 1; r <= 5; r++) {
            for (int keys = 1; keys <= 3 * r; keys++) {
                var report = RandomizedOdds.exact(withKeys(new RandomizedAttack(r), keys));
                long l = report.patterns().get(0).bothAttack();
                long u = report.worst().disagree();
                assertThat((long) r * u).as("r=%d keys=%d: r·U >= L", r, keys).isGreaterThanOrEqualTo(l);
            }
        }
    }

    @Test
    void shouldEndEachSimulatedRunAsTheExactModelSaysForTheKeyItDrew() {
        int r = 4;
        var p = new RandomizedAttack(r);
        int lastLost = 1 << (r - 1);
        Seeds.check("randomized attack, last messenger captured, simulation = model", 200, seed -> {
            var o = RandomizedValley.run(p, Plan.ATTACK, lastLost, seed, true);
            var model = RandomizedOdds.run(p, Plan.ATTACK, o.key(), lastLost);
            assertThat(o.a()).isEqualTo(Decision.of(model.aAttacks()));
            assertThat(o.b()).isEqualTo(Decision.of(model.bAttacks()));
        });
    }

    @Test
    void shouldDisagreeInTheSimulationAboutOneRunInR() {
        // given r = 4 and the adversary that captures the last messenger, seeds 1..2000
        int disagree = RandomizedValley.disagreements(new RandomizedAttack(4), 1 << 3, 2000, 0);
        // then the rate is 1/4 within four standard errors (sqrt(0.25*0.75/2000) ≈ 0.0097)
        assertThat(disagree / 2000.0).isCloseTo(0.25, within(4 * 0.0097));
    }

    @Test
    void shouldNeverDisagreeInTheSimulationWhenNothingIsCaptured() {
        assertThat(RandomizedValley.disagreements(new RandomizedAttack(5), 0, 100, 0)).isZero();
    }

    static RandomizedRoundProtocol asRandomized(OneBitProtocol p) {
        return new RandomizedRoundProtocol() {
            @Override
            public int rounds() {
                return p.rounds();
            }

            @Override
            public int keys() {
                return 1;
            }

            @Override
            public String sendA(int round, Plan plan, int key, List<String> heard) {
                return p.send(round, plan, toHeard(heard)) ? "1" : "0";
            }

            @Override
            public String sendB(int round, List<String> heard) {
                return p.send(round, Plan.UNKNOWN, toHeard(heard)) ? "1" : "0";
            }

            @Override
            public boolean attacksA(Plan plan, int key, List<String> heard) {
                return p.attacks(General.A, plan, toHeard(heard));
            }

            @Override
            public boolean attacksB(List<String> heard) {
                return p.attacks(General.B, Plan.UNKNOWN, toHeard(heard));
            }
        };
    }

    private static List<Heard> toHeard(List<String> heard) {
        return heard.stream().map(h -> h.isEmpty() ? Heard.NOTHING : h.equals("1") ? Heard.ONE : Heard.ZERO).toList();
    }

    /** A's level under plan ATTACK, as in RandomizedAttack: 1, or one more than the highest level B reported. */
    private static int levelOfA(List<String> heard) {
        int level = 1;
        for (String m : heard) {
            int b = m.startsWith("level=") ? Integer.parseInt(m.substring("level=".length())) : 0;
            if (b >= 1) {
                level = Math.max(level, b + 1);
            }
        }
        return level;
    }

    /** {@code p}'s B side (RandomizedAttack's message format), and A drawing its key from 1..keys. */
    static RandomizedRoundProtocol withKeys(RandomizedRoundProtocol p, int keys) {
        return new RandomizedRoundProtocol() {
            @Override
            public int rounds() {
                return p.rounds();
            }

            @Override
            public int keys() {
                return keys;
            }

            @Override
            public String sendA(int round, Plan plan, int key, List<String> heard) {
                // RandomizedAttack's message with a key it would reject (it draws from 1..r only)
                return plan == Plan.ATTACK ? "ATTACK key=" + key + " level=" + levelOfA(heard) : "RETREAT";
            }

            @Override
            public String sendB(int round, List<String> heard) {
                return p.sendB(round, heard);
            }

            @Override
            public boolean attacksA(Plan plan, int key, List<String> heard) {
                return plan == Plan.ATTACK && levelOfA(heard) >= key;
            }

            @Override
            public boolean attacksB(List<String> heard) {
                return p.attacksB(heard);
            }
        };
    }
}
