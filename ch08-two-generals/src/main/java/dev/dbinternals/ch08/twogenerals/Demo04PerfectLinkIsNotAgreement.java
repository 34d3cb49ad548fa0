package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.render.Mermaid;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Demo 4 of the Two Generals' Problem (두 장군 문제): within one connection TCP behaves much like a
 * perfect link. A retransmits the order until acknowledged (the engineering refinement of a
 * stubborn link, what TCP does inside one connection). On a lossy link the generals usually agree
 * (the demo prints how often); hold the acknowledgements up past dawn and they disagree, although
 * the order arrived and an acknowledgement gets through once the partition heals.
 *
 * <p>Run: {@code ./ch08 demo two-generals perfect-link}.
 */
public final class Demo04PerfectLinkIsNotAgreement {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-perfect-link",
                "a reliable (retransmitting) link still leaves the generals disagreeing at dawn").parse(args);
        int seeds = a.quick() ? 200 : 2000;
        PrintStream out = System.out;
        out.println("A sends \"attack at dawn\" and retransmits it every " + PerfectLinkIsNotAgreement.RETRANSMIT.toMillis()
                + " ms until B's acknowledgement arrives; B acknowledges");
        out.println("every copy. Dawn is at " + PerfectLinkIsNotAgreement.DAWN.toMillis()
                + " ms: A attacks if acknowledged by then, B if it has the order.");

        DemoArgs.heading(out, "1. Lossy link (30% of messages lost each way), " + seeds + " seeds");
        int disagree = 0;
        long messages = 0;
        for (long s = 1; s <= seeds; s++) {
            var o = PerfectLinkIsNotAgreement.lossy(0.3, s, false);
            messages += o.a().sent() + o.b().sent();
            if (!o.agreement()) {
                disagree++;
            }
        }
        out.printf("disagreements: %d of %d runs (%.1f%%); %.1f messages per run on average%n", disagree, seeds,
                100.0 * disagree / seeds, (double) messages / seeds);
        out.printf("expected: %.1f%% = P(none of the 5 round trips before dawn completes) - P(no order arrives at all)%n",
                100 * PerfectLinkIsNotAgreement.disagreementOdds(0.3));
        out.println("         = (0.3 + 0.7 * 0.3)^5 - 0.3^5");
        out.println("Retransmission makes the link look perfect, and " + (2 * disagree < seeds ? "most" : "not even most")
                + " runs agree. But with a deadline, every");
        out.println("acknowledgement before dawn can be lost while an order got through: B attacks alone.");

        DemoArgs.heading(out, "2. No loss at all, but B → A is cut until 2 s (after dawn), seed " + a.seed());
        var o = PerfectLinkIsNotAgreement.acknowledgementsHeldUntil(Duration.ofSeconds(2), a.seed());
        out.println(o.simulation().trace().toText(e -> e.kind() == TraceEvent.Kind.NOTE
                || e.kind() == TraceEvent.Kind.PARTITION || e.kind() == TraceEvent.Kind.HEAL
                || (e.kind() == TraceEvent.Kind.DELIVER && e.timeNanos() < Duration.ofMillis(20).toNanos())
                || (e.kind() == TraceEvent.Kind.DELIVER && e.node().name().equals("General A"))));
        out.println("outcome at dawn: " + o.outcome() + "; A acknowledged in the end: " + o.a().acknowledged());
        out.println();
        out.println(o.b().heardOrder() && o.a().acknowledged()
                ? "The order arrived, and after the heal an acknowledgement got through: retransmission kept its"
                + "\npromise, eventually."
                : "(In this run the order arrived: " + o.b().heardOrder() + "; A acknowledged in the end: "
                + o.a().acknowledged() + ".)");
        out.println("A perfect link promises delivery between correct processes, at some time; not that the");
        out.println("sender knows by dawn, and not that both know that both know. TCP is the same: when a");
        out.println("connection stalls or breaks, the sender cannot tell which of its last bytes the other");
        out.println("application acted on.");

        Files.createDirectories(a.out());
        Path file = a.out().resolve("acks-after-dawn.mmd");
        Files.writeString(file, Mermaid.sequenceDiagram(o.simulation().trace(),
                e -> e.kind() == TraceEvent.Kind.NOTE || e.kind() == TraceEvent.Kind.HEAL
                        || e.kind() == TraceEvent.Kind.PARTITION || e.kind() == TraceEvent.Kind.DELIVER
                        || e.kind() == TraceEvent.Kind.DROP), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + file);
    }
}
