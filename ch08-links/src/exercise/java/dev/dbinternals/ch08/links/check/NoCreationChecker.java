package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise links-6: the trace checker for <em>no creation</em> (생성 없음), where a message is
 * a sending, not a text.
 *
 * <p>Book: Chapter 8, Links → Fair-loss link (공정 손실 링크). No creation says a link
 * delivers only messages that were actually sent: if q delivers a message with sender p, then p
 * sent that message to q before. (The study notes, in paraphrase, say the opposite: that a
 * message that was not sent can be delivered; that is the mistake this checker would catch.)
 *
 * <p>A message is one sending: here the sender's identifier for it ({@code id}, a sequence
 * number, counted per sender and receiver) and what it carries ({@code payload}). Two messages
 * may carry the same text (two payments of 100), and a frame corrupted on the way may carry the
 * right id with another text. {@link LinkChecks#noCreation} names messages by their text alone,
 * so it misses that, and it does not say what kind of creation it found; this checker does both.
 *
 * <p>Over a history in time order, judge each {@code DELIVER} of ({@code from}, {@code to},
 * {@code id}, {@code payload}) by what {@code from} had sent to {@code to} <em>before</em> it:
 * <ul>
 *   <li>a send with the same id and payload: no violation (a duplicate delivery is not creation);</li>
 *   <li>otherwise, sends with that id and another payload: {@link Reason#ALTERED};</li>
 *   <li>otherwise, nothing with that id yet, but the same id and payload sent later:
 *       {@link Reason#BEFORE_SEND};</li>
 *   <li>otherwise: {@link Reason#NEVER_SENT}.</li>
 * </ul>
 * Return one {@link Violation} per violating delivery, in history order; an empty list when the
 * property holds.
 */
public final class NoCreationChecker {

    private NoCreationChecker() {
    }

    /** One event of the history: {@code from} sent, or {@code to} had delivered, message {@code id} carrying {@code payload}. */
    public record Event(LinkEvent.Kind kind, long timeNanos, Address from, Address to, long id, String payload) {
    }

    /** What kind of creation a delivery is. */
    public enum Reason {
        /** No message with this id and payload was ever sent from {@code from} to {@code to}: made up (a forger). */
        NEVER_SENT,
        /** The id was sent before, but with another payload: changed on the way (corruption past the checksum). */
        ALTERED,
        /** The same id and payload are sent, but only after this delivery: a history out of order. */
        BEFORE_SEND
    }

    /** A delivery that breaks no creation, and why. */
    public record Violation(Event delivery, Reason reason) {
    }

    public static List<Violation> violations(List<Event> history) {
        throw new NotDoneYet("links-6", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/check/NoCreationChecker.java",
                "make violations() judge every delivery by what its sender had sent to its receiver before it",
                "violations()가 모든 전달을, 그 전달 전에 해당 송신자가 해당 수신자에게 전송한 것에 비추어 판정하게 만드세요");
    }
}
