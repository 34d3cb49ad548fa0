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
 * <p>What to write: go through {@code trace.events()}; remember each SEND by its
 * {@code messageId()}; for each DELIVER check that a SEND with that id exists, from
 * {@code peer()} to {@code node()}, with the same {@code payload()}, and that the id was not
 * delivered before. Report one line per violation that contains the words "creation" or
 * "duplication" and the message id as {@code #<id>}. Stateless and thread-safe.
 */
public final class LinkChecker {
    private LinkChecker() {
    }

    /** One human-readable line per violation, in trace order; empty if both properties hold. */
    public static List<String> violations(Trace trace) {
        throw new NotDoneYet("harness-2", "ch08-harness/src/exercise/java/dev/dbinternals/ch08/harness/exercise/LinkChecker.java",
                "report every DELIVER without a matching SEND ('creation') and every second delivery of an id ('duplication')");
    }
}
