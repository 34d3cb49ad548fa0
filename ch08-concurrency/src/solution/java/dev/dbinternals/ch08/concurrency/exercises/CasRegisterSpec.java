package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.check.Model;
import dev.dbinternals.ch08.concurrency.check.Models.Value;
import dev.dbinternals.ch08.concurrency.history.Operation;
import java.util.List;
import java.util.Objects;

/** Exercise conc-3, solved. */
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
        switch (op.f()) {
            case "read":
                return op.isPending() || Objects.equals(state.value(), op.value()) ? state : null;
            case "write":
                return new Value(op.value());
            case "cas":
                List<?> pair = (List<?>) op.value();
                return Objects.equals(state.value(), pair.get(0)) ? new Value(pair.get(1)) : null;
            default:
                throw new IllegalArgumentException("a CAS register has no operation :" + op.f());
        }
    }

    @Override
    public boolean isReadOnly(Operation op) {
        return op.f().equals("read");
    }
}
