package dev.dbinternals.ch08.links.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties of the book's links, each as a checker over a finite history of
 * {@link LinkEvent}s.
 *
 * <p>Book: Chapter 8, Links (링크). Fair-loss link (공정 손실 링크): <em>fair loss</em>
 * (공정 손실), <em>finite duplication</em> (유한 중복), <em>no creation</em> (생성 없음).
 * Perfect link (퍼펙트 링크): <em>reliable delivery</em> (신뢰성 있는 전달), <em>no duplication</em>
 * (중복 없음), <em>no creation</em>; plus FIFO order (메시지 순서) for the FIFO perfect link
 * built here.
 *
 * <p>Note on the study notes: they state no creation, in paraphrase, as saying that a message
 * that was not sent can be delivered. That is backwards. No creation says a link delivers <em>only</em> messages that
 * were actually sent: every delivery of m from p to q is preceded by a send of m from p to q.
 *
 * <p>Properties about infinity ("sent infinitely often ⇒ delivered infinitely often") become
 * checkable on a finite trace by a threshold, stated on each method. Liveness properties
 * (fair loss, reliable delivery) should be checked only on a history that ran long enough
 * after every fault healed. Stateless and thread-safe.
 */
public final class LinkChecks {

    private LinkChecks() {
    }

    private record Key(Address from, Address to, String message) {
        @Override
        public String toString() {
            return message + " " + from + "->" + to;
        }
    }

    private static Key key(LinkEvent e) {
        return new Key(e.from(), e.to(), e.message());
    }

    /**
     * Fair loss (공정 손실): a message sent over and over is eventually delivered. Finite form:
     * every message sent at least {@code minSends} times was delivered at least once. Choose
     * {@code minSends} so that losing all of them by chance is negligible (at 50 % loss, 40 sends
     * are all lost with probability 10^-12).
     */
    public static CheckResult fairLoss(List<LinkEvent> history, int minSends) {
        Map<Key, long[]> counts = count(history);
        List<String> v = new ArrayList<>();
        counts.forEach((k, c) -> {
            if (c[0] >= minSends && c[1] == 0) {
                v.add(t(k + " sent " + c[0] + " times, never delivered", k + ": " + c[0] + "번 전송, 한 번도 전달되지 않음"));
            }
        });
        return new CheckResult("fair loss (공정 손실)", v);
    }

    /**
     * Finite duplication (유한 중복): a message sent a finite number of times is delivered a
     * finite number of times. Finite form: no message is delivered more than
     * {@code maxCopiesPerSend} times per send.
     */
    public static CheckResult finiteDuplication(List<LinkEvent> history, int maxCopiesPerSend) {
        Map<Key, long[]> counts = count(history);
        List<String> v = new ArrayList<>();
        counts.forEach((k, c) -> {
            if (c[1] > c[0] * (long) maxCopiesPerSend) {
                v.add(t(k + " sent " + c[0] + " times but delivered " + c[1] + " times", k + ": " + c[0] + "번 전송, " + c[1] + "번 전달"));
            }
        });
        return new CheckResult("finite duplication (유한 중복)", v);
    }

    /**
     * No creation (생성 없음): a link delivers only messages that were actually sent. Every
     * delivery of m from p to q must come after a send of m from p to q. (The study notes state
     * the opposite; this is the property the book means.)
     */
    public static CheckResult noCreation(List<LinkEvent> history) {
        Map<Key, Boolean> sent = new LinkedHashMap<>();
        List<String> v = new ArrayList<>();
        for (LinkEvent e : history) {
            Key k = key(e);
            if (e.kind() == LinkEvent.Kind.SEND) {
                sent.put(k, Boolean.TRUE);
            } else if (!sent.containsKey(k)) {
                v.add(t(k + " delivered at " + e.timeNanos() + "ns but never sent before", k + ": " + e.timeNanos() + "ns에 전달됐지만 그 전에 전송된 적 없음"));
            }
        }
        return new CheckResult("no creation (생성 없음)", v);
    }

    /** Reliable delivery (신뢰성 있는 전달): every message sent was delivered. Check only after faults healed and the run went quiet. */
    public static CheckResult reliableDelivery(List<LinkEvent> history) {
        Map<Key, long[]> counts = count(history);
        List<String> v = new ArrayList<>();
        counts.forEach((k, c) -> {
            if (c[0] > 0 && c[1] == 0) {
                v.add(t(k + " sent but never delivered", k + ": 전송됐지만 전달되지 않음"));
            }
        });
        return new CheckResult("reliable delivery (신뢰성 있는 전달)", v);
    }

    /**
     * No duplication (중복 없음): no message is delivered more than once. A message is one
     * send: if an application sends the same text twice (say, after it restarted), two
     * deliveries of that text are two messages, not a duplicate; so the check is "delivered no
     * more often than sent".
     */
    public static CheckResult noDuplication(List<LinkEvent> history) {
        Map<Key, long[]> counts = count(history);
        List<String> v = new ArrayList<>();
        counts.forEach((k, c) -> {
            if (c[1] > Math.max(1, c[0])) {
                v.add(t(k + " delivered " + c[1] + " times" + (c[0] > 1 ? " but sent " + c[0] + " times" : ""),
                        k + ": " + c[1] + "번 전달" + (c[0] > 1 ? ", 전송은 " + c[0] + "번" : "")));
            }
        });
        return new CheckResult("no duplication (중복 없음)", v);
    }

    /**
     * FIFO order (메시지 순서): between each pair of processes, messages are delivered in the
     * order they were first sent.
     */
    public static CheckResult fifo(List<LinkEvent> history) {
        Map<Key, Long> sendIndex = new LinkedHashMap<>();
        Map<List<Address>, Long> nextIndex = new LinkedHashMap<>();
        Map<List<Address>, Long> lastDelivered = new LinkedHashMap<>();
        Map<List<Address>, String> lastName = new LinkedHashMap<>();
        Map<Key, Boolean> deliveredBefore = new LinkedHashMap<>();
        List<String> v = new ArrayList<>();
        for (LinkEvent e : history) {
            Key k = key(e);
            List<Address> pair = List.of(e.from(), e.to());
            if (e.kind() == LinkEvent.Kind.SEND) {
                if (!sendIndex.containsKey(k)) {
                    long i = nextIndex.merge(pair, 1L, Long::sum);
                    sendIndex.put(k, i);
                }
            } else {
                Long i = sendIndex.get(k);
                if (i == null || deliveredBefore.put(k, Boolean.TRUE) != null) {
                    continue; // created or duplicated: noCreation and noDuplication report those
                }
                Long last = lastDelivered.get(pair);
                if (last != null && i < last) {
                    v.add(t(k + " (sent as #" + i + ") delivered after " + lastName.get(pair) + " (sent as #" + last + ")",
                            k + "(#" + i + "번으로 전송): " + lastName.get(pair) + "(#" + last + "번으로 전송)보다 뒤에 전달됨"));
                } else {
                    lastDelivered.put(pair, i);
                    lastName.put(pair, e.message());
                }
            }
        }
        return new CheckResult("FIFO order (메시지 순서)", v);
    }

    /** Every perfect-link property at once: reliable delivery, no duplication, no creation, FIFO. */
    public static List<CheckResult> perfectLink(List<LinkEvent> history) {
        return List.of(reliableDelivery(history), noDuplication(history), noCreation(history), fifo(history));
    }

    /** The safety properties of a perfect link only (no liveness): for histories cut off during faults. */
    public static List<CheckResult> perfectLinkSafety(List<LinkEvent> history) {
        return List.of(noDuplication(history), noCreation(history), fifo(history));
    }

    /** Counts per message: [sends, deliveries], in first-seen order. */
    private static Map<Key, long[]> count(List<LinkEvent> history) {
        Map<Key, long[]> counts = new LinkedHashMap<>();
        for (LinkEvent e : history) {
            long[] c = counts.computeIfAbsent(key(e), k -> new long[2]);
            c[e.kind() == LinkEvent.Kind.SEND ? 0 : 1]++;
        }
        return counts;
    }
}
