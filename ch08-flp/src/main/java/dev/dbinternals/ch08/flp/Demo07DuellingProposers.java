package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.flp.DuellingPaxos.Msg;
import dev.dbinternals.ch08.flp.DuellingPaxos.State;
import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.render.Mermaid;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Demo 7 (FLP 불가능성 이론 → 시스템 동기성): Paxos's duelling proposers. {@link FlpAdversary} runs
 * FLP's construction on {@link DuellingPaxos} and finds, by search, the run in which each
 * proposer's prepare pre-empts the other's accept forever: a lasso with no crash, every message
 * delivered, no decision. Then {@link PaxosBackoff} runs the same rules on the simulation over many
 * seeds in a partially synchronous network, retrying at once or after a randomised backoff: every
 * run is checked for agreement and validity, and the ballots needed are counted.
 *
 * <p>Run: {@code ./ch08 demo flp duelling-proposers} ({@code --runs N} seeds per row). Writes
 * {@code duelling-proposers.mmd} (the lasso), the harness's drawings of it
 * ({@code duelling-proposers-run.html}, {@code .md}, {@code .txt}) and {@code ballots.md} (the distribution).
 */
public final class Demo07DuellingProposers {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-duelling-proposers",
                "Paxos's duelling proposers found by search as a lasso; the same rules with randomised backoff over seeds",
                "탐색이 올가미로 찾아낸 Paxos의 결투하는 제안자들; 같은 규칙에 무작위 백오프를 더해 여러 시드로")
                .intOption("runs", 500, 1, 100_000, "seeds per simulated row (--quick: 50)", "시뮬레이션 행마다 시드 수 (--quick: 50)")
                .parse(args);
        int runs = a.quick() ? Math.min(50, a.intValue("runs")) : a.intValue("runs");
        PrintStream out = System.out;
        DuellingPaxos paxos = new DuellingPaxos();
        FlpAdversary<State, Msg> adversary = new FlpAdversary<>(paxos, 3000);
        out.println(t("Single-decree Paxos: proposers p0 (input 0, odd ballots) and p1 (input 1, even ballots), acceptors",
                "단일 결정 Paxos: 제안자(proposer) p0(입력 0, 홀수 투표 번호)와 p1(입력 1, 짝수 투표 번호), 수락자(acceptor)"));
        out.println(t("p2, p3, p4. An acceptor refuses a prepare or accept below its promise and says so (nack); the",
                "p2, p3, p4. 수락자는 자기 약속보다 낮은 prepare나 accept를 거절하고 그렇다고 알린다(nack); 거절당한"));
        out.println(t("refused proposer starts its next ballot at once. FLP's adversary searches for the run: from the",
                "제안자는 곧바로 다음 투표 번호(ballot)를 시작한다. FLP의 적대자가 그 실행을 찾는다: 초기 구성"));
        String initial = FlpAdversary.met(adversary.valence(adversary.initial(INPUTS)).valence());
        out.println(t("initial configuration (" + initial + "), stage after stage, the oldest message e is delivered",
                "(" + initial + ")에서 출발해 국면마다, 가장 오래된 메시지 e를"));
        out.println(t("after the shortest schedule that keeps the configuration bivalent.",
                "구성이 양가로 남는 가장 짧은 스케줄 뒤에 전달한다."));

        var result = adversary.build(INPUTS, 100);
        var lasso = result.lasso().orElseThrow(() -> new IllegalStateException(
                t("no lasso: ", "올가미 없음: ") + result.stop().map(FlpAdversary.Stop::reason).orElse("?")));
        var checks = adversary.check(lasso);
        DemoArgs.heading(out, t("The lasso the search found", "탐색이 찾은 올가미"));
        out.println(t("  prefix: " + lasso.prefixSteps().size() + " steps, cycle: " + lasso.cycleSteps().size()
                + " steps, then the cycle again with every ballot " + lasso.roundShift() + " higher, forever.",
                "  앞부분: " + lasso.prefixSteps().size() + "단계, 순환: " + lasso.cycleSteps().size()
                + "단계, 그다음 모든 투표 번호를 " + lasso.roundShift() + "씩 올린 순환이 영원히 되풀이된다."));
        out.println(t("  the cycle:", "  순환:"));
        for (Msg m : lasso.cycleSteps()) {
            out.println("    " + m);
        }
        DemoArgs.heading(out, t("Checks, computed by replaying the lasso", "올가미를 재실행해 계산한 확인 결과"));
        out.println(t("  closes (twice, ballots +" + lasso.roundShift() + " each time): " + (checks.closes() ? "yes" : "NO")
                + "; fair: " + (checks.fair() ? "yes" : "NO") + "; crash steps: none (the model has none)",
                "  닫힘 (두 번, 매번 투표 번호 +" + lasso.roundShift() + "): " + (checks.closes() ? "예" : "아니오")
                + "; 공정: " + (checks.fair() ? "예" : "아니오") + "; 충돌 단계: 없음 (모델에 없다)"));
        out.println(t("  messages received per process in one cycle: ", "  순환 한 번에 프로세스별로 받은 메시지: ")
                + java.util.stream.IntStream.range(0, paxos.n())
                .mapToObj(p -> "p" + p + " " + checks.stepsPerProcess().get(p)).collect(Collectors.joining(" · ")));
        out.println(t("  messages in flight at the cycle's start: " + checks.pendingAtCycleStart().size()
                + ", delivered in it: " + (checks.pendingAtCycleStart().size() - checks.undeliveredInCycle().size()),
                "  순환 시작 때 전송 중인 메시지: " + checks.pendingAtCycleStart().size()
                + ", 그 안에서 전달됨: " + (checks.pendingAtCycleStart().size() - checks.undeliveredInCycle().size())));
        out.println(t("  configurations: " + checks.configurations() + ", certified bivalent: " + checks.bivalent()
                + ", with a decision: " + checks.decided(), "  구성: " + checks.configurations() + ", 양가로 확인됨: "
                + checks.bivalent() + ", 결정이 있는 것: " + checks.decided()));
        // read the cycle: how each accept delivered in it was answered
        var pre = adversary.replay(lasso.start(), lasso.prefixSteps());
        var once = adversary.replay(pre.get(pre.size() - 1), lasso.cycleSteps());
        java.util.Map<Integer, Integer> acceptedPerBallot = new TreeMap<>();
        int refused = 0;
        int refusedForOther = 0; // refused because the acceptor had promised the other proposer's ballot
        for (int i = 0; i < lasso.cycleSteps().size(); i++) {
            Msg m = lasso.cycleSteps().get(i);
            if (!m.kind().equals("accept")) {
                continue;
            }
            List<Msg> sent = new ArrayList<>(once.get(i + 1).buffer());
            once.get(i).buffer().forEach(sent::remove);
            if (sent.stream().anyMatch(r -> r.kind().equals("accepted"))) {
                acceptedPerBallot.merge(m.ballot(), 1, Integer::sum);
            } else {
                refused++;
                int promise = once.get(i).processes().get(m.to()).ballot();
                if (promise > m.ballot() && proposerOf(promise) != m.from()) {
                    refusedForOther++;
                }
                acceptedPerBallot.putIfAbsent(m.ballot(), 0);
            }
        }
        var prepares = lasso.cycleSteps().stream().filter(m -> m.kind().equals("prepare")).toList();
        long ballotsPrepared = prepares.stream().map(Msg::ballot).distinct().count();
        String perProposer = java.util.stream.IntStream.of(0, 1).mapToObj(p -> "p" + p + " "
                + prepares.stream().filter(m -> m.from() == p).map(Msg::ballot).distinct().count()).collect(Collectors.joining(", "));
        out.println();
        String ballotNames = acceptedPerBallot.keySet().stream().map(b -> "b" + b).collect(Collectors.joining(", "));
        String acceptedCounts = acceptedPerBallot.values().stream().map(String::valueOf).collect(Collectors.joining(", "));
        out.println(t("  Per cycle: " + ballotsPrepared + " new ballots prepared (" + perProposer + "); accepts delivered per ballot "
                + ballotNames + ":", "  순환마다: 새 투표 번호 " + ballotsPrepared + "개를 prepare했다(" + perProposer
                + "); 투표 번호 " + ballotNames + "별로 전달된 accept는"));
        out.println(t("  accepted by " + acceptedCounts + " acceptor(s), " + refused + " refused.",
                "  수락자 " + acceptedCounts + "곳이 수락했고, " + refused + "개는 거절당했다."));
        int most = acceptedPerBallot.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Demo02Bivalence.wrap(out, "  ", duel(most, refused, refusedForOther));

        DemoArgs.heading(out, t("The same rules on the simulation, " + runs + " seeds per row",
                "같은 규칙을 시뮬레이션에서, 행마다 시드 " + runs + "개"));
        TimingModel model = TimingModel.partiallySynchronous(Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(15));
        out.println(t("  network: " + model.name() + " (long-tailed delays, median 100 ms, p99 3 s, before GST)",
                "  네트워크: " + model.name() + " (꼬리가 긴 지연, 중앙값 100 ms, p99 3 s, GST 전)"));
        out.println(t("                               ballots until the first decision",
                "                               첫 결정까지의 투표 번호 수"));
        // padded by terminal columns, not characters, so the Korean header stands over its figures
        out.printf("  %s %s  %s  %s  %3s  %3s   %s%n", Columns.left(t("retry", "재시도"), 19), Columns.right(t("decided", "결정"), 7),
                Columns.right(t("unsafe", "불안전"), 6), Columns.right(t("median", "중앙값"), 6), "p90", "max", t("median time to decide", "결정 시간 중앙값"));
        StringBuilder md = new StringBuilder(t("# Paxos, two proposers: ballots until the first decision\n\n" + model.name()
                + ", " + runs + " seeds per row\n\n| ballots | at once | randomised backoff |\n",
                "# Paxos, 제안자 둘: 첫 결정까지의 투표 번호 수\n\n" + model.name()
                + ", 행마다 시드 " + runs + "개\n\n| 투표 번호 수 | 곧바로 | 무작위 백오프 |\n") + "| ---: | ---: | ---: |\n");
        List<TreeMap<Integer, Integer>> histograms = new ArrayList<>();
        int unsafeTotal = 0;
        List<Integer> decidedPerRow = new ArrayList<>();
        for (Duration backoff : new Duration[] {null, BACKOFF_BASE}) {
            List<Integer> ballots = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            int decided = 0;
            int unsafe = 0;
            TreeMap<Integer, Integer> hist = new TreeMap<>();
            for (long seed = 1; seed <= runs; seed++) {
                var r = PaxosBackoff.run(seed, model, backoff, Duration.ofSeconds(60));
                if (!r.safe()) {
                    unsafe++;
                }
                if (r.decided()) {
                    decided++;
                    ballots.add(r.ballots());
                    times.add(r.decidedAtNanos());
                    hist.merge(r.ballots(), 1, Integer::sum);
                }
            }
            unsafeTotal += unsafe;
            decidedPerRow.add(decided);
            histograms.add(hist);
            ballots.sort(null);
            times.sort(null);
            out.printf("  %s %7d  %6d  %6s  %3s  %3s   %s%n",
                    Columns.left(backoff == null ? t("at once", "곧바로") : t("backoff base ", "백오프 기준 ") + backoff.toMillis() + " ms", 19),
                    decided, unsafe, pct(ballots, 50), pct(ballots, 90), ballots.isEmpty() ? "-" : ballots.get(ballots.size() - 1),
                    times.isEmpty() ? "-" : times.get(times.size() / 2) / 1_000_000 + " ms");
        }
        java.util.SortedSet<Integer> keys = new java.util.TreeSet<>(histograms.get(0).keySet());
        keys.addAll(histograms.get(1).keySet());
        out.println();
        // the first column widens to its Korean header (12 columns) in Korean only
        String ballotsHeader = t("ballots", "투표 번호 수");
        int ballotsWidth = Math.max(7, Columns.width(ballotsHeader));
        out.printf("  %s   %s   %s%n", Columns.right(ballotsHeader, ballotsWidth), Columns.right(t("at once", "곧바로"), 7),
                Columns.right(t("backoff", "백오프"), 7));
        for (int k : keys) {
            out.printf("  %" + ballotsWidth + "d   %7d   %7d%n", k, histograms.get(0).getOrDefault(k, 0), histograms.get(1).getOrDefault(k, 0));
            md.append("| ").append(k).append(" | ").append(histograms.get(0).getOrDefault(k, 0)).append(" | ")
                    .append(histograms.get(1).getOrDefault(k, 0)).append(" |\n");
        }
        out.println();
        out.println(t("Agreement and validity held in " + (2 * runs - unsafeTotal) + " of " + (2 * runs) + " runs (checked in every run).",
                "일치성과 유효성은 실행 " + (2 * runs) + "개 중 " + (2 * runs - unsafeTotal) + "개에서 성립했다(모든 실행에서 확인)."));
        out.println(t("Random delays are not the adversary: retrying at once, " + decidedPerRow.get(0) + " of " + runs
                + " runs decided; with backoff, " + decidedPerRow.get(1) + " of " + runs + ".",
                "무작위 지연은 적대자가 아니다: 곧바로 재시도하면 실행 " + runs + "개 중 " + decidedPerRow.get(0)
                + "개가 결정했고, 백오프를 두면 " + runs + "개 중 " + decidedPerRow.get(1) + "개가 결정했다."));
        Demo02Bivalence.wrap(out, "", delays(decidedPerRow, runs) + t(" Neither proves termination: Lamport's Paxos Made Simple"
                + " (§2.4) gets progress by a distinguished proposer, elected with randomness or timeouts, once enough of the"
                + " system works properly.", " 어느 쪽도 종료를 증명하지는 않는다: Lamport의 Paxos Made Simple(§2.4)은 시스템의"
                + " 충분한 부분이 제대로 동작하게 되면, 무작위성이나 타임아웃으로 뽑은 특별한 제안자(distinguished proposer)로"
                + " 진행을 얻는다."));

        Files.createDirectories(a.out());
        Path mmd = a.out().resolve("duelling-proposers.mmd");
        Files.writeString(mmd, mermaid(lasso), StandardCharsets.UTF_8);
        out.println();
        Diagrams.write(a.out(), "duelling-proposers-run", t("Paxos, two proposers: prefix and two turns of the duel (1 step = 1 ms)",
                        "Paxos, 제안자 둘: 앞부분과 결투 두 바퀴 (1단계 = 1 ms)"),
                LassoTrace.of(adversary, lasso, 2), e -> true);
        Path mdFile = a.out().resolve("ballots.md");
        Files.writeString(mdFile, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote ", "썼다: ") + mmd);
        out.println(t("wrote ", "썼다: ") + mdFile);
    }

    /** The randomised backoff's base: about one round trip at the median delay before GST (2 × 100 ms). */
    static final Duration BACKOFF_BASE = Duration.ofMillis(200);

    /** The initial configuration the search starts from: p0 proposes 0, p1 proposes 1; the acceptors' inputs do not matter. */
    static final String INPUTS = "01000";

    /** The proposer that owns {@code ballot}: p0 the odd ballots, p1 the even ones. */
    static int proposerOf(int ballot) {
        return ballot % 2 == 1 ? 0 : 1;
    }

    /** What the cycle's accepts show, from the most acceptances a ballot got and how its accepts were refused. */
    static String duel(int most, int refused, int refusedForOther) {
        int q = DuellingPaxos.QUORUM;
        if (most >= q) {
            return t("A ballot got " + most + " acceptances, the " + q + " its proposer needs: this cycle is not a duel.",
                    "한 투표 번호가 제안자에게 필요한 " + q + "개의 수락 중 " + most + "개를 얻었다: 이 순환은 결투가 아니다.");
        }
        String s = t("No ballot got the " + q + " acceptances its proposer needs (at most " + most + ").",
                "어느 투표 번호도 제안자에게 필요한 수락 " + q + "개를 얻지 못했다(많아야 " + most + "개).");
        if (refused > 0 && refusedForOther == refused) {
            return s + t(" Each of the " + refused + " refused accepts reached an acceptor that had already promised the other"
                    + " proposer's higher ballot; the first nack for each ballot sent its proposer to a higher ballot.",
                    " 거절된 accept " + refused + "개는 모두 이미 상대 제안자의 더 높은 투표 번호를 약속한 수락자에게"
                    + " 닿았다; 투표 번호마다 첫 nack이 그 제안자를 더 높은 투표 번호로 보냈다.");
        }
        return s + t(" Of the " + refused + " refused accepts, " + refusedForOther
                + " reached an acceptor that had already promised the other proposer's higher ballot.",
                " 거절된 accept " + refused + "개 중 " + refusedForOther
                + "개가 이미 상대 제안자의 더 높은 투표 번호를 약속한 수락자에게 닿았다.");
    }

    /** What the simulated rows say about the adversary's schedule, from how many runs of each row decided. */
    static String delays(List<Integer> decidedPerRow, int runs) {
        if (decidedPerRow.stream().allMatch(d -> d == runs)) {
            return t("The lasso shows that the never-deciding schedule exists; in these runs the random delays did not keep to it.",
                    "올가미는 끝내 결정하지 않는 스케줄이 존재함을 보여 준다; 이 실행들에서 무작위 지연은 그 스케줄을 따르지 않았다.");
        }
        int undecided = decidedPerRow.stream().mapToInt(d -> runs - d).sum();
        return t("The lasso shows that the never-deciding schedule exists; " + undecided + " of the " + (decidedPerRow.size() * runs)
                + " simulated runs did not decide within the 60 s each was given (which alone does not show that they never would).",
                "올가미는 끝내 결정하지 않는 스케줄이 존재함을 보여 준다; 시뮬레이션 실행 " + (decidedPerRow.size() * runs) + "개 중 "
                + undecided + "개가 저마다 주어진 60 s 안에 결정하지 못했다(그것만으로 영원히 결정하지 않으리라는 뜻은 아니다).");
    }

    private static String pct(List<Integer> sorted, int p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.valueOf(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    private static String mermaid(FlpAdversary.Lasso<State, Msg> lasso) {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n    title ")
                .append(Mermaid.escape(t("Paxos, two proposers: the duel FLP's adversary found (no crash, no decision)",
                        "Paxos, 제안자 둘: FLP의 적대자가 찾은 결투 (충돌 없음, 결정 없음)"))).append('\n');
        String[] names = {t("p0 (proposer, input 0)", "p0 (제안자, 입력 0)"), t("p1 (proposer, input 1)", "p1 (제안자, 입력 1)"),
                t("p2 (acceptor)", "p2 (수락자)"), t("p3 (acceptor)", "p3 (수락자)"), t("p4 (acceptor)", "p4 (수락자)")};
        for (int p = 0; p < names.length; p++) {
            sb.append("    participant p").append(p).append(" as ").append(Mermaid.escape(names[p])).append('\n');
        }
        for (Msg m : lasso.prefixSteps()) {
            arrow(sb, m);
        }
        sb.append("    loop ").append(Mermaid.escape(t("repeats forever, every ballot +" + lasso.roundShift(),
                "영원히 반복, 투표 번호마다 +" + lasso.roundShift()))).append('\n');
        for (Msg m : lasso.cycleSteps()) {
            arrow(sb, m);
        }
        sb.append("    end\n");
        return sb.toString();
    }

    private static void arrow(StringBuilder sb, Msg m) {
        String s = m.toString();
        sb.append("    p").append(m.from()).append("->>p").append(m.to()).append(": ").append(Mermaid.escape(s.substring(s.indexOf(' ') + 1))).append('\n');
    }
}
