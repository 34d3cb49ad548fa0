package dev.dbinternals.ch08.concurrency.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.concurrency.remote.CounterClient.Strategy;
import dev.dbinternals.ch08.harness.sim.Seeds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("분산 시스템의 자원 공유: a counter reached only through a lossy network")
class RemoteCounterTest {

    @Test
    void shouldLoseUpdatesWithReadThenWrite() {
        // given 3 clients x 10 increments doing Get then Put over a lossy network
        var o = RemoteCounterScenario.of(Strategy.READ_THEN_WRITE, false, 1).run();

        // then fewer increments are counted than were acknowledged, and the history says so
        assertThat(o.finalValue()).isLessThan(o.acknowledged());
        assertThat(o.check().verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldCountRetriedIncrementsTwiceWithoutRequestIds() {
        var o = RemoteCounterScenario.of(Strategy.INCREMENT, false, 1).run();

        assertThat(o.finalValue()).isGreaterThan(o.acknowledged() + o.unknown());
        assertThat(o.check().verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldCountRetriedConditionalWritesTwiceWithoutRequestIds() {
        var o = RemoteCounterScenario.of(Strategy.CONDITIONAL_WRITE, false, 1).run();

        assertThat(o.finalValue()).isGreaterThan(o.acknowledged() + o.unknown());
    }

    @Test
    void shouldCountExactlyWithAConditionalWriteAndRequestIdsOnEverySeed() {
        Seeds.check("conditional write + request ids is exact", 30, seed -> {
            var o = RemoteCounterScenario.of(Strategy.CONDITIONAL_WRITE, true, seed).run();

            assertThat(o.unknown()).isZero();
            assertThat(o.finalValue()).isEqualTo(30);
            assertThat(o.check().verdict()).isEqualTo(Verdict.OK);
        });
    }

    @Test
    void shouldReplayTheSameRunFromTheSameSeed() {
        var first = RemoteCounterScenario.of(Strategy.READ_THEN_WRITE, false, 7).run();
        var second = RemoteCounterScenario.of(Strategy.READ_THEN_WRITE, false, 7).run();

        assertThat(second.simulation().trace().hash()).isEqualTo(first.simulation().trace().hash());
        assertThat(second.finalValue()).isEqualTo(first.finalValue());
    }
}
