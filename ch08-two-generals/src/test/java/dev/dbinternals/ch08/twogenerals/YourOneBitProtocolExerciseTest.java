package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
        assertThat(v.disagreeing()).as("disagreeing runs: %s", v.disagreeing().stream().map(OneBitProtocolClass.RoundRun::summary).toList())
                .hasSize(fewest);
        assertThat(v.agreement()).isFalse();
    }
}
