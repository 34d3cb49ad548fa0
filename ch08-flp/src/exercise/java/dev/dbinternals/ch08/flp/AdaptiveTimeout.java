package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.time.Duration;

/**
 * Exercise flp-3: a timeout for partial synchrony (부분 동기, System Synchrony / 시스템 동기성).
 *
 * <p>After the Global Stabilization Time, message delays are bounded, but nobody knows the bound.
 * A failure detector that suspects a process after a fixed timeout keeps making false suspicions
 * if the timeout is below the bound. This one is told each false suspicion (a suspected process
 * turned out to be alive); whatever the bound, it must stop making them after a few. Not
 * thread-safe.
 */
public final class AdaptiveTimeout {

    private final Duration initial;

    public AdaptiveTimeout(Duration initial) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the initial timeout must be positive, got " + initial);
        }
        this.initial = initial;
    }

    /** The timeout to use now. */
    public Duration current() {
        throw new NotDoneYet("flp-3", "ch08-flp/src/exercise/java/dev/dbinternals/ch08/flp/AdaptiveTimeout.java",
                "return the current timeout (the initial one until the first false suspicion)",
                "현재 타임아웃을 반환하도록 구현하세요(첫 잘못된 의심 전까지는 초기값).");
    }

    /** A process suspected with the current timeout turned out to be alive. */
    public void onFalseSuspicion() {
        throw new NotDoneYet("flp-3", "ch08-flp/src/exercise/java/dev/dbinternals/ch08/flp/AdaptiveTimeout.java",
                "after a few false suspicions the timeout must exceed any unknown delay bound, even one of an hour",
                "잘못된 의심이 몇 번 있은 뒤에는 타임아웃이 알려지지 않은 어떤 지연 상한(한 시간이라도)보다 커지도록 구현하세요.");
    }
}
