package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.Address;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The nemesis (issue 12 §2): seeded schedules, calm and stormy, always healed at the end. */
class NemesisTest {

    private static Simulation gossip(long seed) {
        Simulation sim = new Simulation(seed);
        for (String n : List.of("A", "B", "C")) {
            sim.addNode(n, () -> new Nodes.Gossip(10));
        }
        return sim;
    }

    @Test
    void shouldPlanTheSameScheduleAndRunForTheSameSeed() {
        Simulation one = gossip(5);
        Simulation two = gossip(5);
        List<String> a = Nemesis.random(42).plan(one, Duration.ofSeconds(2));
        List<String> b = Nemesis.random(42).plan(two, Duration.ofSeconds(2));
        one.runFor(Duration.ofSeconds(3));
        two.runFor(Duration.ofSeconds(3));

        assertThat(a).isEqualTo(b).isNotEmpty();
        assertThat(one.trace().hash()).isEqualTo(two.trace().hash());
        assertThat(one.trace().toText()).contains("nemesis (seed 42)").contains("nemesis: " + a.get(0));
        assertThat(Nemesis.random(43).plan(gossip(5), Duration.ofSeconds(2))).isNotEqualTo(a);
    }

    @Test
    void shouldCoverCalmAndStormyRunsOverAThousandSeeds() {
        int calm = 0;
        int stormy = 0;
        for (long seed = 1; seed <= 1000; seed++) {
            int faults = Nemesis.random(seed).plan(gossip(seed), Duration.ofSeconds(2)).size();
            calm += faults == 0 ? 1 : 0;
            stormy += faults >= 15 ? 1 : 0;
        }
        assertThat(calm).as("seeds with no fault at all").isPositive();
        assertThat(stormy).as("seeds with 15 faults or more in 2 s").isGreaterThan(50);
    }

    @Test
    void shouldHealTheNetworkAndRestartEveryTargetAfterTheActivePeriod() {
        for (long seed = 1; seed <= 200; seed++) {
            Simulation sim = gossip(seed);
            new Nemesis(seed, new Nemesis.Rates(5, 0.5, 5, 3, 2)).plan(sim, Duration.ofSeconds(1));
            sim.runFor(Duration.ofMillis(1500));
            for (Address a : sim.nodes()) {
                assertThat(sim.isCrashed(a)).as("seed %d: %s up after the heal", seed, a).isFalse();
            }
            long delivered = sim.stats().delivered();
            sim.runFor(Duration.ofMillis(100));
            assertThat(sim.stats().delivered()).as("seed %d: messages flow after the heal", seed).isGreaterThan(delivered);
        }
    }

    @Test
    void shouldKeepEachCrashDownForTheTimeItsScheduleLinePrints() {
        int checked = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Simulation sim = gossip(seed);
            // many long crashes on one node: a crash planned while B is already down is skipped
            new Nemesis(seed, new Nemesis.Rates(0, 0, 20, 0, 0)).targets(Set.of(Address.of("B"))).plan(sim, Duration.ofSeconds(1));
            sim.runFor(Duration.ofMillis(1500));
            List<TraceEvent> events = sim.trace().events();
            for (int i = 0; i < events.size(); i++) {
                TraceEvent e = events.get(i);
                if (e.kind() == TraceEvent.Kind.NOTE && e.detail().startsWith("nemesis: ") && e.detail().contains(" crash B for ")) {
                    String lasts = e.detail().substring(e.detail().indexOf(" for ") + 5);
                    TraceEvent up = events.subList(i, events.size()).stream()
                            .filter(x -> x.kind() == TraceEvent.Kind.RESTART && Address.of("B").equals(x.node())).findFirst().orElseThrow();
                    assertThat(Trace.formatNanos(up.timeNanos() - e.timeNanos())).as("seed %d: %s", seed, e.detail()).isEqualTo(lasts);
                    checked++;
                }
            }
        }
        assertThat(checked).as("crashes checked").isGreaterThan(100);
    }

    @Test
    void shouldLeaveThePartitionsOfTheScenarioInPlace() {
        for (long seed = 1; seed <= 50; seed++) {
            Simulation sim = gossip(seed);
            Address a = Address.of("A");
            // the scenario's own cut: C never hears from A, whatever the nemesis does and heals
            sim.network().partitionOneWay(Set.of(a), Set.of(Address.of("C")));
            new Nemesis(seed, new Nemesis.Rates(8, 0.5, 0, 0, 0)).plan(sim, Duration.ofSeconds(1));
            sim.runFor(Duration.ofMillis(1500));
            Nodes.Gossip c = sim.node(Address.of("C"), Nodes.Gossip.class);
            assertThat(c.heardFrom).as("seed %d: C heard from B after the heals", seed).contains(Address.of("B"));
            assertThat(c.heardFrom).as("seed %d: C never heard from A: the scenario's partition stayed", seed).doesNotContain(a);
        }
    }

    @Test
    void shouldHealOnePartitionAndLeaveTheOthers() {
        Simulation sim = gossip(1);
        Address a = Address.of("A");
        Address b = Address.of("B");
        Address c = Address.of("C");
        Network.Partition ab = sim.network().partition(Set.of(a), Set.of(b));
        Network.Partition ac = sim.network().partition(Set.of(a), Set.of(c));
        ab.heal();
        ab.heal(); // healing twice does nothing
        assertThat(ab.inForce()).isFalse();
        assertThat(ac.inForce()).isTrue();
        sim.runFor(Duration.ofMillis(100));
        assertThat(sim.node(b, Nodes.Gossip.class).heardFrom).contains(a);
        assertThat(sim.node(c, Nodes.Gossip.class).heardFrom).doesNotContain(a);
        assertThat(sim.trace().toText()).containsOnlyOnce("[A] -/- [B] removed");
        sim.network().heal();
        assertThat(ac.inForce()).as("a full heal ends every partition").isFalse();
    }

    @Test
    void shouldSpareNodesThatAreNotTargets() {
        Simulation sim = gossip(3);
        List<String> plan = new Nemesis(3, new Nemesis.Rates(0, 0, 20, 20, 20)).targets(Set.of(Address.of("B"))).plan(sim, Duration.ofSeconds(1));
        assertThat(plan).isNotEmpty().allMatch(l -> l.contains(" B ") || l.endsWith(" B"));
    }

    @Test
    void shouldRejectRatesOutOfRange() {
        assertThatThrownBy(() -> new Nemesis.Rates(-1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nemesis.Rates(0, 2, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Nemesis(1, Nemesis.Rates.calm()).plan(gossip(1), Duration.ofSeconds(1))).isEmpty();
    }
}
