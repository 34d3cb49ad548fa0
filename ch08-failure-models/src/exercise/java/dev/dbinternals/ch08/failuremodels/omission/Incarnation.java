package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise failures-4: an incarnation number (세대 번호) that makes a restart visible, so other
 * processes can tell "it crashed and came back" from "I did not hear from it for a while".
 *
 * <p>The exercise test builds a {@link WatchedProcess} with {@code Incarnation::next}
 * ({@link WatchedProcess#withIncarnations}): it calls {@link #next} once in {@code onStart} and
 * puts the number in every answer. The test restarts the process many times, sometimes right
 * after it started.
 */
public final class Incarnation {

    private Incarnation() {
    }

    /**
     * Returns a number strictly greater than every number this method returned before on this
     * disk, even if the process crashed at any moment after an earlier call returned.
     */
    public static long next(DurableStorage storage) {
        throw new NotDoneYet("failures-4", "ch08-failure-models/src/exercise/java/dev/dbinternals/ch08/failuremodels/omission/Incarnation.java",
                "make next() return a number larger than any it returned before on this disk, surviving crashes",
                "next()가 이 디스크에서 전에 돌려준 어떤 수보다도 큰 수를 돌려주고, 그 약속이 충돌 뒤에도 지켜지도록 구현하세요.");
    }
}
