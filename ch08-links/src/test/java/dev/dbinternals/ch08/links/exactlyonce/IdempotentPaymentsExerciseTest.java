package dev.dbinternals.ch08.links.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-4. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-4--*}): a repeat answered with a new receipt ({@code --new-receipt});
 * a key reused for another amount or account taken as a repeat ({@code --trust-the-key});
 * deduplicating by account and amount instead of the key ({@code --dedup-by-content}).
 */
@Tag("exercise")
@DisplayName("links-4: idempotency keys for payments")
class IdempotentPaymentsExerciseTest {

    @Test
    void shouldChargeOnceWhenTheSameKeyIsRetried() {
        IdempotentPayments p = new IdempotentPayments();
        IdempotentPayments.Receipt first = p.charge("k1", "alice", 500);
        IdempotentPayments.Receipt retry = p.charge("k1", "alice", 500);
        assertThat(retry).as("a retry gets the same receipt").isEqualTo(first);
        assertThat(p.charged("alice")).as("alice is charged once").isEqualTo(500);
        assertThat(p.chargesApplied()).as("one charge applied for one key, however many retries").isEqualTo(1);
    }

    @Test
    void shouldChargeTwiceForTwoDifferentKeys() {
        IdempotentPayments p = new IdempotentPayments();
        IdempotentPayments.Receipt a = p.charge("k1", "alice", 500);
        IdempotentPayments.Receipt b = p.charge("k2", "alice", 500);
        assertThat(a.transactionId()).as("two purchases, two transactions").isNotEqualTo(b.transactionId());
        assertThat(p.charged("alice")).as("two keys are two charges: 500 + 500").isEqualTo(1000);
    }

    @Test
    void shouldRefuseAKeyReusedForADifferentCharge() {
        IdempotentPayments p = new IdempotentPayments();
        p.charge("k1", "alice", 500);
        assertThatThrownBy(() -> p.charge("k1", "alice", 700)).as("same key, different amount")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.charge("k1", "bob", 500)).as("same key, different account")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(p.charged("alice")).as("a refused reuse charges nothing: alice still 500").isEqualTo(500);
        assertThat(p.charged("bob")).as("a refused reuse charges nothing: bob still 0").isZero();
    }

    @Test
    void shouldSurviveAStormOfRetries() {
        IdempotentPayments p = new IdempotentPayments();
        for (int attempt = 0; attempt < 10; attempt++) {
            for (int order = 1; order <= 20; order++) {
                p.charge("order-" + order, "carol", 100);
            }
        }
        assertThat(p.chargesApplied()).as("20 orders retried 10 times each: 20 charges").isEqualTo(20);
        assertThat(p.charged("carol")).as("20 orders of 100, each charged once").isEqualTo(2000);
    }
}
