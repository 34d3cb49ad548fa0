package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.harness.check.Model;
import dev.dbinternals.ch08.harness.history.Operation;

/** Exercise conc-3, solved. */
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
        switch (op.f()) {
            case "next": {
                long next = state + 1;
                // no reply: it may have happened, and then it took the next number, whatever that was
                return op.isPending() || Long.valueOf(next).equals(op.value()) ? next : null;
            }
            case "read":
                return op.isPending() || state.equals(op.value()) ? state : null;
            default:
                throw new IllegalArgumentException("a sequence has no operation :" + op.f());
        }
    }

    @Override
    public boolean isReadOnly(Operation op) {
        return op.f().equals("read");
    }
}
