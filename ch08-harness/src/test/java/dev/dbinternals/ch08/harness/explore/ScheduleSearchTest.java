package dev.dbinternals.ch08.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.ExactlyOnceCounter;
import dev.dbinternals.ch08.harness.demo.ExactlyOnceCounter.Client;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Simulation.Fate;
import dev.dbinternals.ch08.harness.sim.Simulation.Pending;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The schedule search over real nodes: the seeded bug, its fix, pruning, random walks, bad settings (issue 12 §3). */
class ScheduleSearchTest {

    private static final Address R = ExactlyOnceCounter.COUNTER;

    private static ScheduleSearch search(boolean fixed, int depth) {
        return ScheduleSearch.of(ExactlyOnceCounter.scenario(fixed, 1)).mayCrash(R).faults(1, 1, 1).maxDepth(depth);
    }

    @Test
    void shouldFindTheForgetfulCounterWithAShortestScheduleThatReplays() {
        ScheduleSearch.Result r = search(false, 6).search();

        assertThat(r.violation()).isPresent();
        Explorer.Violation<ScheduleSearch.Schedule> v = r.violation().get();
        assertThat(v.invariant()).isEqualTo(ExactlyOnceCounter.INVARIANT);
        assertThat(v.path()).isEqualTo(v.state().labels()).hasSize(r.depth());
        assertThat(v.path()).anyMatch(l -> l.startsWith("crash R")).anyMatch(l -> l.startsWith("restart R"));
        // shortest: no schedule one choice shorter breaks it (that search is complete, without a violation)
        ScheduleSearch.Result shorter = search(false, v.state().length() - 1).search();
        assertThat(shorter.violation()).isEmpty();
        assertThat(shorter.complete()).isTrue();

        ScheduleSearch.Replay replay = search(false, 6).replay(v.state());
        assertThat(replay.violation()).contains(ExactlyOnceCounter.INVARIANT);
        Simulation sim = replay.sim();
        assertThat(ExactlyOnceCounter.count(sim)).isGreaterThan(sim.node(ExactlyOnceCounter.CLIENT, Client.class).issued());
        List<TraceEvent> events = sim.trace().events();
        assertThat(events.get(events.size() - 1).detail()).isEqualTo("invariant '" + ExactlyOnceCounter.INVARIANT + "' broken");
        assertThat(sim.trace().ofKind(TraceEvent.Kind.CRASH)).hasSize(1);
    }

    @Test
    void shouldFindNoViolationInTheFixedCounterWithinTheBound() {
        ScheduleSearch.Result r = search(true, 5).withFingerprints().search();

        assertThat(r.violation()).isEmpty();
        assertThat(r.complete()).isTrue();
        assertThat(r.depth()).isEqualTo(5);
        assertThat(r.exhaustive()).as("retransmissions go on forever: the bound cuts schedules").isFalse();
        assertThat(r.schedulesRun()).isGreaterThan(1);
    }

    @Test
    void shouldPruneWithFingerprintsAndStillFindAShortestViolation() {
        ScheduleSearch.Result plain = search(false, 6).search();
        ScheduleSearch.Result pruned = search(false, 6).withFingerprints().search();

        assertThat(pruned.pruned()).isPositive();
        assertThat(pruned.schedulesRun()).isLessThan(plain.schedulesRun());
        assertThat(pruned.violation().orElseThrow().state().length()).isEqualTo(plain.violation().orElseThrow().state().length());
        assertThat(pruned.violation().orElseThrow().invariant()).isEqualTo(plain.violation().orElseThrow().invariant());
        assertThat(search(false, 6).replay(pruned.violation().orElseThrow().state()).violation()).contains(ExactlyOnceCounter.INVARIANT);
    }

    @Test
    void shouldRepeatARandomWalkForTheSameSeed() {
        ScheduleSearch s = search(false, 12);
        ScheduleSearch.Result a = RandomWalk.run(s, 200, 7);
        ScheduleSearch.Result b = RandomWalk.run(s, 200, 7);

        assertThat(a.violation()).isPresent();
        assertThat(b.schedulesRun()).isEqualTo(a.schedulesRun());
        assertThat(b.violation().orElseThrow().path()).isEqualTo(a.violation().orElseThrow().path());
        assertThat(s.replay(a.violation().orElseThrow().state()).violation()).contains(ExactlyOnceCounter.INVARIANT);
    }

    /** A: sends one "hello" to B and nothing else; every schedule ends. */
    private static Supplier<Simulation> oneMessage() {
        return () -> messages(1);
    }

    private static Simulation messages(int n) {
        {
            Simulation sim = new Simulation(1);
            Address b = Address.of("B");
            sim.addNode("A", () -> new dev.dbinternals.ch08.harness.Node() {
                @Override
                public void onStart(dev.dbinternals.ch08.harness.Context ctx) {
                    for (int i = 0; i < n; i++) {
                        ctx.send(b, "hello".getBytes(StandardCharsets.UTF_8));
                    }
                }

                @Override
                public void onMessage(dev.dbinternals.ch08.harness.Context ctx, Address from, byte[] m) {
                }
            });
            sim.addNode(b, () -> (ctx, from, m) -> { });
            return sim;
        }
    }

    @Test
    void shouldSayWhenEveryScheduleEndedBeforeTheBound() {
        ScheduleSearch.Result r = ScheduleSearch.of(oneMessage()).faults(1, 1, 0).maxDepth(10).search();

        // deliver | drop | duplicate then (deliver | drop) the copy: 4 schedules, the longest 2 choices
        assertThat(r.exhaustive()).isTrue();
        assertThat(r.depth()).isEqualTo(2);
        assertThat(r.violation()).isEmpty();
    }

    /**
     * A sends "m1" to B at start and "m2" from a timer 5 ms later; B notes the first it receives. In an
     * asynchronous network m2 may arrive first: a driver that jumps past m1's due time (the timer) must
     * still let m2 leave and overtake m1, or an exhaustive search would wrongly report no violation.
     */
    @Test
    void shouldLetAMessageSentLaterOvertakeOneDueEarlier() {
        Address b = Address.of("B");
        ScheduleSearch.Result r = ScheduleSearch.of(() -> {
            Simulation sim = new Simulation(1);
            String[] first = {null};
            sim.addNode("A", () -> new dev.dbinternals.ch08.harness.Node() {
                @Override
                public void onStart(dev.dbinternals.ch08.harness.Context ctx) {
                    ctx.send(b, "m1".getBytes(StandardCharsets.UTF_8));
                    ctx.setTimer(java.time.Duration.ofMillis(5), "later");
                }

                @Override
                public void onMessage(dev.dbinternals.ch08.harness.Context ctx, Address from, byte[] m) {
                }

                @Override
                public void onTimer(dev.dbinternals.ch08.harness.Context ctx, Object tag) {
                    ctx.send(b, "m2".getBytes(StandardCharsets.UTF_8));
                }
            });
            sim.addNode(b, () -> (ctx, from, m) -> {
                if (first[0] == null) {
                    first[0] = new String(m, StandardCharsets.UTF_8);
                }
            });
            sim.invariant("m1 arrives first", () -> first[0] == null || first[0].equals("m1"));
            return sim;
        }).faults(0, 0, 0).maxDepth(4).search();

        assertThat(r.violation()).isPresent();
        assertThat(r.violation().get().path()).hasSize(2);
        assertThat(r.violation().get().path().get(0)).startsWith("fire timer A");
        assertThat(r.violation().get().path().get(1)).startsWith("deliver #2 A->B");
    }

    @Test
    void shouldStopAtMaxSchedulesWithAnIncompleteResult() {
        ScheduleSearch.Result r = search(true, 8).maxSchedules(50).search();
        assertThat(r.complete()).isFalse();
        assertThat(r.schedulesRun()).isEqualTo(50);
    }

    @Test
    void shouldRejectBadSettingsWithAClearMessage() {
        assertThatThrownBy(() -> search(false, 1).maxDepth(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the depth bound must be from 0 to 1000 choices, got -1");
        assertThatThrownBy(() -> search(false, 1).faults(1, -2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicates").hasMessageContaining("-2");
        assertThatThrownBy(() -> search(false, 1).maxSchedules(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> RandomWalk.run(search(false, 1), 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("walks");
        assertThatThrownBy(() -> ScheduleSearch.of(ExactlyOnceCounter.scenario(false, 1)).mayCrash(Address.of("Z")).search())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no node named Z");
        assertThatThrownBy(() -> ScheduleSearch.of(oneMessage()).withFingerprints().search())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Fingerprinted");
    }

    @Test
    void shouldRefuseAScenarioThatDoesNotRepeatItself() {
        AtomicInteger builds = new AtomicInteger();
        // state kept outside the supplier: every run sends one message more than the one before
        Supplier<Simulation> drifting = () -> messages(builds.incrementAndGet());
        assertThatThrownBy(() -> ScheduleSearch.of(drifting).faults(0, 0, 0).maxDepth(3).search())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not deterministic");
    }

    @Test
    void shouldLetADriverChooseOnlyWhatIsEnabled() {
        Simulation sim = ExactlyOnceCounter.scenario(false, 1).get();
        List<Pending> pending = sim.runUntilChoice();
        Pending message = pending.stream().filter(Pending::isMessage).findFirst().orElseThrow();
        Pending timer = pending.stream().filter(p -> !p.isMessage()).findFirst().orElseThrow();

        assertThat(message.toString()).isEqualTo("#1 C->R");
        assertThatThrownBy(() -> sim.runChosen(timer, Fate.DROP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a timer can only run");
        sim.runChosen(message, Fate.DROP);
        assertThat(sim.stats().dropped()).isEqualTo(1);
        assertThatThrownBy(() -> sim.runChosen(message, Fate.RUN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no longer pending");
    }
}
