package dev.dbinternals.ch08.links.exactlyonce;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise links-4: idempotency keys for payments (멱등성 키).
 *
 * <p>Book: Chapter 8, Links → Problem with retransmits (재전송 문제): a credit-card charge is not
 * idempotent, so a client retrying after a lost reply charges the customer twice. Make the
 * charge idempotent without changing what it means: the client sends the same
 * {@code idempotencyKey} with every attempt of one logical charge. The first request with a key
 * charges and returns a receipt; a repeat with the same key and the same account and amount
 * returns the <em>same</em> receipt and charges nothing; a repeat with the same key but a
 * different account or amount is a client bug: throw {@link IllegalArgumentException}.
 */
public final class IdempotentPayments {

    /** The result of a charge. */
    public record Receipt(String transactionId, String account, long cents) {
    }

    public Receipt charge(String idempotencyKey, String account, long cents) {
        throw new NotDoneYet("links-4", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exactlyonce/IdempotentPayments.java",
                "make charge() charge once per idempotency key, answer every repeat with the first receipt, and refuse a key reused for another charge",
                "charge()가 멱등 키마다 한 번만 청구하고, 반복 요청에는 모두 첫 영수증으로 답하고, 다른 청구에 다시 쓴 키는 거부하게 만드세요");
    }

    /** Total charged to {@code account}. */
    public long charged(String account) {
        throw new NotDoneYet("links-4", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exactlyonce/IdempotentPayments.java", "return the total charged to the account",
                "계정에 청구된 총액을 반환하세요");
    }

    /** Charges actually applied (repeats excluded). */
    public int chargesApplied() {
        throw new NotDoneYet("links-4", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exactlyonce/IdempotentPayments.java", "count the charges actually applied",
                "실제로 적용된 청구 건수를 세세요");
    }
}
