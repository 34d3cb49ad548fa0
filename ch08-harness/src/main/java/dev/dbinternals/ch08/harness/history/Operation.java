package dev.dbinternals.ch08.harness.history;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * An invocation paired with its completion: the unit a consistency checker orders.
 *
 * <p>An {@link Status#OK} operation took effect once, somewhere between {@code invokeIndex} and
 * {@code completeIndex}; a {@link Status#PENDING} one ({@code :info}, or never completed) may
 * have taken effect at any point after {@code invokeIndex}, or never. {@code :fail}ed
 * operations did not happen and are not operations here. Immutable.
 *
 * @param id            position among the history's operations (0-based, in invocation order)
 * @param process       the client process
 * @param f             the operation's name ({@code read}, {@code write}, {@code cas}, {@code add}, …)
 * @param value         for OK, the completion's value (a read's result); for PENDING, the invocation's
 * @param status        OK or PENDING
 * @param invokeIndex   index of the invocation event
 * @param completeIndex index of the completion, or {@link Long#MAX_VALUE} if pending
 * @param key           the independent key, or {@code null}
 * @param line          line of the invocation in the source file (0 if none)
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): the unit a consistency model orders.
 */
public record Operation(int id, long process, String f, Object value, Status status, long invokeIndex,
                        long completeIndex, Object key, int line) {

    /** How the operation ended, as far as the client knows. */
    public enum Status {
        OK, PENDING
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    /** True if this operation finished before {@code other} started: real-time order that a linearization must keep. */
    public boolean precedes(Operation other) {
        return completeIndex < other.invokeIndex;
    }

    /** The same operation, but with an unknown outcome (as if the client had got {@code :info}). */
    public Operation asPending() {
        return new Operation(id, process, f, value, Status.PENDING, invokeIndex, Long.MAX_VALUE, key, line);
    }

    /** A compact description: {@code p1 write 3 [4..9]}, {@code p0 read → 1 [2..3]}, {@code p2 cas [1 2] [5..?]}. */
    public String describe() {
        String v = Edn.write(value);
        String body = switch (f) {
            case "read" -> isPending() ? "read ?" : "read → " + v;
            default -> f + (value == null ? "" : " " + v);
        };
        String k = key == null ? "" : t("key ", "키 ") + Edn.write(key) + ": ";
        String span = "[" + invokeIndex + ".." + (isPending() ? "?" : String.valueOf(completeIndex)) + "]";
        return k + "p" + process + " " + body + (isPending() ? t(" (outcome unknown)", " (결과 모름)") : "") + " " + span;
    }

    @Override
    public String toString() {
        return describe();
    }
}
