package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.check.Model;
import dev.dbinternals.ch08.concurrency.check.Models.Value;
import dev.dbinternals.ch08.concurrency.history.Operation;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise conc-3: the sequential specification of a compare-and-set register, for the checker.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). Operations ({@code op.f()}):
 * {@code "read"} (its {@code op.value()} is the value read: legal only if it equals the state,
 * but a pending read, {@code op.isPending()}, matches anything), {@code "write"} (value becomes
 * the state), {@code "cas"} (value is a {@code List} {@code [expected, new]}: legal only if
 * {@code expected} equals the state; then the state becomes {@code new}). Return {@code null}
 * for an illegal step; throw {@code IllegalArgumentException} for an unknown {@code f}.
 */
public final class CasRegisterSpec implements Model<Value> {

    private final Object initial;

    public CasRegisterSpec(Object initial) {
        this.initial = initial;
    }

    @Override
    public String name() {
        return "cas-register";
    }

    @Override
    public Value initial() {
        return new Value(initial);
    }

    @Override
    public Value step(Value state, Operation op) {
        throw new NotDoneYet("conc-3", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/CasRegisterSpec.java",
                "return the state after op (read, write, cas [expected new]) or null if op cannot happen in state");
    }

    @Override
    public boolean isReadOnly(Operation op) {
        return op.f().equals("read");
    }
}
