// Wrong solution for conc-3: it hands every step to the module's counter model.
package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.harness.check.Model;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.history.Operation;

/** Exercise conc-3. */
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
        return Models.counter(initial).step(state, op);
    }

    @Override
    public boolean isReadOnly(Operation op) {
        return op.f().equals("read");
    }
}
