package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.links.ids.MessageIds;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Demo 11: message identifiers. Random ids collide (the birthday bound, measured), 64-bit ids
 * push the collision far away, sequence numbers cannot collide but need the sender's name and a
 * counter that survives restarts, and content hashes give equal messages equal ids.
 *
 * <p>Book: Chapter 8, Links → Message acknowledgements (메시지 확인 응답), the remark that a
 * sequence number is one kind of unique identifier and that hash-based identifiers can collide.
 * Every figure is measured with seeded generators ({@link java.util.SplittableRandom}), so a
 * run replays exactly; the closed forms are printed beside the measurements ({@link MessageIds}).
 *
 * <p>Run: {@code ./ch08 demo links identifiers [--seed N] [--quick] [--trials K]}.
 */
public final class Demo11Identifiers {

    private Demo11Identifiers() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("identifiers", "Unique ids vs sequence numbers: the birthday bound measured, 64-bit ids, content hashes")
                .intOption("trials", 2000, 10, 1_000_000, "seeded runs of the 32-bit measurement (at most 300 with --quick)").parse(argv);
        int trials = args.intValue("trials");
        if (args.quick()) {
            trials = Math.min(trials, 300);
        }
        long seed = args.seed();
        DemoArgs.heading(System.out, "Demo 11 · message identifiers (메시지 확인 응답), seed " + seed);

        DemoArgs.heading(System.out, "Random 32-bit ids: how many until the first repeat?");
        double n32 = Math.pow(2, 32);
        int[] counts = new int[trials];
        StringBuilder csv = new StringBuilder("trial_seed,ids_until_first_repeat\n");
        for (int t = 0; t < trials; t++) {
            long s = seed * 1_000_003L + t;
            counts[t] = MessageIds.idsUntilFirstRepeat(s, 32);
            csv.append(s).append(',').append(counts[t]).append('\n');
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(counts).average().orElse(0);
        double median = trials % 2 == 1 ? sorted[trials / 2] : (sorted[trials / 2 - 1] + sorted[trials / 2]) / 2.0;
        System.out.printf("%d runs, each drawing random 32-bit ids (2^32 = 4,294,967,296 values) until one repeats:%n", trials);
        System.out.printf("  %-10s %12s %28s%n", "", "measured", "closed form");
        System.out.printf("  %-10s %,12.0f %,16.0f  sqrt(pi N/2) + 2/3%n", "mean", mean, MessageIds.meanUntilFirstRepeat(n32));
        System.out.printf("  %-10s %,12.0f %,16.0f  1/2 + sqrt(1/4 + 2 N ln 2)%n", "median", median, MessageIds.medianUntilFirstRepeat(n32));
        System.out.printf("  %-10s %,12d%n", "fewest", sorted[0]);
        System.out.printf("  %-10s %,12d%n", "most", sorted[trials - 1]);
        int under10k = (int) Arrays.stream(counts).filter(c -> c <= 10_000).count();
        System.out.printf("  runs with a repeat within the first 10,000 ids: %d of %d (closed form %.2f %%)%n", under10k, trials,
                100 * MessageIds.repeatProbability(10_000, 32));
        System.out.printf("At 1,000 messages a second, a repeat is as likely as not after %.0f s of traffic. A 32-bit hash of%n",
                MessageIds.medianUntilFirstRepeat(n32) / 1000);
        System.out.println("distinct messages collides the same way: a receiver that deduplicates by such ids drops distinct");
        System.out.println("messages as duplicates after tens of thousands of messages.");

        DemoArgs.heading(System.out, "Random 64-bit ids");
        int many = args.quick() ? 200_000 : 2_000_000;
        long repeats = MessageIds.repeatsAmong64BitIds(seed, many);
        System.out.printf("  %,d random 64-bit ids drawn: %d repeated (closed form: probability of any repeat %.1e = n^2 / 2^65)%n",
                many, repeats, MessageIds.repeatProbability(many, 64));
        double median64 = MessageIds.medianUntilFirstRepeat(Math.pow(2, 64));
        System.out.printf("  a repeat becomes as likely as not after about %.2e ids: %.1f hours at a million ids a second,%n",
                median64, median64 / 1e6 / 3600);
        System.out.printf("  %.0f days at a thousand a second. Far away for most systems, not never.%n", median64 / 1e3 / 3600 / 24);

        DemoArgs.heading(System.out, "Per-sender sequence numbers");
        Set<String> dedup = new HashSet<>();
        MessageIds.Sender a = new MessageIds.Sender("A", 0);
        int accepted = 0;
        for (int i = 0; i < 5; i++) {
            accepted += dedup.add(a.next()) ? 1 : 0;
        }
        long persisted = a.last();
        MessageIds.Sender forgetful = new MessageIds.Sender("A", 0); // A restarted and kept no counter
        int lost = 0;
        for (int i = 0; i < 5; i++) {
            lost += dedup.add(forgetful.next()) ? 0 : 1;
        }
        MessageIds.Sender careful = new MessageIds.Sender("A", persisted); // A restarted from its persisted counter
        int lostCareful = 0;
        for (int i = 0; i < 5; i++) {
            lostCareful += dedup.add(careful.next()) ? 0 : 1;
        }
        System.out.printf("  A sends 5 messages (A#1..A#5): the receiver's dedup accepts %d.%n", accepted);
        System.out.printf("  A restarts WITHOUT its counter and sends 5 new messages: they are A#1..A#5 again, %d of 5 dropped as duplicates.%n", lost);
        System.out.printf("  A restarts from its persisted counter (%d): A#%d..A#%d, %d of 5 dropped.%n", persisted, persisted + 1,
                careful.last(), lostCareful);
        Set<Long> bare = new HashSet<>();
        int clash = 0;
        for (long i = 1; i <= 5; i++) {
            bare.add(i); // A's messages 1..5, numbered without the sender's name
        }
        for (long i = 1; i <= 5; i++) {
            clash += bare.add(i) ? 0 : 1; // B's messages 1..5
        }
        System.out.printf("  Without the sender's name in the id, B's messages 1..5 clash with A's: %d of 5 dropped.%n", clash);
        System.out.println("  (PerfectLink keys its state by sender address; WindowedPerfectLink also keeps an incarnation number in durable storage.)");

        DemoArgs.heading(System.out, "Ids computed from the content");
        List<String> payments = List.of("charge alice 100", "charge alice 100");
        Set<Long> byContent = new HashSet<>();
        int kept = 0;
        for (String p : payments) {
            kept += byContent.add(MessageIds.contentId(p.getBytes(StandardCharsets.UTF_8))) ? 1 : 0;
        }
        System.out.printf("  two payments '%s' (two real payments, same text): content ids %016x and %016x; dedup by content id keeps %d of 2.%n",
                payments.get(0), MessageIds.contentId(payments.get(0).getBytes(StandardCharsets.UTF_8)),
                MessageIds.contentId(payments.get(1).getBytes(StandardCharsets.UTF_8)), kept);
        System.out.println("  That deduplicates content, not messages: an id must name the sending, not the bytes.");

        DemoArgs.heading(System.out, "Output");
        DemoOutput.write(args, "first-repeat-32bit.csv", csv.toString());
    }
}
