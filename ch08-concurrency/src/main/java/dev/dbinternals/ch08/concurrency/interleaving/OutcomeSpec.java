package dev.dbinternals.ch08.concurrency.interleaving;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each final value of the counter means: the jcstress {@code @Outcome} annotations of
 * the model. Outcomes not declared get the default (FORBIDDEN unless said otherwise). Immutable
 * once built.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행), figure 8-1.
 */
public final class OutcomeSpec {

    record Grade(Expect expect, String description) {
    }

    private final Map<Integer, Grade> declared = new LinkedHashMap<>();
    private Grade otherwise = new Grade(Expect.FORBIDDEN, "not declared");

    private OutcomeSpec() {
    }

    public static OutcomeSpec create() {
        return new OutcomeSpec();
    }

    public OutcomeSpec expect(int outcome, Expect expect, String description) {
        declared.put(outcome, new Grade(Objects.requireNonNull(expect), Objects.requireNonNull(description)));
        return this;
    }

    public OutcomeSpec otherwise(Expect expect, String description) {
        otherwise = new Grade(expect, description);
        return this;
    }

    Map<Integer, Grade> declared() {
        return declared;
    }

    Grade grade(int outcome) {
        return declared.getOrDefault(outcome, otherwise);
    }

    /**
     * The racy counter: {@code threads × k} is right; fewer is a lost update. Below the proved
     * minimum nothing is reachable: 1 when k = 1, else 2 (a thread can load 0, stall until
     * every other thread is done but its last increment, store 1, and so on).
     */
    public static OutcomeSpec racyCounter(int threads, int k) {
        int expected = threads * k;
        int min = threads == 1 ? expected : (k == 1 ? 1 : 2);
        OutcomeSpec spec = create().expect(expected, Expect.ACCEPTABLE, t("every increment counted", "모든 증가가 반영됨"));
        for (int v = expected - 1; v >= min; v--) {
            int lost = expected - v;
            spec.expect(v, Expect.ACCEPTABLE_INTERESTING, t(lost + " lost update" + (lost == 1 ? "" : "s"), "갱신 손실 " + lost + "번"));
        }
        for (int v = min - 1; v >= 0; v--) {
            spec.expect(v, Expect.FORBIDDEN, v == 0 ? t("no increment at all", "증가가 하나도 없음") : t("below the model's minimum of " + min, "모델의 최솟값 " + min + "보다 작음"));
        }
        spec.expect(expected + 1, Expect.FORBIDDEN, t("an increment out of thin air", "어디서도 오지 않은 증가"));
        return spec.otherwise(Expect.FORBIDDEN, t("impossible", "불가능"));
    }

    /** A fixed counter (lock, CAS loop, fetch-and-add): only {@code threads × k}. */
    public static OutcomeSpec exactCounter(int threads, int k) {
        int expected = threads * k;
        OutcomeSpec spec = create().expect(expected, Expect.ACCEPTABLE, t("every increment counted", "모든 증가가 반영됨"));
        for (int v = expected - 1; v >= 0; v--) {
            int lost = expected - v;
            spec.expect(v, Expect.FORBIDDEN, t(lost + " lost update" + (lost == 1 ? "" : "s"), "갱신 손실 " + lost + "번"));
        }
        spec.expect(expected + 1, Expect.FORBIDDEN, t("an increment out of thin air", "어디서도 오지 않은 증가"));
        return spec.otherwise(Expect.FORBIDDEN, t("impossible", "불가능"));
    }
}
