package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
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
        DemoArgs args = DemoArgs.forDemo("identifiers", "Unique ids vs sequence numbers: the birthday bound measured, 64-bit ids, content hashes",
                        "고유 ID와 시퀀스 번호: 생일 한계 측정, 64비트 ID, 내용 해시")
                .intOption("trials", 2000, 10, 1_000_000, "seeded runs of the 32-bit measurement (at most 300 with --quick)",
                        "32비트 측정을 시드별로 실행할 횟수 (--quick이면 최대 300)").parse(argv);
        int trials = args.intValue("trials");
        if (args.quick()) {
            trials = Math.min(trials, 300);
        }
        long seed = args.seed();
        DemoArgs.heading(System.out, t("Demo 11 · message identifiers (메시지 확인 응답), seed " + seed, "데모 11 · 메시지 식별자 (책의 '메시지 확인 응답' 절), 시드 " + seed));

        DemoArgs.heading(System.out, t("Random 32-bit ids: how many until the first repeat?", "무작위 32비트 ID: 처음 반복될 때까지 몇 개?"));
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
        System.out.printf(t("%d runs, each drawing random 32-bit ids (2^32 = 4,294,967,296 values) until one repeats:%n",
                "%d번 실행, 매번 무작위 32비트 ID(2^32 = 4,294,967,296가지 값)를 하나가 반복될 때까지 뽑는다:%n"), trials);
        // padded by terminal columns, not characters, so the Korean names and header line up with the figures
        System.out.printf("  %-10s %s %s%n", "", Columns.right(t("measured", "측정값"), 12), Columns.right(t("closed form", "닫힌 식"), 28));
        System.out.printf("  %s %,12.0f %,16.0f  sqrt(pi N/2) + 2/3%n", Columns.left(t("mean", "평균"), 10), mean, MessageIds.meanUntilFirstRepeat(n32));
        System.out.printf("  %s %,12.0f %,16.0f  1/2 + sqrt(1/4 + 2 N ln 2)%n", Columns.left(t("median", "중앙값"), 10), median,
                MessageIds.medianUntilFirstRepeat(n32));
        System.out.printf("  %s %,12d%n", Columns.left(t("fewest", "최소"), 10), sorted[0]);
        System.out.printf("  %s %,12d%n", Columns.left(t("most", "최대"), 10), sorted[trials - 1]);
        int under10k = (int) Arrays.stream(counts).filter(c -> c <= 10_000).count();
        System.out.printf(t("  runs with a repeat within the first 10,000 ids: %d of %d (closed form %.2f %%)%n",
                "  처음 10,000개 안에 반복이 나온 실행: %2$d번 중 %1$d번 (닫힌 식 %3$.2f %%)%n"), under10k, trials,
                100 * MessageIds.repeatProbability(10_000, 32));
        System.out.printf(t("At 1,000 messages a second, a repeat is as likely as not after %.0f s of traffic. A 32-bit hash of%n",
                "초당 메시지 1,000개일 때, 트래픽 %.0f초 뒤면 반복이 나올 확률이 반반이다. 서로 다른 메시지의 32비트 해시도%n"),
                MessageIds.medianUntilFirstRepeat(n32) / 1000);
        System.out.println(t("distinct messages collides the same way: a receiver that deduplicates by such ids drops distinct",
                "같은 식으로 충돌한다: 이런 ID로 중복을 제거하는 수신자는 메시지 수만 개 뒤부터 서로 다른 메시지를"));
        System.out.println(t("messages as duplicates after tens of thousands of messages.", "중복으로 알고 버린다."));

        DemoArgs.heading(System.out, t("Random 64-bit ids", "무작위 64비트 ID"));
        int many = args.quick() ? 200_000 : 2_000_000;
        long repeats = MessageIds.repeatsAmong64BitIds(seed, many);
        System.out.printf(t("  %,d random 64-bit ids drawn: %d repeated (closed form: probability of any repeat %.1e = n^2 / 2^65)%n",
                "  무작위 64비트 ID %,d개를 뽑음: 반복 %d개 (닫힌 식: 반복이 하나라도 있을 확률 %.1e = n^2 / 2^65)%n"),
                many, repeats, MessageIds.repeatProbability(many, 64));
        double median64 = MessageIds.medianUntilFirstRepeat(Math.pow(2, 64));
        System.out.printf(t("  a repeat becomes as likely as not after about %.2e ids: %.1f hours at a million ids a second,%n",
                "  약 %.2e개 뒤에는 반복 확률이 반반이 된다: 초당 100만 개라면 %.1f시간,%n"),
                median64, median64 / 1e6 / 3600);
        System.out.printf(t("  %.0f days at a thousand a second. Far away for most systems, not never.%n",
                "  초당 1,000개라면 %.0f일. 대부분의 시스템에는 먼 일이지만, 절대 없는 일은 아니다.%n"), median64 / 1e3 / 3600 / 24);

        DemoArgs.heading(System.out, t("Per-sender sequence numbers", "송신자별 시퀀스 번호"));
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
        System.out.printf(t("  A sends 5 messages (A#1..A#5): the receiver's dedup accepts %d.%n",
                "  A가 메시지 5개(A#1..A#5)를 전송한다: 수신자의 중복 제거가 %d개를 받아들인다.%n"), accepted);
        System.out.printf(t("  A restarts WITHOUT its counter and sends 5 new messages: they are A#1..A#5 again, %d of 5 dropped as duplicates.%n",
                "  A가 카운터 없이 재시작해 새 메시지 5개를 전송한다: 다시 A#1..A#5이므로 5개 중 %d개가 중복으로 버려진다.%n"), lost);
        System.out.printf(t("  A restarts from its persisted counter (%d): A#%d..A#%d, %d of 5 dropped.%n",
                "  A가 영속화한 카운터(%d)로 재시작한다: A#%d..A#%d, 5개 중 %d개 버려짐.%n"), persisted, persisted + 1,
                careful.last(), lostCareful);
        Set<Long> bare = new HashSet<>();
        int clash = 0;
        for (long i = 1; i <= 5; i++) {
            bare.add(i); // A's messages 1..5, numbered without the sender's name
        }
        for (long i = 1; i <= 5; i++) {
            clash += bare.add(i) ? 0 : 1; // B's messages 1..5
        }
        System.out.printf(t("  Without the sender's name in the id, B's messages 1..5 clash with A's: %d of 5 dropped.%n",
                "  ID에 송신자 이름이 없으면 B의 메시지 1..5가 A의 것과 겹친다: 5개 중 %d개 버려짐.%n"), clash);
        System.out.println(t("  (PerfectLink keys its state by sender address; WindowedPerfectLink also keeps an incarnation number in durable storage.)",
                "  (PerfectLink는 상태를 송신자 주소별로 둔다. WindowedPerfectLink는 영속 저장소에 세대 번호도 둔다.)"));

        DemoArgs.heading(System.out, t("Ids computed from the content", "내용으로 계산한 ID"));
        List<String> payments = List.of("charge alice 100", "charge alice 100");
        Set<Long> byContent = new HashSet<>();
        int kept = 0;
        for (String p : payments) {
            kept += byContent.add(MessageIds.contentId(p.getBytes(StandardCharsets.UTF_8))) ? 1 : 0;
        }
        System.out.printf(t("  two payments '%s' (two real payments, same text): content ids %016x and %016x; dedup by content id keeps %d of 2.%n",
                "  결제 두 건 '%s' (실제 결제 두 건, 같은 텍스트): 내용 ID %016x, %016x. 내용 ID로 중복을 제거하면 2건 중 %d건만 남는다.%n"),
                payments.get(0), MessageIds.contentId(payments.get(0).getBytes(StandardCharsets.UTF_8)),
                MessageIds.contentId(payments.get(1).getBytes(StandardCharsets.UTF_8)), kept);
        System.out.println(t("  That deduplicates content, not messages: an id must name the sending, not the bytes.",
                "  이것은 메시지가 아니라 내용의 중복 제거다: ID는 바이트가 아니라 전송 행위를 가리켜야 한다."));

        DemoArgs.heading(System.out, t("Output", "출력"));
        DemoOutput.write(args, "first-repeat-32bit.csv", csv.toString());
    }
}
