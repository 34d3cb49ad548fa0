package dev.dbinternals.ch08.failuremodels.omission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission.Fault;
import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission.Outcome;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Wrong solutions this test rejects (each in {@code src/wrong/failures-4--<slug>}):
 * <ul>
 *   <li>{@code static-counter}: the number lives in a static field; it survives a simulated
 *       restart in one JVM, but not a real one
 *       ({@link #shouldHandOutALargerNumberInEveryNewProcessOnTheSameDisk});
 *   <li>{@code no-sync}: the number is put on the disk but never synced, so a crash loses it
 *       ({@link #shouldNeverHandOutTheSameNumberTwiceEvenIfTheProcessCrashesRightAfterStarting});
 *   <li>{@code sync-before-put}: the sync comes before the write it should make durable (the
 *       same test).
 * </ul>
 */
@Tag("exercise")
@DisplayName("failures-4: an incarnation number that tells a restart from a silence (Incarnation)")
class IncarnationExerciseTest {

    @Test
    void shouldGrowWithEveryRestartAndBeSeenByTheObserver() {
        // given P answering pings with its incarnation, restarted three times
        Simulation sim = new Simulation(1);
        Address p = sim.addNode("P", () -> WatchedProcess.withIncarnations(Incarnation::next));
        Address o = sim.addNode("observer", () -> new Observer(p, Duration.ofMillis(100)));
        for (int i = 1; i <= 3; i++) {
            sim.at(Duration.ofMillis(450L * i), () -> sim.restart(p));
        }
        // when the observer keeps pinging
        sim.runFor(Duration.ofSeconds(2));
        // then it saw every restart, and the counter never went backwards within an incarnation
        Observer obs = sim.node(o, Observer.class);
        assertThat(obs.restartsSeen()).as(t("restarts the observer noticed", "관찰자가 알아챈 재시작")).isEqualTo(3);
        assertThat(obs.regressions()).as(t("answers that went backwards", "뒤로 간 응답")).isZero();
        assertThat(sim.node(p, WatchedProcess.class).incarnation()).as(t("P's incarnation after 3 restarts", "재시작 3번 뒤 P의 세대 번호"))
                .isGreaterThan(obs.answers().get(0).incarnation());
    }

    @Test
    void shouldNeverHandOutTheSameNumberTwiceEvenIfTheProcessCrashesRightAfterStarting() {
        // given P restarted and crashed again 1 ms later, before anything else could sync its disk
        Simulation sim = new Simulation(2);
        Address p = sim.addNode("P", () -> WatchedProcess.withIncarnations(Incarnation::next));
        List<Long> seen = new ArrayList<>();
        sim.runFor(Duration.ofMillis(1));
        seen.add(sim.node(p, WatchedProcess.class).incarnation());
        for (int i = 0; i < 5; i++) {
            sim.crash(p);
            sim.runFor(Duration.ofMillis(1));
            sim.restart(p);
            sim.runFor(Duration.ofMillis(1));
            seen.add(sim.node(p, WatchedProcess.class).incarnation());
        }
        // then every life had its own, larger number
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).as(t("incarnations of successive lives: %s", "이어지는 생애들의 세대 번호: %s"), seen).isGreaterThan(seen.get(i - 1));
        }
    }

    @Test
    void shouldMakeACrashAndRestartDistinguishableFromAPartition() {
        Outcome crash = CrashOrOmission.run(Fault.CRASH_AND_RESTART, () -> WatchedProcess.withIncarnations(Incarnation::next), 3);
        Outcome cut = CrashOrOmission.run(Fault.PARTITION, () -> WatchedProcess.withIncarnations(Incarnation::next), 3);
        assertThat(crash.observer().restartsSeen()).as(t("restarts seen after the crash", "충돌 뒤 본 재시작")).isEqualTo(1);
        assertThat(cut.observer().restartsSeen()).as(t("restarts seen after the partition", "네트워크 파티션 뒤 본 재시작")).isZero();
        assertThat(crash.view()).as(t("the observer's views now differ", "이제 관찰자의 시점이 서로 다르다")).isNotEqualTo(cut.view());
    }

    /** A node that does nothing: the test drives its disk directly. */
    static final class Idle implements Node {
        @Override
        public void onMessage(dev.dbinternals.ch08.harness.Context ctx, Address from, byte[] message) {
        }
    }

    @Test
    void shouldHandOutALargerNumberInEveryNewProcessOnTheSameDisk() throws Exception {
        // given one disk; each "process" is Incarnation loaded afresh, as a new JVM would load it
        Simulation sim = new Simulation(3);
        Address p = sim.addNode("P", Idle::new);
        List<Long> seen = new ArrayList<>();
        for (int life = 0; life < 4; life++) {
            seen.add(nextInANewProcess(sim.storage(p)));
            sim.crash(p);
            sim.restart(p);
        }
        // then every process got a larger number than the one before it on this disk
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i) > seen.get(i - 1))
                    .as(t("a new process (the class loaded afresh, static fields gone) got %s after the previous one got %s on the same disk", "같은 디스크에서 앞 프로세스가 %2$s를 받은 뒤 새 프로세스(클래스를 새로 로드해 static 필드가 사라짐)가 %1$s를 받았다"),
                            seen.get(i), seen.get(i - 1)).isTrue();
        }
    }

    /** Calls {@code Incarnation.next} on a copy of the class loaded by a new class loader: nothing static survives. */
    private static long nextInAProcess(ClassLoader loader, DurableStorage disk) throws Exception {
        return (long) loader.loadClass(Incarnation.class.getName()).getMethod("next", DurableStorage.class).invoke(null, disk);
    }

    private static long nextInANewProcess(DurableStorage disk) throws Exception {
        URL classes = Incarnation.class.getProtectionDomain().getCodeSource().getLocation();
        String name = Incarnation.class.getName();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, Incarnation.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(name) && !n.startsWith(name + "$")) {
                    return super.loadClass(n, resolve);
                }
                synchronized (getClassLoadingLock(n)) {
                    Class<?> c = findLoadedClass(n);
                    return c != null ? c : findClass(n);
                }
            }
        }) {
            return nextInAProcess(fresh, disk);
        }
    }
}
