package dev.dbinternals.ch08.concurrency;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.concurrency.replication.RingScenario;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.PrintStream;

/**
 * State consistency (상태 일관성), part 2: a divergent view of the ring (링 상태 불일치) routes a
 * write and a read to different owners; ring epochs checked on every request fix it.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public final class Demo08RingView {

    private Demo08RingView() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("ring-view", "divergent ring views: data written but not found, then ring epochs",
                "링 상태 불일치: 쓴 데이터를 찾지 못하다가, 링 에포크로 해결한다").parse(args);
        PrintStream out = DemoSupport.stdout();
        String key = RingScenario.movedKey();
        DemoArgs.heading(out, t("s4 joined: ring epoch 1 " + RingScenario.OLD.members() + " -> epoch 2 " + RingScenario.NEW.members(),
                "s4가 합류했다: 링 에포크 1 " + RingScenario.OLD.members() + " -> 에포크 2 " + RingScenario.NEW.members()));
        out.println(t("key '" + key + "': owner at epoch 1 = " + RingScenario.OLD.owner(key) + ", at epoch 2 = " + RingScenario.NEW.owner(key),
                "키 '" + key + "': 에포크 1의 소유자 = " + RingScenario.OLD.owner(key) + ", 에포크 2의 소유자 = " + RingScenario.NEW.owner(key)));
        java.util.List<Case> cases = new java.util.ArrayList<>();
        for (boolean staleWriter : new boolean[] {false, true}) {
            for (boolean check : new boolean[] {false, true}) {
                var o = new RingScenario(check).run(a.seed(), staleWriter);
                java.util.List<String> holders = o.dataByNode().entrySet().stream().filter(e -> e.getValue().containsKey(key))
                        .map(java.util.Map.Entry::getKey).toList();
                cases.add(new Case(check, o.readByB(), holders, o.reroutes()));
                out.printf(t("%n%s, epoch check %s:%n", "%n%s, 에포크 검사 %s:%n"), staleWriter
                        ? t("writer A has the OLD ring, reader B the new", "쓰는 A는 옛 링을, 읽는 B는 새 링을 가졌다")
                        : t("writer A has the new ring, reader B the OLD", "쓰는 A는 새 링을, 읽는 B는 옛 링을 가졌다"),
                        check ? t("ON", "켬") : t("off", "끔"));
                out.println(t("  B's read returned: ", "  B의 읽기가 돌려준 값: ") + (o.readByB() == null ? t("nothing", "없음") : o.readByB())
                        + t("; reroutes after a stale-ring reply: ", ", 옛 링이라는 응답 뒤의 재라우팅: ") + o.reroutes());
                out.println(t("  data by node: ", "  노드별 데이터: ") + o.dataByNode());
                out.print("  " + o.check().render(4).replace("\n", "\n  ").stripTrailing() + "\n");
                if (!staleWriter) {
                    o.simulation().trace().setPayloadFormat(dev.dbinternals.ch08.concurrency.replication.RingMessages.CODEC::describe);
                    Diagrams.write(a.out(), "ring-" + (check ? "epochs" : "divergent"), t("Divergent ring view, epoch check " + (check ? "on" : "off"), "링 상태 불일치, 에포크 검사 " + (check ? "켬" : "끔")),
                            o.simulation().trace(), e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_FIRE);
                }
            }
        }
        out.println();
        out.print(verdict(cases, 42L, RingScenario.NEW.owner(key)));
    }

    /** One run, reduced to what the narration needs: B's read, the nodes holding the key, the reroutes. */
    record Case(boolean epochCheck, Long readByB, java.util.List<String> holders, int reroutes) {
    }

    /** What the runs showed, from their outcomes: with and without the epoch check, did B read the written value, and where is it stored. */
    static String verdict(java.util.List<Case> cases, long written, String owner) {
        StringBuilder s = new StringBuilder();
        for (boolean check : new boolean[] {false, true}) {
            java.util.List<Case> cs = cases.stream().filter(c -> c.epochCheck() == check).toList();
            long found = cs.stream().filter(c -> Long.valueOf(written).equals(c.readByB())).count();
            long misplaced = cs.stream().filter(c -> !c.holders().equals(java.util.List.of(owner))).count();
            int reroutes = cs.stream().mapToInt(Case::reroutes).sum();
            long nothing = cs.stream().filter(c -> c.readByB() == null).count();
            s.append(String.format(t("Epoch check %s: B's read returned the written %d in %d of %d runs, nothing in %d;%n",
                    "에포크 검사 %1$s: B의 읽기는 실행 %4$d개 중 %3$d개에서 쓴 값 %2$d를, %5$d개에서 아무것도 돌려주지 않았다.%n"),
                    check ? t("ON", "켬") : t("off", "끔"), written, found, cs.size(), nothing));
            s.append(misplaced == 0 ? String.format(t("  the value ended on its epoch-2 owner %s only", "  값은 에포크 2의 소유자 %s에만 남았다"), owner)
                    : String.format(t("  in %d run(s) the value ended elsewhere than (or besides) its epoch-2 owner %s",
                            "  실행 %d개에서 값이 에포크 2의 소유자 %s 말고 (또는 그 밖에도) 다른 곳에 남았다"), misplaced, owner));
            s.append(String.format(t("; %d request(s) rejected for a stale ring and rerouted.%n",
                    ". 옛 링 때문에 거부되어 재라우팅된 요청은 %d개다.%n"), reroutes));
        }
        return s.toString();
    }
}
