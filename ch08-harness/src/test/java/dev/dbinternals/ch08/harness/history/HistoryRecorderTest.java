package dev.dbinternals.ch08.harness.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.harness.example.RegisterClient;
import dev.dbinternals.ch08.harness.example.RegisterReplica;
import dev.dbinternals.ch08.harness.example.ReplicatedRegister;
import dev.dbinternals.ch08.harness.history.HistoryEvent.Type;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recorder bound to a simulation: true times, trace notes, EDN that reads back, :info on timeouts. */
class HistoryRecorderTest {

    @Test
    void shouldStampEachEventWithTheSimulationsTrueTimeAndNoteItAtTheClient() {
        Simulation sim = new Simulation(1);
        Address c = sim.addNode("C0", () -> (ctx, from, m) -> { });
        HistoryRecorder history = new HistoryRecorder(sim);
        HistoryRecorder.Client p0 = history.client(0, c);
        sim.at(Duration.ofMillis(5), () -> p0.invoke("write", 3));
        sim.at(Duration.ofMillis(7), () -> p0.ok("write", 3));
        sim.at(Duration.ofMillis(9), () -> history.invoke(1, "read", null)); // a process with no node: a network-wide note
        sim.at(Duration.ofMillis(12), () -> history.ok(1, "read", 3));
        sim.runFor(Duration.ofMillis(20));

        assertThat(history.events()).extracting(HistoryEvent::time).containsExactly(5_000_000L, 7_000_000L, 9_000_000L, 12_000_000L);
        List<TraceEvent> notes = sim.trace().ofKind(Kind.NOTE);
        assertThat(notes).extracting(TraceEvent::detail).containsExactly("p0 :invoke :write 3", "p0 :ok :write 3", "p1 :invoke :read", "p1 :ok :read 3");
        assertThat(notes).extracting(TraceEvent::timeNanos).containsExactly(5_000_000L, 7_000_000L, 9_000_000L, 12_000_000L);
        assertThat(notes).extracting(TraceEvent::node).containsExactly(c, c, null, null);
        assertThat(history.toEdn()).startsWith("{:type :invoke, :f :write, :value 3, :process 0, :time 5000000, :index 0}\n");
    }

    @Test
    void shouldWriteEdnThatJepsenHistoryReadsBackToTheSameHistoryAndVerdict() {
        for (boolean bug : new boolean[] {false, true}) {
            long seed = bug ? 31 : 1;
            ReplicatedRegister.Run run = ReplicatedRegister.run(seed, bug, 3, 10, Duration.ofMillis(500));
            String edn = run.history().toEdn();
            History back = JepsenHistory.parse(edn, false);

            assertThat(edn.lines()).hasSize(run.history().size()).allMatch(l -> l.matches("\\{:type :\\w+, :f :\\w+, :value \\S+, :process \\d+, :time \\d+, :index \\d+}"));
            assertThat(back.events()).hasSize(run.history().size());
            for (int i = 0; i < back.events().size(); i++) {
                HistoryEvent a = run.history().events().get(i);
                HistoryEvent b = back.events().get(i);
                assertThat(List.of(b.index(), b.process(), b.type(), b.f(), String.valueOf(b.value()), b.time()))
                        .isEqualTo(List.of(a.index(), a.process(), a.type(), a.f(), String.valueOf(a.value()), a.time()));
            }
            assertThat(back.operations()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                    .isEqualTo(run.history().history().operations());
            CheckResult again = LinearizabilityChecker.create().check(back, Models.register(null));
            assertThat(again.verdict()).isEqualTo(run.result().verdict()).isEqualTo(bug ? Verdict.VIOLATED : Verdict.OK);
        }
    }

    @Test
    void shouldRecordATimedOutOperationAsInfoNeverFail() {
        Simulation sim = new Simulation(3);
        List<Address> replicas = List.of(sim.addNode("R1", RegisterReplica::new), sim.addNode("R2", RegisterReplica::new),
                sim.addNode("R3", RegisterReplica::new));
        HistoryRecorder history = new HistoryRecorder(sim);
        Address c = Address.of("C0");
        RegisterClient client = new RegisterClient(replicas, history.client(0, c), 4, false);
        sim.addNode(c, () -> client);
        // the client hears nothing back, but its frames reach the replicas: every write may have happened
        sim.network().partitionOneWay(Set.copyOf(replicas), Set.of(c));
        sim.runUntil(client::done, Duration.ofSeconds(10));

        List<HistoryEvent> events = history.events();
        assertThat(events).hasSize(8).extracting(HistoryEvent::type).containsExactly(Type.INVOKE, Type.INFO, Type.INVOKE, Type.INFO,
                Type.INVOKE, Type.INFO, Type.INVOKE, Type.INFO);
        for (int i = 0; i < events.size(); i += 2) {
            assertThat(events.get(i + 1).time() - events.get(i).time()).as("the client's timeout").isEqualTo(200_000_000L);
        }
        assertThat(history.history().operations()).allMatch(Operation::isPending);
        // and no checker can be told a write did not happen: pending writes may take effect
        assertThat(LinearizabilityChecker.create().check(history.history(), Models.register(null)).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldKeepOnlyTheOrderOfCallsWhenUnbound() {
        HistoryRecorder history = new HistoryRecorder();
        history.invoke(0, "write", 1);
        history.ok(0, "write", 1);
        assertThat(history.events()).extracting(HistoryEvent::time).containsExactly(-1L, -1L);
        assertThat(history.toEdn()).isEqualTo("{:type :invoke, :f :write, :value 1, :process 0, :index 0}\n"
                + "{:type :ok, :f :write, :value 1, :process 0, :index 1}\n");
        assertThat(JepsenHistory.parse(history.toEdn(), false).operations()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .isEqualTo(history.history().operations());
    }
}
