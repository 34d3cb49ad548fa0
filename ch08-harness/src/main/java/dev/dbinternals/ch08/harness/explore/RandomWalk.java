package dev.dbinternals.ch08.harness.explore;

import dev.dbinternals.ch08.harness.explore.ScheduleSearch.End;
import dev.dbinternals.ch08.harness.explore.ScheduleSearch.Result;
import dev.dbinternals.ch08.harness.explore.ScheduleSearch.Run;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A refinement of {@link ScheduleSearch}: instead of every schedule, {@code walks} random ones, each
 * choice drawn uniformly from those offered at its step, up to the search's depth bound (like the
 * "random" strategy of Coyote's systematic testing). It samples deep schedules that iterative deepening cannot reach, finds no
 * shortest schedule and proves nothing; the same seed gives the same walks.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애): a seeded
 * random schedule is replayable like any other.
 *
 * <pre>{@code
 * Result r = RandomWalk.run(search, 10_000, 42);
 * }</pre>
 *
 * <p>Stateless.
 */
public final class RandomWalk {

    private RandomWalk() {
    }

    /**
     * Runs up to {@code walks} random schedules of {@code search}'s scenario (each at most its depth
     * bound long) and stops at the first violation; the result's {@code depth} is that bound and
     * {@code exhaustive} is always false.
     */
    public static Result run(ScheduleSearch search, long walks, long seed) {
        if (walks < 1) {
            throw new IllegalArgumentException("the number of walks must be at least 1, got " + walks);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime(); // real time, only to report schedules per second
        for (long w = 1; w <= walks; w++) {
            Run run = search.execute((depth, choices, sim, pending, used) -> choices.isEmpty() ? 0 : random.nextInt(choices.size()),
                    search.maxDepth(), false);
            if (run.end() == End.VIOLATION) {
                return new Result(Optional.of(ScheduleSearch.violation(run)), w, search.maxDepth(), false, true, 0, System.nanoTime() - start);
            }
        }
        return new Result(Optional.empty(), walks, search.maxDepth(), false, true, 0, System.nanoTime() - start);
    }
}
