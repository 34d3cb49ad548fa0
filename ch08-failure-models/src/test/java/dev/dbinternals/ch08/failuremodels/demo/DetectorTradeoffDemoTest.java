package dev.dbinternals.ch08.failuremodels.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment.Config;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment.Result;
import dev.dbinternals.ch08.failuremodels.detectors.FailureDetector;
import dev.dbinternals.ch08.failuremodels.detectors.PhiAccrualDetector;
import dev.dbinternals.ch08.harness.demo.DemoList;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Demo 4 (detector-tradeoff): the phi detector's equivalent timeout is measured from the run")
class DetectorTradeoffDemoTest {

    @Test
    void shouldComputeThePhiDetectorsEquivalentTimeoutFromTheRunAndPrintThatValue() throws Exception {
        // given the demo's quick setting and its phi = 8 detector
        Config cfg = Demo04DetectorTradeoff.config(true);
        Supplier<FailureDetector> phi8 = Demo04DetectorTradeoff.detectors().get(8);
        assertThat(phi8.get().name()).isEqualTo("phi-accrual, threshold 8.0");
        // when measured over the demo's seeds 1..8
        Result r = DetectorExperiment.run(cfg, phi8, 1, 8);
        // then the timeout it acted like is measured, positive and finite, and past the shortest wait
        // its model allows (mean interval + 5.61 x the 20 ms floor; the mean interval is near 100 ms)
        assertThat(r.silenceAtSuspicionMillis()).as("suspicions measured").isNotEmpty();
        assertThat(r.medianSilenceAtSuspicionMillis()).as("median silence at suspicion, ms").isFinite().isPositive();
        assertThat(r.minSilenceAtSuspicionMillis()).as("shortest silence at suspicion, ms").isGreaterThan(150.0);
        assertThat(PhiAccrualDetector.standardDeviationsPastMean(8)).isCloseTo(5.612, within(1e-3));
        // and the demo prints exactly that computed line
        String printed = DemoList.runQuick(new DemoList.Demo("detector-tradeoff", Demo04DetectorTradeoff.class.getName(), ""),
                Path.of("target/demo-out/detector-tradeoff-test"));
        assertThat(printed).contains(Demo04DetectorTradeoff.equivalentTimeoutLine(r));
    }
}
