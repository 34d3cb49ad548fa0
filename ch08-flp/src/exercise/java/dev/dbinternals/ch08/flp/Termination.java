package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise flp-2: judge <b>termination</b> (종료) on a configuration of a run, finished or not.
 * The study notes say, in paraphrase, that consensus is valid only when all processes have
 * decided; that is not the property. And termination is a liveness property ("eventually"): a
 * configuration in which the run can still go on cannot show that it is broken.
 */
public final class Termination {

    private Termination() {
    }

    /** What one configuration says about termination. */
    public enum Verdict {
        /** Termination holds, whatever happens next. */
        HOLDS,
        /** The run can go no further and termination is broken: some process that had to decide never will. */
        VIOLATED,
        /** Not decided yet, and the run can still go on: too early to say. */
        NOT_YET
    }

    /** The verdict on termination in configuration {@code c}. */
    public static Verdict of(Configuration c) {
        throw new NotDoneYet("flp-2", "ch08-flp/src/exercise/java/dev/dbinternals/ch08/flp/Termination.java",
                "return the verdict on termination in this configuration (the README's exercise table has a hint for flp-2)",
                "이 구성에서 종료에 대한 판정을 반환하도록 구현하세요(README.ko.md의 연습 문제 표에 flp-2 힌트가 있어요).");
    }
}
