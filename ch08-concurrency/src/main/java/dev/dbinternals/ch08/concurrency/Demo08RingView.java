package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.concurrency.replication.RingScenario;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.PrintStream;

/**
 * State consistency (상태 일관성), part 2: a divergent view of the ring (링 상태 불일치) routes a
 * write and a read to different owners; ring epochs checked on every request fix it.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public final class Demo08RingView {

    private Demo08RingView() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("ring-view", "divergent ring views: data written but not found, then ring epochs").parse(args);
        PrintStream out = DemoSupport.stdout();
        String key = RingScenario.movedKey();
        DemoArgs.heading(out, "s4 joined: ring epoch 1 " + RingScenario.OLD.members() + " -> epoch 2 " + RingScenario.NEW.members());
        out.println("key '" + key + "': owner at epoch 1 = " + RingScenario.OLD.owner(key) + ", at epoch 2 = " + RingScenario.NEW.owner(key));
        java.util.List<Case> cases = new java.util.ArrayList<>();
        for (boolean staleWriter : new boolean[] {false, true}) {
            for (boolean check : new boolean[] {false, true}) {
                var o = new RingScenario(check).run(a.seed(), staleWriter);
                java.util.List<String> holders = o.dataByNode().entrySet().stream().filter(e -> e.getValue().containsKey(key))
                        .map(java.util.Map.Entry::getKey).toList();
                cases.add(new Case(check, o.readByB(), holders, o.reroutes()));
                out.printf("%n%s, epoch check %s:%n", staleWriter ? "writer A has the OLD ring, reader B the new"
                        : "writer A has the new ring, reader B the OLD", check ? "ON" : "off");
                out.println("  B's read returned: " + (o.readByB() == null ? "nothing" : o.readByB()) + "; reroutes after a stale-ring reply: "
                        + o.reroutes());
                out.println("  data by node: " + o.dataByNode());
                out.print("  " + o.check().render(4).replace("\n", "\n  ").stripTrailing() + "\n");
                if (!staleWriter) {
                    o.simulation().trace().setPayloadFormat(dev.dbinternals.ch08.concurrency.replication.RingMessages.CODEC::describe);
                    Diagrams.write(a.out(), "ring-" + (check ? "epochs" : "divergent"), "Divergent ring view, epoch check " + (check ? "on" : "off"),
                            o.simulation().trace(), e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_FIRE);
                }
            }
        }
        out.println();
        out.print(verdict(cases, 42L, RingScenario.NEW.owner(key)));
    }

    /** One run, reduced to what the narration needs: B's read, the nodes holding the key, the reroutes. */
    record Case(boolean epochCheck, Long readByB, java.util.List<String> holders, int reroutes) {
    }

    /** What the runs showed, from their outcomes: with and without the epoch check, did B read the written value, and where is it stored. */
    static String verdict(java.util.List<Case> cases, long written, String owner) {
        StringBuilder s = new StringBuilder();
        for (boolean check : new boolean[] {false, true}) {
            java.util.List<Case> cs = cases.stream().filter(c -> c.epochCheck() == check).toList();
            long found = cs.stream().filter(c -> Long.valueOf(written).equals(c.readByB())).count();
            long misplaced = cs.stream().filter(c -> !c.holders().equals(java.util.List.of(owner))).count();
            int reroutes = cs.stream().mapToInt(Case::reroutes).sum();
            long nothing = cs.stream().filter(c -> c.readByB() == null).count();
            s.append(String.format("Epoch check %s: B's read returned the written %d in %d of %d runs, nothing in %d;%n", check ? "ON" : "off",
                    written, found, cs.size(), nothing));
            s.append(misplaced == 0 ? String.format("  the value ended on its epoch-2 owner %s only", owner)
                    : String.format("  in %d run(s) the value ended elsewhere than (or besides) its epoch-2 owner %s", misplaced, owner));
            s.append(String.format("; %d request(s) rejected for a stale ring and rerouted.%n", reroutes));
        }
        return s.toString();
    }
}
