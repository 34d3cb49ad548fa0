package dev.dbinternals.ch08.cascading.backoff;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.random.RandomGenerator;

/**
 * Exercise cascading-1: full jitter (지터) by hand, for a request that has a deadline.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애): backoff (백오프) spaces a client's
 * retries out, and jitter keeps clients that failed together from retrying together. Full jitter:
 * the wait before retry n is uniformly random over the whole window [0, min(cap, base · 2^(n−1))].
 * A request that must be answered by a deadline also never waits past it: when less time is left
 * than the window, the wait is uniform over [0, time left] instead, and with no time left there
 * is no retry. The exercise's client (cascading-7) needs exactly this.
 *
 * <p>Use only {@code random} (the client's seeded generator), never your own.
 */
public final class JitterByHand {

    private static final String FILE = "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/backoff/JitterByHand.java";

    private JitterByHand() {
    }

    /**
     * The wait before retry {@code retry} (1 = the first retry), in nanoseconds, or −1 when
     * {@code timeLeftNanos <= 0} (give up: the deadline has passed).
     *
     * @throws IllegalArgumentException if retry &lt; 1, base &lt;= 0 or cap &lt; base
     */
    public static long fullJitterNanos(long baseNanos, long capNanos, int retry, long timeLeftNanos, RandomGenerator random) {
        throw new NotDoneYet("cascading-1", FILE,
                "return a wait uniformly spread over the whole window of this retry, never past the time left (-1 if none is left)",
                "이번 재시도의 창 전체에 고르게 퍼진 대기 시간을 돌려주되, 남은 시간을 넘지 않게 하세요(남은 시간이 없으면 -1).");
    }
}
