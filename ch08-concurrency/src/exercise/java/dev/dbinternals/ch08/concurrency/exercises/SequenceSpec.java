package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.harness.check.Model;
import dev.dbinternals.ch08.harness.history.Operation;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise conc-3: the sequential specification of a sequence, for the linearizability checker.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성) and "Shared State in a Distributed System"
 * (분산 시스템의 자원 공유): a sequence (an id generator, a remote counter) starts at {@code initial}.
 * Operations ({@code op.f()}): {@code "next"} adds 1 and returns the new number ({@code op.value()}),
 * {@code "read"} returns the current number. An operation whose client got no reply is pending
 * ({@code op.isPending()}; see {@link Model#step}). Return the state after {@code op}, or {@code null}
 * if {@code op} cannot have returned what it did in {@code state}; throw
 * {@code IllegalArgumentException} for any other {@code op.f()}.
 */
public final class SequenceSpec implements Model<Long> {

    private final long initial;

    public SequenceSpec(long initial) {
        this.initial = initial;
    }

    @Override
    public String name() {
        return "sequence";
    }

    @Override
    public Long initial() {
        return initial;
    }

    @Override
    public Long step(Long state, Operation op) {
        throw new NotDoneYet("conc-3", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/SequenceSpec.java",
                "return the state after op (next, read), or null if op cannot have returned its value in that state",
                "op(next, read)를 적용한 뒤의 상태를 돌려주고, 그 상태에서 op가 자기 값을 돌려줄 수 없었다면 null을 돌려주도록 구현하세요.");
    }

    @Override
    public boolean isReadOnly(Operation op) {
        return op.f().equals("read");
    }
}
