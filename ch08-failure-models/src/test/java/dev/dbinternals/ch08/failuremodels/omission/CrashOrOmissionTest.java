package dev.dbinternals.ch08.failuremodels.omission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission.Fault;
import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission.Outcome;
import dev.dbinternals.ch08.failuremodels.omission.WatchedProcess.Memory;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Crash-recovery as an omission (충돌-복구 = 누락?): what the observer can tell")
class CrashOrOmissionTest {

    @Test
    void shouldGiveTheObserverTheSameViewOfACrashAsOfAPartitionWhenStateIsDurable() {
        Seeds.check("crash-or-omission/durable", 20, seed -> {
            Outcome crash = CrashOrOmission.run(Fault.CRASH_AND_RESTART, Memory.DURABLE, seed);
            Outcome cut = CrashOrOmission.run(Fault.PARTITION, Memory.DURABLE, seed);
            // the runs really are different...
            assertThat(crash.sim().trace().ofKind(Kind.CRASH)).hasSize(1);
            assertThat(cut.sim().trace().ofKind(Kind.CRASH)).isEmpty();
            // ...but not to the observer
            assertThat(crash.view()).as("observer's view of a crash vs a partition").isEqualTo(cut.view());
        });
    }

    @Test
    void shouldLetTheObserverTellACrashThatLostStateFromAPartition() {
        Seeds.check("crash-or-omission/volatile", 20, seed -> {
            Outcome crash = CrashOrOmission.run(Fault.CRASH_AND_RESTART, Memory.VOLATILE, seed);
            Outcome cut = CrashOrOmission.run(Fault.PARTITION, Memory.VOLATILE, seed);
            assertThat(crash.view()).as("the views differ").isNotEqualTo(cut.view());
            assertThat(crash.observer().regressions()).as("answers going backwards after the crash").isPositive();
            assertThat(cut.observer().regressions()).as("answers going backwards after the partition").isZero();
        });
    }
}
