package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * tg-5, graded against every loss pattern under both plans, and against the fewest disagreeing
 * runs of any valid, non-trivial protocol of C(3) (counted by enumerating the class; the count is
 * not printed). The wrong solutions kept as fixtures (src/wrong/tg-5--*) and the test that catches each:
 * <ul>
 *   <li>{@code attack-on-order}: A attacks on its plan, B on the order alone —
 *       {@link #shouldDisagreeInNoMoreRunsThanTheBestProtocolOfTheClass()};</li>
 *   <li>{@code never-attack}: no disagreement because nobody ever attacks —
 *       {@link #shouldKeepValidityAndNonTriviality()};</li>
 *   <li>{@code delegate}: the first valid, non-trivial protocol the module's enumeration finds —
 *       {@link #shouldDisagreeInNoMoreRunsThanTheBestProtocolOfTheClass()}.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("tg-5: a protocol of C(3) that loses as little as the class allows")
class YourOneBitProtocolExerciseTest {

    @Test
    void shouldKeepValidityAndNonTriviality() {
        var v = OneBitProtocolClass.check(new YourOneBitProtocol());
        assertThat(v.nonTriviality()).as("non-triviality: plan ATTACK, nothing captured, both attack").isTrue();
        assertThat(v.validity()).as("validity: plan RETREAT, nobody attacks in any of the 8 loss patterns").isTrue();
    }

    @Test
    void shouldDisagreeInNoMoreRunsThanTheBestProtocolOfTheClass() {
        // given the fewest disagreeing runs of any valid, non-trivial protocol in C(3), by enumeration
        int fewest = new OneBitProtocolClass(3).census().fewestDisagreements();

        // when your protocol (of C(3)) is run under both plans and all 8 loss patterns
        assertThat(new YourOneBitProtocol().rounds()).as("a protocol of C(3)").isEqualTo(3);
        var v = OneBitProtocolClass.check(new YourOneBitProtocol());

        // then it disagrees in that many runs (and, as the theorem says, in at least one)
        var runs = v.disagreeing().stream().map(OneBitProtocolClass.RoundRun::summary).toList();
        if (runs.size() > fewest) {
            fail("your protocol disagrees in " + runs.size() + " of the 16 runs: " + runs + "; another protocol of C(3)"
                    + " that keeps validity and non-triviality disagrees in fewer. For each of these runs, which"
                    + " general could have told it apart from the run without loss?");
        }
        assertThat(v.agreement()).as("the theorem: some run must disagree; yours never does, so check validity and"
                + " non-triviality again").isFalse();
    }
}
