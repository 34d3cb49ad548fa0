// Wrong solution for links-4: the key alone identifies the charge, so a repeat with another amount or account is just a repeat.
package dev.dbinternals.ch08.links.exactlyonce;

import java.util.Map;
import java.util.TreeMap;

/**
 * Exercise links-4, a wrong solution (see the first line): idempotency keys for payments.
 */
public final class IdempotentPayments {

    public record Receipt(String transactionId, String account, long cents) {
    }

    private final Map<String, Receipt> byKey = new TreeMap<>();
    private final Map<String, Long> charged = new TreeMap<>();
    private int applied;

    public Receipt charge(String idempotencyKey, String account, long cents) {
        Receipt earlier = byKey.get(idempotencyKey);
        if (earlier != null) {
            if (false) {
                throw new IllegalArgumentException("idempotency key " + idempotencyKey + " was used for "
                        + earlier.account() + "/" + earlier.cents() + ", not " + account + "/" + cents);
            }
            return earlier;
        }
        applied++;
        charged.merge(account, cents, Long::sum);
        Receipt r = new Receipt("txn-" + applied, account, cents);
        byKey.put(idempotencyKey, r);
        return r;
    }

    public long charged(String account) {
        return charged.getOrDefault(account, 0L);
    }

    public int chargesApplied() {
        return applied;
    }
}
