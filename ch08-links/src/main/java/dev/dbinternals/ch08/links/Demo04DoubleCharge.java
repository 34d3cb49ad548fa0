package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.links.exactlyonce.PaymentServer;

/**
 * Demo 04: the double charge under at-least-once delivery, and its fix by deduplication.
 *
 * <p>Book: Chapter 8, Links → Problem with retransmits (재전송 문제). A client retries charge
 * requests and shutdown requests until it gets replies; 30 % of messages are lost and 10 %
 * duplicated. The shutdown is idempotent: however many copies arrive, it starts once. The
 * charge is not: every copy that reaches the server charges the card again, until the server
 * deduplicates by request id (an idempotency key) and answers a repeat with the stored reply.
 * Same seed, same faults, both servers.
 */
public final class Demo04DoubleCharge {

    private Demo04DoubleCharge() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("double-charge", "At-least-once delivery double-charges a card; dedup fixes it").parse(argv);
        DemoArgs.heading(System.out, "Demo 04 · the retransmission problem (재전송 문제), seed " + args.seed());
        System.out.println("A client sends 3 charges of 100 to alice and 3 shutdown requests, retrying every 30 ms until answered.");
        System.out.println("Network: 30 % loss, 10 % duplication, 2-20 ms delay (a reply can be slower than the retry timer).");
        for (boolean dedup : new boolean[] {false, true}) {
            Experiments.PaymentRun run = Experiments.payments(args.seed(), dedup, 3);
            PaymentServer s = run.server();
            System.out.printf("%n%s:%n", dedup ? "WITH dedup by request id (idempotency key)" : "WITHOUT dedup");
            System.out.printf("  client attempts: %d for 6 requests%n", run.client().attempts());
            System.out.printf("  charges applied per request: %s -> alice charged %d (asked: 300), %d extra charge(s)%n",
                    s.chargesById(), s.chargedTo("alice"), s.doubleCharges());
            System.out.printf("  shutdown: %d request copies processed, shutdown started %d time(s) (idempotent)%n",
                    s.shutdownRequests(), s.shutdownStarts());
            DemoOutput.diagrams(args, dedup ? "charge-with-dedup" : "charge-without-dedup",
                    dedup ? "Charges with dedup" : "Charges without dedup (double charge)", run.sim().trace(),
                    e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_FIRE
                            && e.kind() != TraceEvent.Kind.TIMER_CANCEL && !(e.kind() == TraceEvent.Kind.NOTE && e.detail().startsWith("no reply")));
        }
        int seeds = args.quick() ? 20 : 200;
        long without = 0;
        long with = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            without += Experiments.payments(seed, false, 20).server().doubleCharges();
            with += Experiments.payments(seed, true, 20).server().doubleCharges();
        }
        DemoArgs.heading(System.out, "Over " + seeds + " seeds x 20 charges");
        System.out.printf("  extra charges without dedup: %d (%.1f per 100 charges asked for)%n", without, 100.0 * without / (seeds * 20));
        System.out.printf("  extra charges with dedup:    %d%n", with);
        System.out.println("Over a network that can lose any one message, sending again is how a reply gets through; it is safe");
        System.out.println("only for idempotent operations, or when the receiver deduplicates (Exercise links-4 builds the");
        System.out.println("idempotency-key version).");
    }
}
