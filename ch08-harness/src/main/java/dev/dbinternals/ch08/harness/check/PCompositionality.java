package dev.dbinternals.ch08.harness.check;

import dev.dbinternals.ch08.harness.history.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Checking independent keys apart. Linearizability is <em>local</em> (Herlihy and Wing 1990): a
 * history of several objects is linearizable exactly when each object's sub-history is, and
 * P-compositionality (Horn and Kroening 2015) applies the same idea to the independent parts of
 * one object, such as the keys of a store. Sequential consistency has no such property, which is
 * why {@link SequentialConsistencyChecker} does not split.
 *
 * <p>Splitting changes no verdict ({@code PCompositionalityProperties} checks that) but changes the
 * cost: each key's search only sees that key's overlapping operations and that key's state, where
 * the whole history's search would see all of them at once (the README's benchmark table shows
 * 27–35× on linearizable histories, hundreds of times on violations).
 *
 * <p>Package-private: used by {@link LinearizabilityChecker}. Stateless.
 */
final class PCompositionality {

    private PCompositionality() {
    }

    /** Splits {@code operations} by key (in order of first appearance), checks each key with {@code checkOne}, combines. */
    static <S> CheckResult checkEachKey(List<Operation> operations, Model<S> model,
                                        BiFunction<Object, List<Operation>, CheckResult.KeyResult> checkOne) {
        Map<Object, List<Operation>> byKey = new LinkedHashMap<>();
        for (Operation op : operations) {
            byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
        }
        List<CheckResult.KeyResult> keys = new ArrayList<>();
        long configurations = 0;
        for (Map.Entry<Object, List<Operation>> e : byKey.entrySet()) {
            CheckResult.KeyResult r = checkOne.apply(e.getKey(), e.getValue());
            keys.add(r);
            configurations += r.configurations();
        }
        return new CheckResult("linearizable", model.name(), combine(keys), keys, operations.size(), configurations);
    }

    /** VIOLATED if any key is; otherwise UNKNOWN if any key is; otherwise OK. */
    static Verdict combine(List<CheckResult.KeyResult> keys) {
        if (keys.stream().anyMatch(k -> k.verdict() == Verdict.VIOLATED)) {
            return Verdict.VIOLATED;
        }
        return keys.stream().anyMatch(k -> k.verdict() == Verdict.UNKNOWN) ? Verdict.UNKNOWN : Verdict.OK;
    }
}
