package dev.dbinternals.ch08.concurrency.check;

import dev.dbinternals.ch08.concurrency.history.Edn;
import dev.dbinternals.ch08.concurrency.history.Operation;
import java.util.List;

/**
 * The verdict of a consistency check over a whole history, with one {@link KeyResult} per
 * independent key (one in all when the history is not partitioned). Immutable.
 *
 * @param consistencyModel "linearizable" or "sequentially consistent"
 * @param model            the sequential specification's name
 * @param verdict          OK only if every key is OK; VIOLATED if any key is VIOLATED
 * @param keys             per key, in order of first appearance
 * @param operations       operations checked (after dropping {@code :fail}ed ones)
 * @param configurations   search configurations visited, summed over keys
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public record CheckResult(String consistencyModel, String model, Verdict verdict, List<KeyResult> keys, int operations,
                          long configurations) {

    /**
     * The result for one key.
     *
     * @param key          the independent key, or {@code null}
     * @param verdict      the verdict for this key
     * @param witness      for OK, a legal order (pending operations that never took effect are left out)
     * @param core         for VIOLATED, a small sub-history that is already impossible: see {@link LinearizabilityChecker}
     * @param relaxed      ids of core operations whose completion was not needed to make the core impossible (shown as "may have happened")
     * @param explanation  one or two sentences for the reader
     * @param configurations search configurations visited
     * @param coreStartStates for VIOLATED, the model states the core starts from when earlier operations were cut
     *                        off (every order puts them first; these are the states they can leave behind); empty
     *                        when the core starts from the model's initial state
     * @param coreSkipped     how many earlier operations were cut off that way (0 if none)
     */
    public record KeyResult(Object key, Verdict verdict, List<Operation> witness, List<Operation> core, List<Integer> relaxed,
                            String explanation, long configurations, List<Object> coreStartStates, int coreSkipped) {

        public KeyResult {
            coreStartStates = coreStartStates == null ? List.of() : List.copyOf(coreStartStates);
        }

        /** A result whose core (if any) starts from the model's initial state. */
        public KeyResult(Object key, Verdict verdict, List<Operation> witness, List<Operation> core, List<Integer> relaxed,
                         String explanation, long configurations) {
            this(key, verdict, witness, core, relaxed, explanation, configurations, List.of(), 0);
        }
    }

    public boolean isOk() {
        return verdict == Verdict.OK;
    }

    /** A report for people: the verdict, then a witness or a core per key. */
    public String render(int maxWitness) {
        StringBuilder sb = new StringBuilder();
        sb.append(operations).append(" operations, model ").append(model).append(": ");
        sb.append(switch (verdict) {
            case OK -> consistencyModel.toUpperCase(java.util.Locale.ROOT);
            case VIOLATED -> "NOT " + consistencyModel.toUpperCase(java.util.Locale.ROOT);
            case UNKNOWN -> "UNKNOWN (search budget exhausted)";
        });
        if (keys.size() > 1) {
            long bad = keys.stream().filter(k -> k.verdict() == Verdict.VIOLATED).count();
            sb.append(" (").append(keys.size()).append(" independent keys checked separately, ").append(bad).append(" violated)");
        }
        sb.append('\n');
        for (KeyResult k : keys) {
            String prefix = keys.size() > 1 || k.key() != null ? "key " + Edn.write(k.key()) + ": " : "";
            if (k.verdict() == Verdict.OK) {
                if (keys.size() > 1 && verdict != Verdict.OK) {
                    continue;
                }
                sb.append("  ").append(prefix).append("witness order (").append(k.witness().size()).append(" ops):\n");
                int shown = 0;
                for (Operation op : k.witness()) {
                    if (shown++ == maxWitness) {
                        sb.append("    ... ").append(k.witness().size() - maxWitness).append(" more\n");
                        break;
                    }
                    sb.append("    ").append(shown).append(". ").append(op.describe()).append('\n');
                }
            } else if (k.verdict() == Verdict.VIOLATED) {
                sb.append("  ").append(prefix).append(k.explanation()).append('\n');
                int i = 0;
                for (Operation op : k.core()) {
                    i++;
                    if (k.core().size() > 2 * maxWitness && i > maxWitness && i <= k.core().size() - maxWitness) {
                        if (i == maxWitness + 1) {
                            sb.append("    ... ").append(k.core().size() - 2 * maxWitness).append(" more\n");
                        }
                        continue;
                    }
                    sb.append("    ").append(op.describe());
                    if (k.relaxed().contains(op.id())) {
                        sb.append("   (its completion is not needed for the contradiction)");
                    }
                    if (op.line() > 0) {
                        sb.append("   line ").append(op.line());
                    }
                    sb.append('\n');
                }
            } else {
                sb.append("  ").append(prefix).append(k.explanation()).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render(20);
    }
}
