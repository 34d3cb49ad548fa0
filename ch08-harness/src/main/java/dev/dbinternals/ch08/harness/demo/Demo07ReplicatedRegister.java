package dev.dbinternals.ch08.harness.demo;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.harness.example.ReplicatedRegister;
import dev.dbinternals.ch08.harness.history.HistoryEvent;
import dev.dbinternals.ch08.harness.history.Operation;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.List;

/**
 * Demo 7: a replicated register (Attiya, Bar-Noy and Dolev's majority-quorum algorithm) under a
 * nemesis, its clients' history checked for linearizability; then the same register with a seeded
 * bug (a read that skips its write-back), the seed that shows it, and the command that replays it.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유), "State
 * Consistency" (상태 일관성) and "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애).
 * The protocol is in {@link dev.dbinternals.ch08.harness.example.RegisterClient}.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Run: {@code ./ch08 demo ch08-harness register [--seed N] [--search K] [--quick]}
 */
public final class Demo07ReplicatedRegister {

    private static final Duration ACTIVE = Duration.ofMillis(500);

    private Demo07ReplicatedRegister() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("register", "a replicated register under a nemesis, checked for linearizability",
                        "네메시스(nemesis) 아래의 복제 레지스터, 선형성 검사")
                .intOption("clients", 3, 1, 5, "client processes", "클라이언트 프로세스 수")
                .intOption("ops", 10, 1, 99, "operations per client", "클라이언트마다 수행할 연산 수")
                .intOption("search", 300, 1, 100_000, "seeds to try, from --seed on, for the buggy register",
                        "버그가 있는 레지스터로 --seed 부터 시험할 시드 수")
                .parse(argv);
        int clients = args.intValue("clients");
        int ops = args.intValue("ops");
        long seed = args.seed();

        DemoArgs.heading(System.out, t("A register on 3 replicas, " + clients + " clients, a nemesis (seed " + seed + ")",
                "복제본 3개 위의 레지스터, 클라이언트 " + clients + "개, 네메시스 (시드 " + seed + ")"));
        System.out.println(t("write v: ask a majority for their tags, store v with a higher tag at a majority.",
                "쓰기 v: 과반에게 태그를 묻고, 더 높은 태그를 붙인 v를 과반에 저장한다."));
        System.out.println(t("read: ask a majority, take the value with the highest tag, write it back to a majority, return it.",
                "읽기: 과반에게 묻고, 태그가 가장 높은 값을 골라 과반에 다시 쓴 뒤(write-back) 반환한다."));
        System.out.println(t("Links lose 20% of frames (long-tailed delays); replicas sync before they acknowledge.",
                "링크는 프레임의 20%를 잃고(꼬리가 긴 지연), 복제본은 확인 응답 전에 동기화(sync)한다."));
        ReplicatedRegister.Run run = ReplicatedRegister.run(seed, false, clients, ops, ACTIVE);
        schedule(run);
        verdict(run);

        DemoArgs.heading(System.out, t("The same register, but a read returns without its write-back",
                "같은 레지스터, 단 읽기가 write-back 없이 반환한다"));
        int search = args.intValue("search");
        ReplicatedRegister.Run bad = null;
        int tried = 0;
        for (long s = seed; s < seed + search && bad == null; s++) {
            tried++;
            ReplicatedRegister.Run r = ReplicatedRegister.run(s, true, clients, ops, ACTIVE);
            if (r.result().verdict() == Verdict.VIOLATED) {
                bad = r;
            }
        }
        if (bad == null) {
            System.out.printf(t("%d seeds from %d tried: the checker found no violation in any (try --search with more).%n",
                    "시드 %2$d부터 %1$d개를 시험했다: 검사기는 어느 것에서도 위반을 찾지 못했다 (--search 를 늘려 보라).%n"), tried, seed);
            return;
        }
        if (tried == 1) {
            System.out.printf(t("seed %d is not linearizable (the first seed tried).%n", "시드 %d 의 히스토리는 선형적이지 않다 (처음 시험한 시드다).%n"),
                    bad.seed());
        } else {
            System.out.printf(t("seed %d is not linearizable (found after trying %d seeds).%n", "시드 %d 의 히스토리는 선형적이지 않다 (시드 %d개를 시험해 찾았다).%n"),
                    bad.seed(), tried);
        }
        System.out.println(t("Without the write-back a read may return a value that only a minority of replicas holds yet;",
                "write-back 이 없으면 읽기는 아직 소수의 복제본만 가진 값을 반환할 수 있다."));
        System.out.println(t("an operation that starts after it may ask a majority that lacks that value, and miss it.",
                "그 뒤에 시작한 연산은 그 값이 없는 과반에게 물어 그 값을 놓칠 수 있다."));
        schedule(bad);
        verdict(bad);
        core(bad);
        System.out.println(t("Replay it (the correct register first, on the same schedule, then this one):",
                "재현하려면 (같은 스케줄에서 올바른 레지스터를 먼저, 다음에 이것을):"));
        System.out.println("  ./ch08 demo ch08-harness register --seed " + bad.seed()
                + (clients != 3 ? " --clients " + clients : "") + (ops != 10 ? " --ops " + ops : ""));
        Diagrams.write(args.out(), "register-bug", t("Register without the read's write-back, seed " + bad.seed(),
                "읽기의 write-back 이 없는 레지스터, 시드 " + bad.seed()), bad.sim().trace(),
                e -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_CANCEL && e.kind() != Kind.TIMER_FIRE);
    }

    private static void schedule(ReplicatedRegister.Run run) {
        DemoArgs.heading(System.out, t("The nemesis's schedule (seed " + run.seed() + ")", "네메시스의 스케줄 (시드 " + run.seed() + ")"));
        run.sim().trace().ofKind(Kind.NOTE).stream().filter(e -> e.detail().startsWith("nemesis (seed"))
                .forEach(e -> System.out.println("  " + e.detail()));
        if (run.schedule().isEmpty()) {
            System.out.println(t("  no fault in this seed: only the links' loss and delays", "  이 시드에는 장애가 없다: 링크의 손실과 지연뿐이다"));
        }
        long end = run.sim().nowNanos();
        for (String line : run.schedule()) {
            System.out.println(line);
        }
        long happened = run.sim().trace().ofKind(Kind.NOTE).stream()
                .filter(e -> e.detail().startsWith("nemesis: ") && !e.detail().startsWith("nemesis: active")).count();
        System.out.printf(t("the clients finished at %s; %d of these faults struck before that.%n",
                "클라이언트는 %s에 끝났다. 이 장애 가운데 %d개가 그 전에 일어났다.%n"), Trace.formatNanos(end), happened);
    }

    private static void verdict(ReplicatedRegister.Run run) {
        DemoArgs.heading(System.out, t("What the clients saw, checked", "클라이언트가 본 것, 검사 결과"));
        List<HistoryEvent> events = run.history().events();
        long infos = events.stream().filter(e -> e.type() == HistoryEvent.Type.INFO).count();
        System.out.printf(t("%d events recorded; %d operations timed out (:info: they may or may not have taken effect).%n",
                "이벤트 %d개를 기록했다. 연산 %d개가 타임아웃됐다 (:info: 효과가 났을 수도, 안 났을 수도 있다).%n"), events.size(), infos);
        System.out.println(t("the first events as Jepsen EDN (recorder.toEdn()):", "처음 이벤트들, Jepsen EDN 으로 (recorder.toEdn()):"));
        run.history().toEdn().lines().limit(4).forEach(l -> System.out.println("  " + l));
        CheckResult r = run.result();
        String text = r.render(6);
        System.out.print(r.verdict() == Verdict.VIOLATED ? text.lines().findFirst().orElse("") + "\n" : text);
    }

    /** The core of a violation with the true time of each operation, from the recorder's :time. */
    private static void core(ReplicatedRegister.Run run) {
        CheckResult.KeyResult k = run.result().keys().get(0);
        System.out.println("  " + k.explanation());
        List<HistoryEvent> events = run.history().events();
        for (Operation op : k.core()) {
            long from = events.get((int) op.invokeIndex()).time();
            String to = op.isPending() ? "?" : Trace.formatNanos(events.get((int) op.completeIndex()).time());
            System.out.printf("  %-44s %12s .. %s%n", op.describe(), Trace.formatNanos(from), to);
        }
    }
}
