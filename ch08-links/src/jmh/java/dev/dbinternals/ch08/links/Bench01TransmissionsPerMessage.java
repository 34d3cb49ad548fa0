package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.links.ladder.PerfectLink;
import dev.dbinternals.ch08.links.ladder.StubbornLink;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.time.Duration;

/**
 * Benchmark main: data frames sent per delivered message against the loss rate p, for the
 * stubborn link (retransmit everything every 10 ms, until each message has been delivered
 * once), the book's perfect link (retransmit everything unacknowledged every 10 ms, until all is
 * acknowledged) and the windowed perfect link (retransmit each unacknowledged message after its
 * own timeout, at least 10 ms), beside the ideal 1/(1-p) (every lost frame resent once, acks
 * free) and 1/(1-p)^2 (data and its ack both cross a link with loss p). Simulated, so every
 * figure is exact for its seeds.
 *
 * <p>Run: {@code java -cp ch08-links/target/benchmarks.jar dev.dbinternals.ch08.links.Bench01TransmissionsPerMessage [seeds] [messages]}
 */
public final class Bench01TransmissionsPerMessage {

    private Bench01TransmissionsPerMessage() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.printf("Transmissions per delivered message, %d messages x %d seeds, 1 ms delay, loss p both ways%n", messages, seeds);
        System.out.println("Figures: data frames the sender sent per message, mean over the seeds (acks not counted); simulated,"
                + " so exact for these seeds and independent of the machine and its load");
        System.out.printf("%-6s %12s %12s %12s %12s %14s%n", "p", "stubborn", "perfect", "windowed", "1/(1-p)", "1/(1-p)^2");
        Duration t = Duration.ofMillis(10);
        for (double p : new double[] {0.0, 0.1, 0.2, 0.3, 0.4, 0.5}) {
            double stubborn = 0;
            double perfect = 0;
            double windowed = 0;
            for (long seed = 1; seed <= seeds; seed++) {
                stubborn += Experiments.transmissionsPerMessage(seed, l -> new StubbornLink(t, l), p, messages);
                perfect += Experiments.transmissionsPerMessage(seed, l -> new PerfectLink(t, l), p, messages);
                windowed += Experiments.transmissionsPerMessage(seed, l -> new WindowedPerfectLink(
                        WindowedPerfectLink.Config.defaults().withWindow(32).withRetransmitTimeout(t), l), p, messages);
            }
            System.out.printf("%-6.2f %12.2f %12.2f %12.2f %12.2f %14.2f%n", p, stubborn / seeds, perfect / seeds, windowed / seeds,
                    1 / (1 - p), 1 / ((1 - p) * (1 - p)));
        }
        System.out.println("The stubborn link's figure also grows with how long it runs: it never stops (see Demo03).");
    }
}
