package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.crash.CrashRecoveryRun;
import dev.dbinternals.ch08.failuremodels.crash.Durability;
import dev.dbinternals.ch08.failuremodels.crash.RecoveryModel;
import dev.dbinternals.ch08.failuremodels.crash.CrashRecoveryRun.Outcome;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Demo 5: a register node crashes at every point of its write handler and restarts; which
 * acknowledged writes are gone? First sampled over seeds in the simulator, then exhaustively
 * with {@link RecoveryModel}.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌): crash-stop vs crash-recovery. Run:
 * {@code ./ch08 demo ch08-failure-models crash-recovery [--quick]}
 */
public final class Demo05CrashLosesAckedWrites {

    private Demo05CrashLosesAckedWrites() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("crash-recovery", "acknowledged writes vs crash points, per durability mode",
                "내구성 모드별로, 충돌 지점에 따라 확인 응답한 쓰기가 살아남는지").parse(argv);
        int writes = 5;
        int seeds = args.quick() ? 5 : 20;
        DemoArgs.heading(System.out, t("A client writes k1..k5 (retransmitting until acknowledged); the node crashes once, restarts 50 ms later",
                "클라이언트가 k1..k5를 쓴다(확인 응답을 받을 때까지 재전송). 노드는 한 번 충돌하고 50 ms 뒤 재시작한다"));
        System.out.println(t("Crash-stop would end the story at the crash: the node never answers again and holds",
                "충돌-정지(crash-stop)라면 이야기는 충돌에서 끝난다: 노드는 다시 답하지 않고, 누가 읽을 수 있는 것도"));
        System.out.println(t("nothing anyone could read. Crash-recovery brings it back with only what it synced.",
                "남기지 않는다. 충돌-복구(crash-recovery)는 노드를 되살리되 동기화(sync)해 둔 것만 가지고 돌아오게 한다."));
        System.out.printf(t("Each cell: runs (of %d: seeds x which of the first %d passes through that point is hit; a%n",
                "각 칸: 확인 응답한 쓰기를 잃은 실행 수(전체 %d = 시드 x 그 지점을 지나는 처음 %d번 중 몇 번째에서 충돌하는지.%n"),
                seeds * writes, writes);
        System.out.printf(t("retransmitted write passes again) that lost an acknowledged write.%n%n",
                "재전송된 쓰기는 그 지점을 다시 지난다).%n%n"));
        Map<Durability, Map<String, Integer>> lost = new EnumMap<>(Durability.class);
        for (Durability d : Durability.values()) {
            Map<String, Integer> cells = new LinkedHashMap<>();
            lost.put(d, cells);
            StringBuilder row = new StringBuilder(String.format("%-14s", d));
            for (String point : d.failPoints()) {
                int bad = 0;
                for (long s = 0; s < seeds; s++) {
                    for (int occ = 1; occ <= writes; occ++) {
                        if (!CrashRecoveryRun.run(args.seed() + s, d, point, occ, writes).lostAcknowledgedWrites().isEmpty()) {
                            bad++;
                        }
                    }
                }
                cells.put(point, bad);
                row.append(String.format(t(" | crash after %-8s %3d", " | 충돌 지점 %-8s %3d"), point + ":", bad));
            }
            System.out.println(row);
        }
        System.out.println();
        narration(lost).forEach(System.out::println);

        DemoArgs.heading(System.out, t("Exhaustively: every state of 3 writes, any message losses, up to 2 crashes at any step",
                "전수 탐색: 쓰기 3개의 모든 상태, 임의의 메시지 손실, 어느 단계에서든 최대 2번의 충돌"));
        System.out.println(t("(RecoveryModel on the harness's explorer: the replica's handler runs one step at a time and",
                "(하네스의 탐색기 위의 RecoveryModel: 복제본의 핸들러는 한 단계씩 실행되고 어느 두 단계 사이에서든"));
        System.out.println(t("may crash between any two; the client retransmits; the network may lose anything.)",
                "충돌할 수 있다. 클라이언트는 재전송하고, 네트워크는 무엇이든 잃을 수 있다.)"));
        for (Durability d : Durability.values()) {
            var r = RecoveryModel.explore(d, 3, 2);
            System.out.printf(t("%-14s %6d states, %6d transitions: %s%n", "%-14s 상태 %6d개, 전이 %6d개: %s%n"), d, r.stateCount(),
                    r.transitionCount(),
                    r.violations().isEmpty() ? t("no reachable state loses an acknowledged write",
                            "도달 가능한 어떤 상태도 확인 응답한 쓰기를 잃지 않는다")
                            : t(r.violations().size() + " states lose one; shortest run:",
                                    "상태 " + r.violations().size() + "개가 하나를 잃는다. 가장 짧은 실행:"));
            if (!r.violations().isEmpty()) {
                System.out.println("    " + String.join(" -> ", r.violations().get(0).path()));
            }
        }

        DemoArgs.heading(System.out, t("One run: MEMORY_ONLY, crash after acknowledging k3", "실행 하나: MEMORY_ONLY, k3에 확인 응답한 뒤 충돌"));
        Outcome o = CrashRecoveryRun.run(args.seed(), Durability.MEMORY_ONLY, "acked", 3, writes);
        System.out.println(t("client was told OK for: ", "클라이언트가 OK를 받은 키:  ") + o.acknowledged().keySet());
        System.out.println(t("node holds after restart: ", "재시작 뒤 노드가 가진 키: ") + o.afterRestart().keySet());
        System.out.println(t("acknowledged but lost:    ", "확인 응답했지만 잃은 키: ") + o.lostAcknowledgedWrites());
        Diagrams.write(args.out(), "memory-only-crash", t("MEMORY_ONLY register: crash after acknowledging k3",
                "MEMORY_ONLY 레지스터: k3에 확인 응답한 뒤 충돌"), o.sim().trace(),
                Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.DROP, Kind.CRASH, Kind.RESTART, Kind.NOTE));
    }

    /** The lines after the sampled table, computed from its cells: mode to fail point to runs that lost a write. */
    static List<String> narration(Map<Durability, Map<String, Integer>> lost) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Durability, Map<String, Integer>> e : lost.entrySet()) {
            List<String> losing = new ArrayList<>();
            e.getValue().forEach((point, n) -> {
                if (n > 0) {
                    losing.add(point);
                }
            });
            String head = e.getKey() + (losing.isEmpty() ? t(" lost nothing at any crash point", "은(는) 어느 충돌 지점에서도 잃은 것이 없다")
                    : t(" lost acknowledged writes after a crash at: " + String.join(", ", losing),
                            "은(는) 다음 지점 이후의 충돌에서 확인 응답한 쓰기를 잃었다: " + String.join(", ", losing)));
            String why = switch (e.getKey()) {
                case MEMORY_ONLY -> t("memory is empty after a restart, so it is correct only until the first one",
                        "재시작하면 메모리가 비므로 첫 재시작 전까지만 올바르다");
                case WRITE_NO_SYNC -> t("an unsynced write lives in the page cache, which a crash empties",
                        "동기화하지 않은 쓰기는 페이지 캐시에 있는데, 충돌이 그것을 비운다");
                case ACK_THEN_SYNC -> t("the write acknowledged just before the crash had not been synced yet",
                        "충돌 직전에 확인 응답한 쓰기가 아직 동기화되지 않았다");
                case SYNC_THEN_ACK -> t("a crash before the sync loses a write nobody was promised, and the client's"
                        + " retransmission brings it back",
                        "동기화 전의 충돌은 아무에게도 약속하지 않은 쓰기만 잃고, 클라이언트의 재전송이 그것을 되돌려 놓는다");
            };
            lines.add(head + (losing.isEmpty() == (e.getKey() == Durability.SYNC_THEN_ACK) ? ":\n    " + why + "." : "."));
        }
        return lines;
    }
}
