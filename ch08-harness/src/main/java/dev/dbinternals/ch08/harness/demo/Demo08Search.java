package dev.dbinternals.ch08.harness.demo;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.explore.Explorer;
import dev.dbinternals.ch08.harness.explore.RandomWalk;
import dev.dbinternals.ch08.harness.explore.ScheduleSearch;
import dev.dbinternals.ch08.harness.explore.ScheduleSearch.Result;
import dev.dbinternals.ch08.harness.explore.ScheduleSearch.Schedule;
import java.util.Locale;

/**
 * Demo 7: the schedule search on real nodes. The {@link ExactlyOnceCounter} with its seeded bug (the
 * ids it has applied are kept in memory only, so a restart forgets them) is searched schedule by
 * schedule until the invariant breaks; the shortest schedule is printed and replayed into a trace; the
 * fixed counter is searched to a bound without a violation; and random testing on the same bug (random
 * seeds with faults and a nemesis, and the search's random walks) is counted for comparison.
 *
 * <p>Book: Chapter 8, "Exactly-once delivery" (정확히 한 번 전달) and "Crash Faults" (충돌):
 * deduplication state must survive a crash as long as the effect it guards does.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Run: {@code ./ch08 demo ch08-harness search [--quick]}
 */
public final class Demo08Search {

    private Demo08Search() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("search", "schedule search over real nodes: a counter that forgets on restart",
                        "실제 노드의 스케줄 탐색: 재시작하면 잊어버리는 카운터")
                .intOption("depth", 8, 1, 12, "the depth bound for the fixed counter, in choices (at most 6 with --quick)",
                        "고친 카운터를 탐색할 깊이 한도, 선택 수 (--quick이면 최대 6)")
                .intOption("increments", 1, 1, 3, "how many increments the client sends", "클라이언트가 보내는 증가 요청 수")
                .intOption("seeds", 2000, 1, 1_000_000, "random seeds to try on the buggy counter (300 with --quick)",
                        "버그 있는 카운터에 시도할 무작위 시드 수 (--quick이면 300)")
                .flag("plain", "also search the fix without fingerprints, to see what they save (slow at depth 8)",
                        "고친 카운터를 지문 없이도 탐색해 지문이 줄이는 양을 본다 (깊이 8이면 느림)")
                .check(a -> {
                    if (a.quick() && a.changed("depth").isPresent() && a.intValue("depth") > 6) {
                        throw new IllegalArgumentException(t("--depth must be from 1 to 6 with --quick, got " + a.intValue("depth"),
                                "--quick에서는 --depth가 1에서 6 사이여야 합니다. 받은 값: " + a.intValue("depth")));
                    }
                })
                .parse(argv);
        int increments = args.intValue("increments");
        int depth = args.quick() ? Math.min(6, args.intValue("depth")) : args.intValue("depth");
        int seeds = args.quick() && args.changed("seeds").isEmpty() ? 300 : args.intValue("seeds");

        DemoArgs.heading(System.out, t("A counter that must apply each increment once, across a crash",
                "충돌을 겪어도 증가 요청마다 한 번만 적용해야 하는 카운터"));
        System.out.println(t("C sends INC 1.." + increments + " to R, each until R acks it (retransmitting every 5 ms).",
                "C는 INC 1.." + increments + "을(를) R에 보내고, R이 ack 할 때까지 5 ms마다 재전송한다."));
        System.out.println(t("R applies an id it has not seen: the count is on disk, but the seen ids are in memory only (the bug).",
                "R은 처음 보는 id만 적용한다: 카운트는 디스크에 있지만 본 id는 메모리에만 있다 (버그)."));
        System.out.println(t("Invariant: " + ExactlyOnceCounter.INVARIANT + ". Choices at each step: deliver, drop or duplicate",
                "불변식: " + ExactlyOnceCounter.INVARIANT + ". 단계마다 선택지: 전송 중인 메시지를 전달, 손실 또는 중복,"));
        System.out.println(t("any message in flight, fire a timer, crash or restart R; at most 1 drop, 1 duplicate, 1 crash a schedule.",
                "타이머 발동, R의 충돌 또는 재시작; 스케줄마다 손실 1번, 중복 1번, 충돌 1번까지."));

        ScheduleSearch buggy = ScheduleSearch.of(ExactlyOnceCounter.scenario(false, increments))
                .mayCrash(ExactlyOnceCounter.COUNTER).faults(1, 1, 1).maxDepth(12);
        DemoArgs.heading(System.out, t("Iterative deepening over the buggy counter", "버그 있는 카운터를 반복 심화로 탐색"));
        Result found = buggy.search();
        Schedule shortest = null;
        if (found.violation().isEmpty()) {
            System.out.printf(t("no violation within %d choices (%d schedules): the bug did not show%n",
                    "선택 %d개 안에서 위반이 없다 (스케줄 %d개): 버그가 드러나지 않았다%n"), found.depth(), found.schedulesRun());
        } else {
            Explorer.Violation<Schedule> v = found.violation().get();
            shortest = v.state();
            System.out.printf(t("'%s' broken after %d choices, a shortest schedule (none of %d choices breaks it):%n",
                    "'%s' 불변식이 선택 %d개 뒤에 깨졌다. 가장 짧은 스케줄이다 (선택 %d개로는 깨지지 않는다):%n"),
                    v.invariant(), shortest.length(), shortest.length() - 1);
            System.out.print(shortest);
            System.out.printf(t("schedules run: %d (every bound from 0 to %d, re-runs included), %s schedules/s%n",
                    "실행한 스케줄: %d개 (한도 0부터 %d까지, 다시 실행한 것 포함), 초당 스케줄 %s개%n"),
                    found.schedulesRun(), found.depth(), perSecond(found));
            Result pruned = ScheduleSearch.of(ExactlyOnceCounter.scenario(false, increments))
                    .mayCrash(ExactlyOnceCounter.COUNTER).faults(1, 1, 1).maxDepth(12).withFingerprints().search();
            int prunedLength = pruned.violation().map(p -> p.state().length()).orElse(-1);
            System.out.printf(t("with fingerprints: %d schedules (%d cut short at a state explored before), a schedule of %d choices%n",
                    "지문을 쓰면: 스케줄 %d개 (이미 탐색한 상태에서 %d개를 중간에 멈춤), 선택 %d개짜리 스케줄%n"),
                    pruned.schedulesRun(), pruned.pruned(), prunedLength);

            DemoArgs.heading(System.out, t("The schedule replayed, with the trace on", "트레이스를 켜고 그 스케줄을 재현"));
            ScheduleSearch.Replay replay = buggy.replay(shortest);
            System.out.print(replay.sim().trace().toText());
            System.out.printf(t("R's count is %d after %d increment(s) issued: '%s' broken%n",
                    "증가 요청 %2$d개를 보냈는데 R의 카운트는 %1$d이다: '%3$s' 깨짐%n"),
                    ExactlyOnceCounter.count(replay.sim()), replay.sim().node(ExactlyOnceCounter.CLIENT, ExactlyOnceCounter.Client.class).issued(),
                    replay.violation().orElse("-"));
            Diagrams.write(args.out(), "search-bug", t("The shortest schedule that breaks the counter", "카운터를 깨는 가장 짧은 스케줄"),
                    replay.sim().trace(), e -> true);
        }

        DemoArgs.heading(System.out, t("The fixed counter: seen ids stored with the count, in one sync",
                "고친 카운터: 본 id를 카운트와 함께 한 번의 sync로 저장"));
        Result fixed = ScheduleSearch.of(ExactlyOnceCounter.scenario(true, increments))
                .mayCrash(ExactlyOnceCounter.COUNTER).faults(1, 1, 1).maxDepth(depth).withFingerprints().search();
        if (fixed.violation().isPresent()) {
            System.out.printf(t("violated after %s%n", "위반 경로: %s%n"), fixed.violation().get().path());
        } else {
            System.out.printf(t("no violation in any schedule of up to %d choices: %d schedules with fingerprints (%d cut short), %s schedules/s%n",
                    "선택 %d개 이하의 어떤 스케줄에도 위반이 없다: 지문을 써서 스케줄 %d개 (%d개는 중간에 멈춤), 초당 스케줄 %s개%n"),
                    fixed.depth(), fixed.schedulesRun(), fixed.pruned(), perSecond(fixed));
            if (args.flagValue("plain")) {
                Result plain = ScheduleSearch.of(ExactlyOnceCounter.scenario(true, increments))
                        .mayCrash(ExactlyOnceCounter.COUNTER).faults(1, 1, 1).maxDepth(depth).search();
                System.out.printf(t("without fingerprints: %d schedules to the same bound (%s), %s schedules/s%n",
                        "지문 없이: 같은 한도까지 스케줄 %d개 (%s), 초당 스케줄 %s개%n"),
                        plain.schedulesRun(), plain.violation().isEmpty() ? t("no violation", "위반 없음")
                                : t("violated after ", "위반 경로: ") + plain.violation().get().path(), perSecond(plain));
            }
            System.out.println(fixed.exhaustive()
                    ? t("No schedule reached the bound: within this fault budget every schedule was run.",
                        "한도에 닿은 스케줄이 없다: 이 장애 예산 안에서는 모든 스케줄을 실행했다.")
                    : t("Not a proof: longer schedules (the client retransmits forever) or more faults were not searched.",
                        "증명은 아니다: 더 긴 스케줄(클라이언트는 끝없이 재전송한다)이나 더 많은 장애는 탐색하지 않았다."));
        }

        DemoArgs.heading(System.out, t("Random testing on the same bug", "같은 버그에 대한 무작위 테스트"));
        long start = args.seed();
        int failing = 0;
        long first = -1;
        for (long seed = start; seed < start + seeds; seed++) {
            if (ExactlyOnceCounter.randomRun(seed, false, increments) != null) {
                failing++;
                if (first < 0) {
                    first = seed;
                }
            }
        }
        System.out.printf(t("random seeds %d..%d (loss 10%%, duplication 10%%, a nemesis crashing R): %d of %d broke the invariant%n",
                "무작위 시드 %d..%d (손실 10%%, 중복 10%%, R을 충돌시키는 네메시스(nemesis)): %4$d개 중 %3$d개가 불변식을 깼다%n"),
                start, start + seeds - 1, failing, seeds);
        System.out.println(first < 0
                ? t("none of them found the bug", "어느 시드도 버그를 찾지 못했다")
                : t("the first at seed " + first + ", after " + (first - start + 1) + " runs",
                    "처음은 시드 " + first + ", 실행 " + (first - start + 1) + "번 만에"));
        Result walks = RandomWalk.run(buggy, 10_000, args.seed());
        System.out.println(walks.violation().isPresent()
                ? t("random walks of the search (up to 12 choices, seed " + args.seed() + "): found after " + walks.schedulesRun()
                        + " walks, a schedule of " + walks.violation().get().state().length() + " choices",
                    "탐색의 무작위 보행 (선택 최대 12개, 시드 " + args.seed() + "): 보행 " + walks.schedulesRun() + "번 만에 찾았다, 선택 "
                        + walks.violation().get().state().length() + "개짜리 스케줄")
                : t("random walks of the search: none of " + walks.schedulesRun() + " found it",
                    "탐색의 무작위 보행: " + walks.schedulesRun() + "번 중 하나도 찾지 못했다"));
        if (shortest != null) {
            System.out.printf(t("the systematic search: %d schedules, and its schedule is a shortest one (%d choices)%n",
                    "체계적 탐색: 스케줄 %d개, 그리고 찾은 스케줄이 가장 짧다 (선택 %d개)%n"), found.schedulesRun(), shortest.length());
        }
    }

    private static String perSecond(Result r) {
        return String.format(Locale.ROOT, "%,.0f", r.schedulesPerSecond());
    }
}
