package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise links-6: the trace checker for <em>no creation</em> (생성 불가성).
 *
 * <p>Book: Chapter 8, Links → Fair-loss link (손실될 수 있는 링크). No creation says a link
 * delivers only messages that were actually sent. (The study notes, in paraphrase, say the
 * opposite: that a message that was not sent can be delivered; that is the mistake this checker
 * would catch.)
 * Over a history in time order, every {@code DELIVER} of message m from p to q must come after a
 * {@code SEND} of m from p to q. Return one line per violating delivery, naming the message
 * (an empty list when the property holds). Duplicated deliveries of a sent message are not
 * creation.
 */
public final class NoCreationChecker {

    private NoCreationChecker() {
    }

    public static List<String> violations(List<LinkEvent> history) {
        throw new NotDoneYet("links-6", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/NoCreationChecker.java",
                "make violations() report every delivery not preceded by a send of the same message between the same processes");
    }
}
