package dev.dbinternals.ch08.cascading.processing;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise cascading-3. Wrong solutions these tests reject (kept under
 * {@code src/wrong/cascading-3--*}): a rate that grows by a percentage, multiplicatively
 * ({@code shouldAddTheSameAmountWhateverTheRate}); backing off by a fixed step, additively
 * ({@code shouldAddOnAcceptAndMultiplyOnRejectWithinBounds}); dropping to the minimum on every
 * rejection ({@code shouldAddOnAcceptAndMultiplyOnRejectWithinBounds}).
 */
@Tag("exercise")
@DisplayName("cascading-3: backpressure by reject-and-slow-down (AIMD)")
class AimdRateExerciseTest {

    @Test
    void shouldAddOnAcceptAndMultiplyOnRejectWithinBounds() {
        AimdRate r = new AimdRate(100, 10, 120, 5, 0.5);
        assertThat(r.ratePerSecond()).as(t("starts at the initial rate", "초기 속도에서 시작해야 해요")).isEqualTo(100.0);
        r.onAccepted();
        assertThat(r.ratePerSecond()).as(t("+5 per accepted", "수락마다 +5")).isEqualTo(105.0);
        for (int i = 0; i < 10; i++) {
            r.onAccepted();
        }
        assertThat(r.ratePerSecond()).as(t("never above max", "최대값을 넘지 않아야 해요")).isEqualTo(120.0);
        r.onRejected();
        assertThat(r.ratePerSecond()).as(t("x0.5 per rejection", "거부마다 x0.5")).isEqualTo(60.0);
        for (int i = 0; i < 10; i++) {
            r.onRejected();
        }
        assertThat(r.ratePerSecond()).as(t("never below min", "최소값 밑으로 내려가지 않아야 해요")).isEqualTo(10.0);
    }

    @Test
    void shouldAddTheSameAmountWhateverTheRate() {
        AimdRate low = new AimdRate(10, 1, 10_000, 5, 0.5);
        AimdRate high = new AimdRate(2_000, 1, 10_000, 5, 0.5);
        low.onAccepted();
        high.onAccepted();
        assertThat(low.ratePerSecond()).as(t("from 10/s, one accepted request with increase 5", "10/s에서 증가분 5로 요청 하나가 수락됨")).isEqualTo(15.0);
        assertThat(high.ratePerSecond()).as(t("from 2000/s, one accepted request with increase 5: additive increase adds"
                + " the same amount at any rate",
                "2000/s에서 증가분 5로 요청 하나가 수락됨: 덧셈 증가는 속도가 얼마든 같은 양을 더해요")).isEqualTo(2_005.0);
        high.onRejected();
        assertThat(high.ratePerSecond()).as(t("from 2005/s, one rejection with decrease 0.5", "2005/s에서 감소 계수 0.5로 거부 한 번")).isEqualTo(1_002.5);
    }

    @Test
    void shouldRejectOutOfRangeSettings() {
        assertThatThrownBy(() -> new AimdRate(100, 0, 200, 1, 0.5)).as(t("min 0", "최소값 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AimdRate(100, 10, 200, 1, 1.0)).as(t("decrease 1", "감소 계수 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AimdRate(300, 10, 200, 1, 0.5)).as(t("initial > max", "초기값 > 최대값")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSettleNearTheServiceRateWithFewRejectionsAndShortQueues() {
        // given a producer that starts at 3x what a 1000/s server with a queue of 20 can take
        QueueExperiment.Result r = QueueExperiment.run(1, new ServerNode.Config(20, Duration.ofMillis(1)),
                s -> LoadGenerator.Config.openLoop(s, 3000, Duration.ofSeconds(3))
                        .withRateController(() -> new AimdRate(3000, 50, 5000, 1, 0.9)),
                Duration.ofSeconds(2));
        // then it slows to about the service rate: the server stays busy, few requests are refused
        assertThat(r.throughputPerSecond()).as(t("served per second (service rate 1000)", "초당 처리 수(서비스 속도 1000)")).isGreaterThan(850);
        assertThat(r.rejectedFraction()).as(t("fraction of requests refused", "거부된 요청의 비율")).isLessThan(0.10);
        assertThat(r.p99()).as(t("p99 latency stays bounded by the 20-slot queue (~23 ms)", "p99 레이턴시는 20칸 큐로 묶여 있어야 해요(~23 ms)")).isLessThan(25_000_000L);
    }
}
