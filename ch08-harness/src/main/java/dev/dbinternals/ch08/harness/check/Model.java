package dev.dbinternals.ch08.harness.check;

import dev.dbinternals.ch08.harness.history.Operation;

/**
 * The sequential specification of an object: what one operation does to one state when
 * operations happen one at a time. A consistency checker searches for an order of a
 * concurrent history's operations that this specification accepts.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성) and "Concurrent Execution" (동시 수행):
 * a consistency model is defined against such a sequential specification.
 *
 * <p>States must be immutable values with {@code equals}/{@code hashCode} (the checker memoises
 * them) and never {@code null}. Implementations are stateless and thread-safe.
 *
 * @param <S> the state type
 */
public interface Model<S> {

    /** A short name for reports ({@code register}, {@code cas-register}, {@code counter}). */
    String name();

    /** The state before any operation. */
    S initial();

    /**
     * The state after {@code op} takes effect in {@code state}, or {@code null} if {@code op}
     * cannot happen there (a read of the wrong value, a CAS whose expected value is not current).
     * For a pending operation ({@link Operation#isPending()}), {@code op.value()} is the
     * invocation's argument and any result is acceptable.
     *
     * @throws IllegalArgumentException if this model has no such operation ({@code op.f()})
     */
    S step(S state, Operation op);

    /** True if {@code op} never changes the state: a pending one can then be dropped (it constrains nothing). */
    boolean isReadOnly(Operation op);

    /** The state as a reader would write it, for reports. */
    default String describe(S state) {
        return String.valueOf(state);
    }
}
