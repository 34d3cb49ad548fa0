package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.render.Mermaid;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.flp.SynchronyExperiment.Algorithm;
import dev.dbinternals.ch08.flp.SynchronyExperiment.Summary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Demo 3, system synchrony (시스템 동기성): the same three processes and inputs under a
 * synchronous, an asynchronous and a partially synchronous network, running a synchronous-model
 * algorithm (FloodSet, timers used for safety) and a partial-synchrony algorithm (quorum/Paxos,
 * timers used for liveness only). Measured over many seeds on the harness simulation.
 *
 * <p>Run: {@code ./ch08 demo flp synchrony} ({@code --runs N} seeds per row, {@code --quick} 40).
 */
public final class Demo03Synchrony {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-synchrony",
                        "FloodSet vs a quorum algorithm under synchronous, asynchronous and partially synchronous timing",
                        "동기, 비동기, 부분 동기 타이밍에서 FloodSet과 쿼럼 알고리즘 비교")
                .intOption("runs", 200, 1, 100_000, "seeds per row (--quick: 40)", "행마다 시드 수 (--quick: 40)")
                .parse(args);
        int runs = a.quick() ? 40 : a.intValue("runs");
        PrintStream out = System.out;
        long bound = SynchronyExperiment.ASSUMED_BOUND.toMillis();
        out.println(t("Three processes with mixed inputs. Both algorithms were built for a delay bound of " + bound + " ms:",
                "입력이 섞인 세 프로세스. 두 알고리즘 모두 지연 상한 " + bound + " ms를 가정하고 만들었다:"));
        out.println(t("  FloodSet (synchronous model): 2 rounds of " + bound
                + " ms; a message missing at the end of a round means its sender crashed.",
                "  FloodSet(동기 모델): " + bound + " ms짜리 라운드 2번; 라운드가 끝날 때 빠진 메시지는 그 송신자가 충돌했다는 뜻이다."));
        out.println(t("  Quorum (single-decree Paxos): decide what a majority accepted in one ballot; a timeout only",
                "  Quorum(단일 결정 Paxos): 한 투표 번호(ballot)에서 과반이 수락한 값을 결정한다; 타임아웃은 새 투표 번호를"));
        out.println(t("  starts a new ballot (first timeout " + SynchronyExperiment.ASSUMED_BOUND.multipliedBy(4).toMillis()
                + " ms, doubled after each failed try).",
                "  시작할 뿐이다(첫 타임아웃 " + SynchronyExperiment.ASSUMED_BOUND.multipliedBy(4).toMillis()
                + " ms, 시도가 실패할 때마다 두 배)."));
        out.println(t("False suspicions (no process crashes in these runs, so every suspicion is false): FloodSet counts",
                "잘못된 의심(이 실행들에서는 아무 프로세스도 충돌하지 않으므로 모든 의심이 잘못이다): FloodSet은 라운드가"));
        out.println(t("senders not heard from when a round closed; Quorum counts timeouts that started a new ballot.",
                "닫힐 때 소식이 없던 송신자를 세고, Quorum은 새 투표 번호를 시작한 타임아웃을 센다."));

        List<TimingModel> models = List.of(
                TimingModel.synchronous(Duration.ofMillis(5)),
                TimingModel.synchronous(Duration.ofMillis(15)),
                TimingModel.synchronous(Duration.ofMillis(40)),
                TimingModel.synchronous(Duration.ofMillis(100)),
                TimingModel.asynchronous(Duration.ofMillis(10), Duration.ofMillis(300)),
                TimingModel.partiallySynchronous(Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(15)),
                TimingModel.cutOffUntilGst(Duration.ofSeconds(2), Duration.ofMillis(15)));
        DemoArgs.heading(out, t(runs + " seeds per row: broken = runs violating agreement, decided = runs where all decided, <GST = of those, before GST",
                "행마다 시드 " + runs + "개: 위반 = 일치성을 깬 실행, 결정 = 모두 결정한 실행, <GST = 그중 GST 전에 결정한 실행"));
        // padded by terminal columns, not characters, so the Korean model names and header line up; the suspicion
        // columns widen to 의심/실행 (9 columns) in Korean only
        String susp = t("susp/run", "의심/실행");
        int suspWidth = Math.max(8, Columns.width(susp));
        out.printf("%-52s | %s | %s%n", "", Columns.left(t("FloodSet (timers for safety)", "FloodSet (타이머를 안전성에 씀)"), 26),
                t("Quorum (timers for liveness only)", "Quorum (타이머를 활동성에만 씀)"));
        String header = String.join(" ", Columns.left(t("timing model", "타이밍 모델"), 52), "|", Columns.right(susp, suspWidth),
                Columns.right(t("broken", "위반"), 7), Columns.right(t("decided", "결정"), 8), "|", Columns.right(susp, suspWidth),
                Columns.right(t("broken", "위반"), 7), Columns.right(t("decided", "결정"), 8), String.format("%-10s", "<GST"), t("median", "중앙값"));
        out.println(header);
        StringBuilder md = new StringBuilder(t("| timing model | FloodSet false suspicions / run | FloodSet agreement broken | FloodSet decided "
                + "| Quorum false suspicions / run | Quorum agreement broken | Quorum decided (before GST) | Quorum median decision |\n",
                "| 타이밍 모델 | FloodSet 잘못된 의심 / 실행 | FloodSet 일치성 위반 | FloodSet 결정 "
                + "| Quorum 잘못된 의심 / 실행 | Quorum 일치성 위반 | Quorum 결정 (GST 전) | Quorum 결정 중앙값 |\n")
                + "|---|---|---|---|---|---|---|---|\n");
        List<Summary> floodset = new java.util.ArrayList<>();
        List<Summary> quorum = new java.util.ArrayList<>();
        for (TimingModel m : models) {
            Summary f = SynchronyExperiment.summarise(Algorithm.FLOODSET, m, runs);
            Summary q = SynchronyExperiment.summarise(Algorithm.QUORUM, m, runs);
            floodset.add(f);
            quorum.add(q);
            String gst = m.gst() == null ? "" : " (" + q.terminatedBeforeGst() + ")";
            out.printf("%s | %" + suspWidth + ".2f %7d %8d | %" + suspWidth + ".2f %7d %8d %-10s %d ms%n", Columns.left(m.name(), 52),
                    f.falseSuspicionsPerRun(), f.agreementViolations(), f.terminated(),
                    q.falseSuspicionsPerRun(), q.agreementViolations(), q.terminated(),
                    m.gst() == null ? "-" : String.valueOf(q.terminatedBeforeGst()), q.medianDecisionMillis());
            md.append(String.format("| %s | %.2f | %d / %d | %d | %.2f | %d / %d | %d%s | %d ms |%n", m.name(),
                    f.falseSuspicionsPerRun(), f.agreementViolations(), runs, f.terminated(),
                    q.falseSuspicionsPerRun(), q.agreementViolations(), runs, q.terminated(), gst, q.medianDecisionMillis()));
        }
        // the narration states only what the table above measured (rows 0-1 within the assumed
        // bound, 2-3 beyond it, 6 cut off until GST)
        out.println();
        double withinSuspicions = floodset.get(0).falseSuspicionsPerRun() + floodset.get(1).falseSuspicionsPerRun();
        int withinBroken = floodset.get(0).agreementViolations() + floodset.get(1).agreementViolations()
                + quorum.get(0).agreementViolations() + quorum.get(1).agreementViolations();
        out.printf(t("Within the assumed %d ms (Δ = 5 and 15 ms): FloodSet %s, and agreement%nbroke in %d runs of either algorithm.%n",
                        "가정한 %d ms 안에서는(Δ = 5, 15 ms): FloodSet은 %s, 일치성은%n두 알고리즘 합쳐 %d번 깨졌다.%n"),
                SynchronyExperiment.ASSUMED_BOUND.toMillis(),
                withinSuspicions == 0 ? t("made no false suspicion", "잘못된 의심을 한 번도 하지 않았고")
                        : String.format(t("made %.2f false suspicions per run", "실행당 %.2f번 잘못 의심했고"), withinSuspicions),
                withinBroken);
        Summary f40 = floodset.get(2);
        Summary f100 = floodset.get(3);
        out.printf(t("Beyond it (Δ = 40 and 100 ms) the synchronous assumption is wrong: FloodSet broke agreement in%n"
                        + "%d and %d of %d runs, and still 'decided' in %d and %d (its timers fire whatever arrived).%n",
                        "상한을 넘으면(Δ = 40, 100 ms) 동기 가정이 틀린다: FloodSet은 실행 %3$d개 중 %1$d개와 %2$d개에서%n"
                        + "일치성을 깼고, 그래도 %4$d개와 %5$d개에서 '결정'했다(무엇이 도착했든 타이머는 울린다).%n"),
                f40.agreementViolations(), f100.agreementViolations(), runs, f40.terminated(), f100.terminated());
        int quorumBroken = quorum.stream().mapToInt(Summary::agreementViolations).sum();
        long fastest = quorum.stream().mapToLong(Summary::medianDecisionMillis).min().orElse(-1);
        long slowest = quorum.stream().mapToLong(Summary::medianDecisionMillis).max().orElse(-1);
        out.printf(t("The quorum algorithm broke agreement in %d of %d runs over all rows; false suspicions and%n"
                        + "lost messages cost it time instead (median decision from %d to %d ms by row).%n",
                        "쿼럼 알고리즘은 모든 행을 합쳐 실행 %2$d개 중 %1$d개에서 일치성을 깼다; 잘못된 의심과%n"
                        + "잃어버린 메시지는 대신 시간을 잡아먹었다(행별 결정 시간 중앙값 %3$d ~ %4$d ms).%n"),
                quorumBroken, runs * models.size(), fastest, slowest);
        Summary cut = quorum.get(quorum.size() - 1);
        out.printf(t("Cut off until GST it decided before GST in %d runs and after it in %d of %d: no majority can%n"
                        + "answer before GST; it stays safe throughout and decides once the network behaves.%n",
                        "GST까지 단절되면 %3$d개 중 GST 전에 %1$d개, 그 뒤에 %2$d개에서 결정했다: GST 전에는 어떤 과반도%n"
                        + "답할 수 없다; 내내 안전하며, 네트워크가 제대로 동작하면 결정한다.%n"),
                cut.terminatedBeforeGst(), cut.terminated() - cut.terminatedBeforeGst(), runs);
        out.println(t("Random delays are not FLP's adversary, which is why it usually decides even in the asynchronous",
                "무작위 지연은 FLP의 적대자가 아니다. 그래서 쿼럼 알고리즘은 비동기 행에서도 대개 결정한다."));
        out.println(t("rows. This demo samples random delays only; it does not search for a schedule that keeps the",
                "이 데모는 무작위 지연을 표본으로 뽑을 뿐이며, 쿼럼 알고리즘이 결정하지 못하게 하는 스케줄을"));
        out.println(t("quorum algorithm from deciding.", "찾지는 않는다."));

        Files.createDirectories(a.out());
        Path table = a.out().resolve("synchrony.md");
        Files.writeString(table, md.toString(), StandardCharsets.UTF_8);

        DemoArgs.heading(out, t("One FloodSet run that breaks agreement (Δ = 100 ms, assumed 20 ms)",
                "일치성을 깨는 FloodSet 실행 하나 (Δ = 100 ms, 가정 20 ms)"));
        TimingModel late = TimingModel.synchronous(Duration.ofMillis(100));
        SynchronyExperiment.Run witness = null;
        for (long seed = a.seed(); seed < a.seed() + 1000 && witness == null; seed++) {
            var r = SynchronyExperiment.run(Algorithm.FLOODSET, late, seed, true);
            if (!r.agreement()) {
                witness = r;
            }
        }
        if (witness != null) {
            out.println(t("seed ", "시드 ") + witness.simulation().seed() + t(", inputs ", ", 입력 ") + witness.outcome().inputs()
                    + t(" → decisions ", " → 결정 ") + witness.outcome().decisions() + " (" + ConsensusProperties.agreement(witness.outcome()) + ")");
            Trace t = witness.simulation().trace();
            t.setPayloadFormat(SyncMessages.CODEC::describe);
            String text = t.toText(e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_FIRE);
            text.lines().limit(40).forEach(out::println);
            Path mmd = a.out().resolve("floodset-disagreement.mmd");
            Files.writeString(mmd, Mermaid.sequenceDiagram(t), StandardCharsets.UTF_8);
            Path html = a.out().resolve("floodset-disagreement.html");
            Files.writeString(html, dev.dbinternals.ch08.harness.render.SpaceTime.html(t, e -> true,
                    t("FloodSet breaks agreement when delays exceed its rounds", "지연이 라운드보다 길면 FloodSet은 일치성을 깬다")),
                    StandardCharsets.UTF_8);
            out.println(t("wrote " + mmd + " and " + html, "썼다: " + mmd + ", " + html));
        }
        out.println(t("wrote ", "썼다: ") + table);
    }
}
