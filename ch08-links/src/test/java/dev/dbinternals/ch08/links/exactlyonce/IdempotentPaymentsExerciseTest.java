package dev.dbinternals.ch08.links.exactlyonce;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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
        assertThat(retry).as(t("a retry gets the same receipt", "재시도는 같은 영수증을 받아요")).isEqualTo(first);
        assertThat(p.charged("alice")).as(t("alice is charged once", "alice는 한 번 청구돼요")).isEqualTo(500);
        assertThat(p.chargesApplied()).as(t("one charge applied for one key, however many retries", "재시도가 몇 번이든 키 하나에는 청구 한 건만 적용돼요")).isEqualTo(1);
    }

    @Test
    void shouldChargeTwiceForTwoDifferentKeys() {
        IdempotentPayments p = new IdempotentPayments();
        IdempotentPayments.Receipt a = p.charge("k1", "alice", 500);
        IdempotentPayments.Receipt b = p.charge("k2", "alice", 500);
        assertThat(a.transactionId()).as(t("two purchases, two transactions", "구매 두 건, 거래 두 건")).isNotEqualTo(b.transactionId());
        assertThat(p.charged("alice")).as(t("two keys are two charges: 500 + 500", "키 두 개는 청구 두 건이에요: 500 + 500")).isEqualTo(1000);
    }

    @Test
    void shouldRefuseAKeyReusedForADifferentCharge() {
        IdempotentPayments p = new IdempotentPayments();
        p.charge("k1", "alice", 500);
        assertThatThrownBy(() -> p.charge("k1", "alice", 700)).as(t("same key, different amount", "같은 키, 다른 금액"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.charge("k1", "bob", 500)).as(t("same key, different account", "같은 키, 다른 계정"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(p.charged("alice")).as(t("a refused reuse charges nothing: alice still 500", "거부된 재사용은 아무것도 청구하지 않아요: alice는 여전히 500")).isEqualTo(500);
        assertThat(p.charged("bob")).as(t("a refused reuse charges nothing: bob still 0", "거부된 재사용은 아무것도 청구하지 않아요: bob은 여전히 0")).isZero();
    }

    @Test
    void shouldSurviveAStormOfRetries() {
        IdempotentPayments p = new IdempotentPayments();
        for (int attempt = 0; attempt < 10; attempt++) {
            for (int order = 1; order <= 20; order++) {
                p.charge("order-" + order, "carol", 100);
            }
        }
        assertThat(p.chargesApplied()).as(t("20 orders retried 10 times each: 20 charges", "주문 20건을 각각 10번 재시도해도 청구는 20건이에요")).isEqualTo(20);
        assertThat(p.charged("carol")).as(t("20 orders of 100, each charged once", "100짜리 주문 20건, 각각 한 번씩 청구돼요")).isEqualTo(2000);
    }
}
