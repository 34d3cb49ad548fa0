package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.LocalClock;

/** A hand-driven {@link LocalClock} for unit tests: advance both clocks, or step the wall clock alone. */
final class FakeClock implements LocalClock {
    long wallMillis = 1_767_225_600_000L;
    long mono = 5_000_000_000L;

    FakeClock advanceMillis(long ms) {
        wallMillis += ms;
        mono += ms * 1_000_000L;
        return this;
    }

    FakeClock stepWallMillis(long ms) {
        wallMillis += ms;
        return this;
    }

    @Override
    public long wallMillis() {
        return wallMillis;
    }

    @Override
    public long monotonicNanos() {
        return mono;
    }
}
