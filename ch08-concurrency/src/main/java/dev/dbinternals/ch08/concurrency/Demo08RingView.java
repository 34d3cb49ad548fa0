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
        for (boolean staleWriter : new boolean[] {false, true}) {
            for (boolean check : new boolean[] {false, true}) {
                var o = new RingScenario(check).run(a.seed(), staleWriter);
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
    }
}
