package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.sim.Trace;
import java.util.List;

/**
 * Exercise harness-2: a checker that reads a trace and reports every violation of two link
 * properties.
 *
 * <p>Book: Chapter 8, "Links" (링크): a perfect link guarantees <em>no creation</em> (every
 * delivered message was sent, by that sender to that receiver, with exactly those bytes) and
 * <em>no duplication</em> (each sent message is delivered at most once). The network of the
 * simulation breaks both on purpose (corruption, duplication), so a checker must catch them.
 *
 * <p>What must hold: one line per violation, in trace order. A delivery of a message that was
 * never sent, by that sender to that receiver with exactly those bytes, is a <em>creation</em>;
 * a delivery of a message that was already delivered once is a <em>duplication</em>. Each line
 * contains the word "creation" or "duplication" and the message id as {@code #<id>}
 * ({@link dev.dbinternals.ch08.harness.sim.TraceEvent} says what a trace event holds). Stateless
 * and thread-safe.
 */
public final class LinkChecker {
    private LinkChecker() {
    }

    /** One human-readable line per violation, in trace order; empty if both properties hold. */
    public static List<String> violations(Trace trace) {
        throw new NotDoneYet("harness-2", "ch08-harness/src/exercise/java/dev/dbinternals/ch08/harness/exercise/LinkChecker.java",
                "return one line per delivery that breaks no creation or no duplication (empty if both hold)",
                "생성 없음(no creation)이나 중복 없음(no duplication)을 어기는 전달마다 한 줄씩 반환하도록 구현하세요 (둘 다 성립하면 빈 목록).");
    }
}
