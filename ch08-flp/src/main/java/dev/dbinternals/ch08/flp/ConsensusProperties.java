package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.util.ArrayList;
import java.util.List;

/**
 * The three properties of consensus as checkers over a run's outcome.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). Stated precisely, because the
 * study notes get termination wrong:
 * <ul>
 *   <li><b>agreement</b> (일치성): no two processes decide different values. This is the uniform
 *       version: a process that decided and then crashed counts too;</li>
 *   <li><b>validity</b> (유효성): every decided value is the input of some process, so a protocol
 *       cannot just decide a fixed default. FLP's paper asks only for the weaker
 *       <em>non-triviality</em>: both 0 and 1 are decided in some run (from some initial
 *       configuration); its impossibility therefore covers this stronger validity too;</li>
 *   <li><b>termination</b> (종료): every <em>correct</em> process eventually decides. Crashed
 *       processes need not decide; requiring all processes to decide (as the notes do, in
 *       paraphrase) would make
 *       consensus impossible even in a synchronous system. Over a finite run, "eventually"
 *       means "by the end of a run that can go no further" (a terminal configuration, or a
 *       simulated run after every fault healed and the system went quiet).</li>
 * </ul>
 * Agreement and validity are safety properties (a violation is visible in a finite prefix);
 * termination is a liveness property. Stateless and thread-safe.
 */
public final class ConsensusProperties {

    private ConsensusProperties() {
    }

    /** The verdict of one checker: property name, whether it holds, and a sentence saying why not. */
    public record Check(String property, boolean holds, String detail) {
        @Override
        public String toString() {
            return label(property) + (holds ? t(": holds", ": 성립") : t(": VIOLATED, ", ": 위반, ") + detail);
        }

        private static String label(String property) {
            return switch (property) {
                case "agreement" -> t("agreement", "일치성");
                case "validity" -> t("validity", "유효성");
                case "termination" -> t("termination", "종료");
                default -> property;
            };
        }
    }

    public static Check agreement(ConsensusOutcome o) {
        int first = Reaction.NONE;
        int firstBy = -1;
        for (int p = 0; p < o.n(); p++) {
            if (!o.decided(p)) {
                continue;
            }
            if (first == Reaction.NONE) {
                first = o.decisions().get(p);
                firstBy = p;
            } else if (o.decisions().get(p) != first) {
                return new Check("agreement", false, t("p" + firstBy + " decided " + first + " but p" + p + " decided " + o.decisions().get(p),
                        "p" + firstBy + "는 " + first + "(으)로 결정했는데 p" + p + "는 " + o.decisions().get(p) + "(으)로 결정했다"));
            }
        }
        return new Check("agreement", true, "");
    }

    public static Check validity(ConsensusOutcome o) {
        for (int p = 0; p < o.n(); p++) {
            if (o.decided(p) && !o.inputs().contains(o.decisions().get(p))) {
                return new Check("validity", false, t("p" + p + " decided " + o.decisions().get(p) + " but the inputs are " + o.inputs(),
                        "p" + p + "는 " + o.decisions().get(p) + "(으)로 결정했지만 입력은 " + o.inputs() + "이다"));
            }
        }
        return new Check("validity", true, "");
    }

    /** Call only on a run that is over: otherwise "not yet" would be reported as "never". */
    public static Check termination(ConsensusOutcome o) {
        List<String> waiting = new ArrayList<>();
        for (int p = 0; p < o.n(); p++) {
            if (o.correct(p) && !o.decided(p)) {
                waiting.add("p" + p);
            }
        }
        return waiting.isEmpty()
                ? new Check("termination", true, "")
                : new Check("termination", false, t("correct process(es) " + String.join(", ", waiting) + " never decide",
                        "끝내 결정하지 않는 정상 프로세스: " + String.join(", ", waiting)));
    }

    /** All three, in the book's order. */
    public static List<Check> all(ConsensusOutcome o) {
        return List.of(agreement(o), validity(o), termination(o));
    }
}
