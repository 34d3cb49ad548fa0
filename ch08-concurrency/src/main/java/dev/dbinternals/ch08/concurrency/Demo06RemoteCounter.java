package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.concurrency.history.JepsenHistory;
import dev.dbinternals.ch08.concurrency.remote.CounterClient.Strategy;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages;
import dev.dbinternals.ch08.concurrency.remote.RemoteCounterScenario;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.PrintStream;

/**
 * Shared state through messages (분산 시스템의 자원 공유): a counter on a remote node, clients
 * incrementing it over a lossy network with timeouts and retries. Read-then-write loses
 * updates; retried non-idempotent increments count twice; a conditional write with a version
 * plus request ids gets the exact count, and every history is checked for linearizability.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유).
 */
public final class Demo06RemoteCounter {

    private Demo06RemoteCounter() {
    }

    record Variant(String name, Strategy strategy, boolean dedup) {
    }

    /** How many of {@code seeds} runs of one variant ended with the exact count, lost updates, extra increments, a non-linearizable history. */
    record Tally(String name, int seeds, int exact, int lost, int extra, int notLinearizable) {
    }

    /** What the table showed, variant by variant, from its counts (over these seeds only, not a proof for all runs). */
    static String verdict(java.util.List<Tally> tallies) {
        StringBuilder s = new StringBuilder("\n");
        java.util.List<String> clean = tallies.stream().filter(t -> t.exact() == t.seeds() && t.notLinearizable() == 0)
                .map(Tally::name).toList();
        s.append("Exact count and a linearizable history in every seed run: ")
                .append(clean.isEmpty() ? "no variant." : String.join(", ", clean) + ".").append('\n');
        appendGroup(s, "Lost acknowledged increments:", tallies, Tally::lost);
        appendGroup(s, "Applied more increments than were invoked (a retried or duplicated request applied twice):", tallies, Tally::extra);
        appendGroup(s, "Not linearizable:", tallies, Tally::notLinearizable);
        s.append("These are the seeds run here: a clean row shows no bad run among them, not that none exists.\n");
        return s.toString();
    }

    private static void appendGroup(StringBuilder s, String title, java.util.List<Tally> tallies,
                                    java.util.function.ToIntFunction<Tally> count) {
        java.util.List<String> names = tallies.stream().filter(t -> count.applyAsInt(t) > 0)
                .map(t -> t.name() + " in " + count.applyAsInt(t) + " of " + t.seeds() + " seeds").toList();
        s.append(title).append(' ').append(names.isEmpty() ? "no variant." : String.join("; ", names) + ".").append('\n');
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("remote-counter", "a counter behind a lossy network: lost updates, double increments, the fix")
                .intOption("seeds", 20, 1, 10_000, "seeds per variant (--quick: 10)").parse(args);
        PrintStream out = DemoSupport.stdout();
        int seeds = a.quick() ? 10 : a.intValue("seeds");
        Variant[] variants = {
            new Variant("read-then-write", Strategy.READ_THEN_WRITE, false),
            new Variant("increment, retried", Strategy.INCREMENT, false),
            new Variant("increment + request ids", Strategy.INCREMENT, true),
            new Variant("conditional write, no request ids", Strategy.CONDITIONAL_WRITE, false),
            new Variant("conditional write + request ids", Strategy.CONDITIONAL_WRITE, true),
        };
        DemoArgs.heading(out, "3 clients x 10 increments, 20% loss, 5% duplication, 1-30 ms delay, 80 ms timeout; seeds 1.." + seeds);
        out.printf("%-34s %12s %14s %16s %18s%n", "variant", "exact count", "lost updates", "extra increments", "not linearizable");
        java.util.List<Tally> tallies = new java.util.ArrayList<>();
        for (Variant v : variants) {
            int exact = 0;
            int lost = 0;
            int extra = 0;
            int bad = 0;
            for (long seed = 1; seed <= seeds; seed++) {
                var o = new RemoteCounterScenario(v.strategy(), v.dedup(), 3, 10, 0.2, 0.05, seed).run();
                if (o.finalValue() == o.acknowledged() && o.unknown() == 0) {
                    exact++;
                }
                if (o.finalValue() < o.acknowledged()) {
                    lost++;
                }
                if (o.finalValue() > o.acknowledged() + o.unknown()) {
                    extra++;
                }
                if (!o.check().isOk()) {
                    bad++;
                }
            }
            out.printf("%-34s %9d/%-2d %11d/%-2d %13d/%-2d %15d/%-2d%n", v.name(), exact, seeds, lost, seeds, extra, seeds, bad, seeds);
            tallies.add(new Tally(v.name(), seeds, exact, lost, extra, bad));
        }
        out.print(verdict(tallies));

        DemoArgs.heading(out, "One run in detail: read-then-write, seed " + a.seed());
        var o = RemoteCounterScenario.of(Strategy.READ_THEN_WRITE, false, a.seed()).run();
        out.printf("acknowledged increments %d, unknown %d, final value %d%n", o.acknowledged(), o.unknown(), o.finalValue());
        out.print(o.check().render(8));
        var fixed = RemoteCounterScenario.of(Strategy.CONDITIONAL_WRITE, true, a.seed()).run();
        DemoArgs.heading(out, "Same seed: conditional write with a version + request ids");
        out.printf("acknowledged increments %d, unknown %d, final value %d, server writes %d%n", fixed.acknowledged(), fixed.unknown(),
                fixed.finalValue(), fixed.serverWrites());
        out.println(fixed.finalValue() == fixed.acknowledged() && fixed.unknown() == 0
                ? "the final value is exactly the number of acknowledged increments this time"
                : "the final value is NOT the number of acknowledged increments this time");
        out.print(fixed.check().render(3));

        Trace t = o.simulation().trace();
        t.setPayloadFormat(CounterMessages.CODEC::describe);
        DemoSupport.write(a.out(), "read-then-write.history.edn", JepsenHistory.write(o.history()), out);
        Diagrams.write(a.out(), "read-then-write", "Remote counter, read-then-write, seed " + a.seed(), t,
                e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_CANCEL);
        DemoSupport.write(a.out(), "conditional-write.history.edn", JepsenHistory.write(fixed.history()), out);
        out.println("check any of these histories yourself: ./ch08 demo ch08-concurrency check-history <file> --model counter");
    }
}
