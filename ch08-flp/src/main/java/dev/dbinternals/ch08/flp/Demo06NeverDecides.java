package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Local;
import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Msg;
import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.render.Mermaid;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Demo 6 of FLP impossibility (FLP 불가능성 이론): the run FLP's proof builds, built. For
 * {@link BenOrWithoutCoin} (never waits for more than n - 1 processes, keeps agreement), the
 * {@link FlpAdversary} takes Lemma 2's bivalent initial configuration and applies Lemma 3 stage
 * after stage to the oldest message in flight, until the stages repeat: a lasso with no crash, in
 * which every process takes steps, every message is delivered and nobody decides. The checks are
 * computed by replaying the lasso. Then the same construction where it stops, naming the property
 * the protocol gives up: {@link FirstProposalWins} (Lemma 3 fails: nobody decides without the
 * coordinator) and two variants of Ben-Or (no initial configuration certified bivalent; unsafe).
 *
 * <p>Run: {@code ./ch08 demo flp never-decides}. Writes {@code never-decides.mmd}, the lasso as a
 * Mermaid sequence diagram with the cycle in a loop box, and the harness's drawings of the prefix
 * and two turns of the cycle replayed on the simulation ({@code never-decides-run.html}, {@code .md},
 * {@code .txt}; see {@link LassoTrace}).
 */
public final class Demo06NeverDecides {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-never-decides",
                "FLP's adversary builds a run with no crash that never decides: a lasso, checked for fairness and bivalence",
                "FLP의 적대자가 충돌 없이 끝내 결정하지 않는 실행을 만든다: 공정성과 양가를 확인한 올가미(lasso)")
                .intOption("budget", 3000, 100, 200_000, "configurations the search for each Lemma 3 schedule may visit",
                        "보조정리 3의 스케줄 하나를 찾는 탐색이 방문할 수 있는 구성 수")
                .parse(args);
        PrintStream out = System.out;
        BenOrWithoutCoin protocol = new BenOrWithoutCoin(3);
        FlpAdversary<Local, Msg> adversary = new FlpAdversary<>(protocol, a.intValue("budget"));
        out.println(t("Protocol: Ben-Or (1983) for crash faults, n = 3, t = 1, with its coin replaced by 'take 0'.",
                "프로토콜: 충돌 장애용 Ben-Or(1983), n = 3, t = 1, 동전 던지기를 '0을 택한다'로 바꿨다."));
        out.println(t("Each round: report x, wait for 2 reports (own included), propose v if 2 reported v, else '?';",
                "라운드마다: x를 보고하고, 보고 2개(자기 것 포함)를 기다려, 2개가 v를 보고했으면 v를, 아니면 '?'를 제안한다;"));
        out.println(t("wait for 2 proposals; 2 proposals of v: decide v; one: x := v; none: x := 0. It never waits for",
                "제안 2개를 기다려, v 제안이 2개면 v로 결정, 1개면 x := v, 없으면 x := 0. 셋 모두를 기다리는 일이"));
        out.println(t("all three, so no single crash blocks it, and it keeps agreement. FLP says some run never decides.",
                "없으므로 충돌 하나로 막히지 않으며, 일치성을 지킨다. FLP에 따르면 어떤 실행은 끝내 결정하지 않는다."));
        out.println(t("Model: the paper's. A step = one process receives one message, changes state and sends, at once;",
                "모델: 논문의 모델. 단계(step) = 한 프로세스가 메시지 하나를 받고, 상태를 바꾸고, 보내는 것을 한 번에;"));
        out.println(t("no crash steps. A configuration counts as bivalent only when random runs from it (seeded)",
                "충돌 단계는 없다. 구성은 그로부터의 무작위 실행(시드 고정)이 0으로 결정하는 것과 1로 결정하는 것을"));
        out.println(t("were found deciding 0 and deciding 1.", "모두 찾았을 때만 양가로 센다."));

        FlpAdversary.Result<Local, Msg> result = adversary.build(100);
        FlpAdversary.Lemma2 l2 = result.lemma2().orElseThrow();
        DemoArgs.heading(out, t("Lemma 2: a bivalent initial configuration", "보조정리 2: 양가 초기 구성"));
        for (int i = 0; i < l2.chain().size(); i++) {
            out.printf(t("  inputs %s  %s%n", "  입력 %s  %s%n"), l2.chain().get(i), FlpAdversary.met(l2.valences().get(i)));
        }
        FlpAdversary.Lasso<Local, Msg> lasso = result.lasso().orElseThrow(() -> new IllegalStateException(
                t("no lasso: ", "올가미 없음: ") + result.stop().map(FlpAdversary.Stop::reason).orElse("?")));
        out.println(t("  the run starts from ", "  실행의 출발점: ") + lasso.inputs());

        DemoArgs.heading(out, t("Lemma 3, stage by stage: e = the oldest message in flight",
                "보조정리 3, 국면(stage)별로: e = 전송 중인 가장 오래된 메시지"));
        List<FlpAdversary.Stage<Msg>> stages = new java.util.ArrayList<>(lasso.prefix());
        stages.addAll(lasso.cycle());
        int delayed = 0;
        for (int i = 0; i < stages.size(); i++) {
            var st = stages.get(i);
            List<Msg> before = st.schedule().subList(0, st.schedule().size() - 1);
            if (!before.isEmpty()) {
                delayed++;
            }
            // padded by terminal columns, not characters: 앞부분 and 순환 differ in width, the columns after them must not
            out.printf("  %s %2d  e = %-26s %s%n", Columns.left(i < lasso.prefix().size() ? t("prefix", "앞부분") : t("cycle", "순환"), 6), i + 1, st.due(),
                    before.isEmpty() ? t("delivered at once: still bivalent", "바로 전달: 여전히 양가")
                            : t("delayed behind ", "다음 메시지 뒤로 미룸: ") + before.stream().map(Msg::toString).collect(Collectors.joining(", ")));
        }
        out.println(t("  " + delayed + " of " + stages.size() + " stages had to deliver other messages before e to stay bivalent.",
                "  국면 " + stages.size() + "개 중 " + delayed + "개는 양가를 유지하려고 e보다 다른 메시지를 먼저 전달해야 했다."));

        DemoArgs.heading(out, t("The lasso: a prefix, then a cycle that repeats forever", "올가미: 앞부분, 그리고 영원히 반복되는 순환"));
        List<FlpAdversary.Config<Local, Msg>> pre = adversary.replay(lasso.start(), lasso.prefixSteps());
        FlpAdversary.Config<Local, Msg> cycleStart = pre.get(pre.size() - 1);
        out.println(t("  prefix (" + lasso.prefixSteps().size() + " steps): ", "  앞부분 (" + lasso.prefixSteps().size() + "단계): ")
                + join(lasso.prefixSteps()));
        out.println(t("  cycle  (" + lasso.cycleSteps().size() + " steps): ", "  순환   (" + lasso.cycleSteps().size() + "단계): ")
                + join(lasso.cycleSteps()));
        out.println(t("  then the cycle again with every round number " + lasso.roundShift() + " higher, forever.",
                "  그다음 모든 라운드 번호를 " + lasso.roundShift() + "씩 올린 순환이 영원히 되풀이된다."));
        String estimates = java.util.stream.IntStream.range(0, cycleStart.processes().size())
                .mapToObj(p -> "p" + p + "=" + cycleStart.processes().get(p).x()).collect(Collectors.joining(", "));
        out.println(t("  at the start of each cycle: round " + adversary.minRound(cycleStart) + " (+" + lasso.roundShift()
                + " each time), estimates x = " + estimates,
                "  순환이 시작될 때마다: 라운드 " + adversary.minRound(cycleStart) + " (매번 +" + lasso.roundShift()
                + "), 추정값 x = " + estimates));

        var checks = adversary.check(lasso);
        DemoArgs.heading(out, t("Checks, computed by replaying the lasso", "올가미를 재실행해 계산한 확인 결과"));
        out.println(t("  the cycle closes (replayed twice, it ends where it began, rounds +" + lasso.roundShift() + " each time): ",
                "  순환이 닫힌다 (두 번 재실행하면 매번 라운드 +" + lasso.roundShift() + "인 채 시작한 곳에서 끝난다): ")
                + yes(checks.closes()));
        out.println(t("  crash steps: none (the model has none)", "  충돌 단계: 없음 (모델에 없다)"));
        out.println(t("  messages received per process in one cycle: ", "  순환 한 번에 프로세스별로 받은 메시지: ")
                + join(java.util.stream.IntStream.range(0, protocol.n()).mapToObj(p -> "p" + p + " " + checks.stepsPerProcess().get(p)).toList()));
        out.println(t("  messages in flight when the cycle starts: " + checks.pendingAtCycleStart().size()
                + ", delivered within the cycle: " + (checks.pendingAtCycleStart().size() - checks.undeliveredInCycle().size()),
                "  순환 시작 때 전송 중인 메시지: " + checks.pendingAtCycleStart().size()
                + ", 그중 순환 안에서 전달됨: " + (checks.pendingAtCycleStart().size() - checks.undeliveredInCycle().size())));
        out.println(t("  configurations on prefix and cycle: " + checks.configurations() + ", certified bivalent: "
                + checks.bivalent() + ", holding a decision: " + checks.decided(),
                "  앞부분과 순환의 구성: " + checks.configurations() + ", 양가로 확인됨: "
                + checks.bivalent() + ", 결정을 담은 것: " + checks.decided()));
        out.println(t("  fair (every process steps in the cycle, every message pending at its start is delivered in it): ",
                "  공정함 (모든 프로세스가 순환 안에서 단계를 밟고, 순환 시작 때 대기 중인 메시지가 모두 그 안에서 전달된다): ")
                + yes(checks.fair()));
        narrate(out, adversary, cycleStart, lasso);

        DemoArgs.heading(out, t("Where the construction stops, and what the protocol gives up", "구축이 멈추는 곳, 그리고 프로토콜이 포기하는 것"));
        stop(out, new AtomicSteps(new FirstProposalWins(), 3), a.intValue("budget"));
        stop(out, BenOrWithoutCoin.waitingForAll(3), a.intValue("budget"));
        stop(out, BenOrWithoutCoin.decidingOnOneProposal(3), a.intValue("budget"));

        out.println();
        Demo02Bivalence.wrap(out, "", conclusion(lasso.inputs(), checks));

        Files.createDirectories(a.out());
        Path file = a.out().resolve("never-decides.mmd");
        Files.writeString(file, mermaid(lasso, protocol), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote " + file + "  (the lasso, the cycle in a loop box)", "썼다: " + file + "  (올가미, 순환은 loop 상자 안)"));
        // the harness's own drawing: the prefix and the cycle twice, one step per millisecond
        Diagrams.write(a.out(), "never-decides-run", t("Ben-Or without its coin: prefix and two turns of the cycle (1 step = 1 ms)",
                        "동전 없는 Ben-Or: 앞부분과 순환 두 바퀴 (1단계 = 1 ms)"),
                LassoTrace.of(adversary, lasso, 2), e -> true);
    }

    /** The closing paragraph: what the lasso shows if every check passed, else which checks failed. */
    static String conclusion(String inputs, FlpAdversary.Checks<?> checks) {
        List<String> failed = new java.util.ArrayList<>();
        if (!checks.closes()) {
            failed.add(t("the cycle does not close", "순환이 닫히지 않는다"));
        }
        if (!checks.fair()) {
            failed.add(t("the run is not fair (some process takes no step in the cycle, or a message pending at its start is not delivered)",
                    "실행이 공정하지 않다(어떤 프로세스가 순환 안에서 단계를 밟지 않거나, 순환 시작 때 대기 중인 메시지가 전달되지 않는다)"));
        }
        if (checks.decided() > 0) {
            failed.add(t(checks.decided() + " configurations hold a decision", "구성 " + checks.decided() + "개에 결정이 들어 있다"));
        }
        if (!failed.isEmpty()) {
            return t("What this shows: nothing yet. The lasso is not a run that never decides: " + String.join("; ", failed) + ".",
                    "이것이 보여 주는 것: 아직 아무것도 없다. 이 올가미는 끝내 결정하지 않는 실행이 아니다: " + String.join("; ", failed) + ".");
        }
        return t("What this shows: for this protocol, from inputs " + inputs
                + ", in this model, an admissible run exists in which nobody crashes, every message is delivered, every process"
                + " keeps taking steps, and nobody ever decides; it was found by the method of FLP's proof (Lemmas 2 and 3). It"
                + " is a witness for one protocol, not a proof for every protocol: that is FLP's theorem. The adversary"
                + " chose only the order of deliveries; whether random delays would ever produce this run is another"
                + " question, which this demo does not measure.",
                "이것이 보여 주는 것: 이 프로토콜에는, 입력 " + inputs
                + "에서, 이 모델 안에서, 아무도 충돌하지 않고 모든 메시지가 전달되며 모든 프로세스가 계속 단계를 밟는데도"
                + " 아무도 결정하지 않는 허용 실행(admissible run)이 존재한다; FLP 증명의 방법(보조정리 2와 3)으로 찾았다. 이는"
                + " 프로토콜 하나에 대한 증거일 뿐 모든 프로토콜에 대한 증명이 아니다: 그것이 FLP의 정리다. 적대자는"
                + " 전달 순서만 골랐다; 무작위 지연이 이 실행을 만들어 낼지는 다른 질문이며, 이 데모는 그것을"
                + " 재지 않는다.");
    }

    /** Who has decided at the end of the cycle, from the decisions mask ({@link FlpAdversary#decisions}). */
    static String decidedAtEnd(int mask) {
        return switch (mask) {
            case 0 -> t("nobody has decided", "아무도 결정하지 않았다");
            case 1 -> t("some process has decided 0", "어떤 프로세스가 0으로 결정했다");
            case 2 -> t("some process has decided 1", "어떤 프로세스가 1로 결정했다");
            default -> t("processes have decided 0 and 1", "프로세스들이 0과 1로 결정했다");
        };
    }

    /** Runs the construction on {@code protocol} and prints where it stopped and why. */
    private static <S, M extends Comparable<M>> void stop(PrintStream out, RoundProtocol<S, M> protocol, int budget) {
        var r = new FlpAdversary<>(protocol, budget).build(100);
        out.println("  " + protocol.name() + r.lemma2().flatMap(FlpAdversary.Lemma2::bivalent)
                .map(in -> t(" (from " + in + ")", " (" + in + "에서)")).orElse("") + ":");
        r.stop().ifPresent(s -> {
            Demo02Bivalence.wrap(out, "    ", s.reason() + ".");
            if (s.due().isPresent()) {
                out.println(t("    (the construction had taken " + s.run().size() + " steps)", "    (구축은 " + s.run().size() + "단계까지 진행된 상태였다)"));
            }
            if (!s.run().isEmpty()) {
                Demo02Bivalence.wrap(out, "    ", t("the run: ", "실행: ") + join(s.run()));
            }
        });
        r.lasso().ifPresent(l -> out.println(t("    a lasso of " + l.cycleSteps().size() + " steps per cycle",
                "    순환마다 " + l.cycleSteps().size() + "단계인 올가미")));
    }

    /** What happens in one round of the cycle, read from the run's configurations. */
    private static void narrate(PrintStream out, FlpAdversary<Local, Msg> adversary, FlpAdversary.Config<Local, Msg> cycleStart, FlpAdversary.Lasso<Local, Msg> lasso) {
        List<FlpAdversary.Config<Local, Msg>> once = adversary.replay(cycleStart, lasso.cycleSteps());
        StringBuilder sb = new StringBuilder(t("In the cycle: ", "순환 안에서: "));
        for (int i = 0; i < lasso.cycleSteps().size(); i++) {
            Msg m = lasso.cycleSteps().get(i);
            var before = once.get(i).processes().get(m.to());
            var after = once.get(i + 1).processes().get(m.to());
            if (after.round() != before.round() || after.phase() != before.phase()) {
                sb.append("p").append(m.to()).append(after.phase() == 2
                        ? t(" has 2 reports and proposes " + proposal(once.get(i + 1), m.to()) + "; ",
                                "는 보고 2개를 받아 " + proposal(once.get(i + 1), m.to()) + "을(를) 제안한다; ")
                        : t(" has 2 proposals (" + values(before.got(), m.value()) + ") and goes to round " + after.round()
                        + " with x = " + after.x() + "; ", "는 제안 2개(" + values(before.got(), m.value()) + ")를 받아 x = "
                        + after.x() + "로 라운드 " + after.round() + "에 들어간다; "));
            }
        }
        FlpAdversary.Config<Local, Msg> end = once.get(once.size() - 1);
        String estimates = java.util.stream.IntStream.range(0, end.processes().size())
                .mapToObj(p -> "p" + p + "=" + end.processes().get(p).x()).collect(Collectors.joining(", "));
        sb.append(t("at the end of the cycle the estimates are " + estimates + " in round " + adversary.minRound(end) + ", and "
                        + decidedAtEnd(adversary.decisions(end)) + ".",
                "순환이 끝날 때 라운드 " + adversary.minRound(end) + "의 추정값은 " + estimates + "이고, "
                        + decidedAtEnd(adversary.decisions(end)) + "."));
        out.println();
        Demo02Bivalence.wrap(out, "  ", sb.toString());
    }

    private static String proposal(FlpAdversary.Config<Local, Msg> c, int p) {
        return c.buffer().stream().filter(m -> m.from() == p && m.phase() == 2 && m.round() == c.processes().get(p).round())
                .findFirst().map(m -> m.value() == BenOrWithoutCoin.NO_VALUE ? "?" : String.valueOf(m.value())).orElse("?");
    }

    private static String values(List<Integer> got, int last) {
        List<Integer> all = new java.util.ArrayList<>(got);
        all.add(last);
        return all.stream().map(v -> v == BenOrWithoutCoin.NO_VALUE ? "?" : String.valueOf(v)).collect(Collectors.joining(", "));
    }

    static String mermaid(FlpAdversary.Lasso<Local, Msg> lasso, BenOrWithoutCoin protocol) {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        sb.append("    title ").append(Mermaid.escape(t(protocol.name() + " from inputs " + lasso.inputs()
                + ": FLP's run, no crash, no decision", "입력 " + lasso.inputs() + "의 " + protocol.name()
                + ": FLP의 실행, 충돌 없음, 결정 없음"))).append('\n');
        for (int p = 0; p < protocol.n(); p++) {
            sb.append("    participant p").append(p).append(" as p").append(p).append(t(" (input ", " (입력 ")).append(lasso.inputs().charAt(p)).append(")\n");
        }
        for (Msg m : lasso.prefixSteps()) {
            arrow(sb, m);
        }
        sb.append("    loop ").append(Mermaid.escape(t("cycle: repeats forever, every round +" + lasso.roundShift(),
                "순환: 영원히 반복, 라운드마다 +" + lasso.roundShift()))).append('\n');
        for (Msg m : lasso.cycleSteps()) {
            arrow(sb, m);
        }
        sb.append("    end\n");
        return sb.toString();
    }

    private static void arrow(StringBuilder sb, Msg m) {
        sb.append("    p").append(m.from()).append("->>p").append(m.to()).append(": ")
                .append(Mermaid.escape(m.toString().substring(m.toString().indexOf(' ') + 1))).append('\n');
    }

    private static String join(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(" · "));
    }

    private static String yes(boolean b) {
        return b ? t("yes", "예") : t("NO", "아니오");
    }
}
