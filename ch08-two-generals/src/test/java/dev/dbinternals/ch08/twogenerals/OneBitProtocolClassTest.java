package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OneBitProtocolClassTest {

    @Test
    void shouldDefineTheClassByItsTableBits() {
        // r = 1: A's bit (2 plans) + A's decision (2) + B's decision (3 views) = 7 bits
        assertThat(new OneBitProtocolClass(1).tableBits()).isEqualTo(7);
        // r = 2: + B's bit (3 views), A's decision now over 2·3 views = 14
        assertThat(new OneBitProtocolClass(2).tableBits()).isEqualTo(14);
        // r = 3: + A's second bit (6 views), B's decision over 9 views = 26
        assertThat(new OneBitProtocolClass(3).tableBits()).isEqualTo(26);
        assertThat(new OneBitProtocolClass(2).size()).isEqualTo(16_384);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldCountTheSameWithAndWithoutSymmetryPruning(int r) {
        var cls = new OneBitProtocolClass(r);
        var pruned = cls.census();
        var brute = cls.bruteForceCensus();
        assertThat(pruned.counts()).containsExactly(brute.counts());
        assertThat(brute.enumerated()).isEqualTo(cls.size());
        assertThat(pruned.enumerated()).isEqualTo(cls.size() >> r);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shouldFindNoProtocolThatKeepsAllThreeProperties(int r) {
        var census = new OneBitProtocolClass(r).census();
        long total = 0;
        for (long c : census.counts()) {
            total += c;
        }
        assertThat(total).isEqualTo(census.protocols());
        assertThat(census.keepingAgreement()).as("agreement alone is easy").isPositive();
        assertThat(census.keepingValidityAndNonTriviality()).as("validity and non-triviality together are easy").isPositive();
        assertThat(census.keepingAll()).as("the Two Generals' theorem for C(%d)", r).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldAgreeWithTheRunByRunCheckOnEveryProtocol(int r) {
        // given every protocol of C(r), checked run by run through the OneBitProtocol interface
        var cls = new OneBitProtocolClass(r);
        long[] counts = new long[8];
        for (long code = 0; code < cls.size(); code++) {
            var v = OneBitProtocolClass.check(cls.protocol(code));
            counts[(v.agreement() ? 4 : 0) | (v.validity() ? 2 : 0) | (v.nonTriviality() ? 1 : 0)]++;
        }
        // then the fast census counts the same
        assertThat(cls.census().counts()).containsExactly(counts);
    }

    @Test
    void shouldEndEveryChainInABrokenPropertyAndOnlyInADisagreementForUsefulValidProtocols() {
        var cls = new OneBitProtocolClass(2);
        int useful = 0;
        for (long code = 0; code < cls.size(); code++) {
            var p = cls.protocol(code);
            var v = OneBitProtocolClass.check(p);
            var chain = OneBitProtocolClass.chain(p);
            assertThat(chain.runs().size()).isLessThanOrEqualTo(cls.rounds() + 2);
            if (v.validity() && v.nonTriviality()) {
                useful++;
                assertThat(chain.broken()).isEqualTo("agreement");
                assertThat(v.disagreeing()).contains(chain.witness());
            }
            switch (chain.broken()) {
                case "agreement" -> assertThat(v.agreement()).isFalse();
                case "validity" -> assertThat(v.validity()).isFalse();
                default -> assertThat(v.nonTriviality()).isFalse();
            }
        }
        assertThat(useful).isEqualTo(cls.census().keepingValidityAndNonTriviality());
    }

    @Test
    void shouldRefuseRoundsItCannotEnumerate() {
        assertThatThrownBy(() -> new OneBitProtocolClass(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 3");
    }
}
