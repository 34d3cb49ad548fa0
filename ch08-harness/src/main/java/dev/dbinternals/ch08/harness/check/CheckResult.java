package dev.dbinternals.ch08.harness.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.Edn;
import dev.dbinternals.ch08.harness.history.Operation;
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
     * @param coreStartStates for VIOLATED, the model states the core starts from when other operations were cut
     *                        off: after a cut at a quiet point, exactly the states the earlier ones can leave behind
     *                        (every order puts them first); after a cut while operations were in flight, a superset
     *                        of the states the core can meet (see {@code CoreShrinker}); empty when the core starts
     *                        from the model's initial state
     * @param coreSkipped     how many other operations were cut off that way (0 if none)
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
        sb.append(t(operations + " operations, model " + model + ": ", "연산 " + operations + "개, 모델 " + model + ": "));
        String upper = consistencyModel.toUpperCase(java.util.Locale.ROOT);
        String ko = consistencyModel.equals("linearizable") ? "선형성" : "순차 일관성";
        sb.append(switch (verdict) {
            case OK -> t(upper, upper + " (" + ko + " 만족)");
            case VIOLATED -> t("NOT " + upper, "NOT " + upper + " (" + ko + " 위반)");
            case UNKNOWN -> t("UNKNOWN (search budget exhausted)", "UNKNOWN (탐색 예산 소진)");
        });
        if (keys.size() > 1) {
            long bad = keys.stream().filter(k -> k.verdict() == Verdict.VIOLATED).count();
            sb.append(t(" (" + keys.size() + " independent keys checked separately, " + bad + " violated)",
                    " (독립 키 " + keys.size() + "개를 따로 검사, " + bad + "개 위반)"));
        }
        sb.append('\n');
        for (KeyResult k : keys) {
            String prefix = keys.size() > 1 || k.key() != null ? t("key ", "키 ") + Edn.write(k.key()) + ": " : "";
            if (k.verdict() == Verdict.OK) {
                if (keys.size() > 1 && verdict != Verdict.OK) {
                    continue;
                }
                sb.append("  ").append(prefix).append(t("witness order (" + k.witness().size() + " ops):\n",
                        "증거 순서 (연산 " + k.witness().size() + "개):\n"));
                int shown = 0;
                for (Operation op : k.witness()) {
                    if (shown++ == maxWitness) {
                        sb.append(t("    ... " + (k.witness().size() - maxWitness) + " more\n", "    ... 그 밖에 " + (k.witness().size() - maxWitness) + "개\n"));
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
                            sb.append(t("    ... " + (k.core().size() - 2 * maxWitness) + " more\n", "    ... 그 밖에 " + (k.core().size() - 2 * maxWitness) + "개\n"));
                        }
                        continue;
                    }
                    sb.append("    ").append(op.describe());
                    if (k.relaxed().contains(op.id())) {
                        sb.append(t("   (its completion is not needed for the contradiction)", "   (모순에는 이 연산의 완료가 필요 없다)"));
                    }
                    if (op.line() > 0) {
                        sb.append(t("   line " + op.line(), "   " + op.line() + "번째 줄"));
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
