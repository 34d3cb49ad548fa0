package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.render.Mermaid;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Demo 3 of the Two Generals' Problem (두 장군 문제): how often do the generals disagree on a
 * lossy link? AckRounds(k) on the harness simulation over many seeds, measured next to the closed
 * form {@code (1-p)^k * p}; then one disagreeing run as a Mermaid diagram from the simulation trace.
 *
 * <p>Run: {@code ./ch08 demo two-generals lossy-odds} ({@code --seeds N} runs per cell;
 * {@code --quick} uses 300).
 */
public final class Demo03LossyOdds {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-lossy-odds",
                        "measured probability of a lonely attack vs k and loss rate, next to the closed form",
                        "k와 손실률에 따라 한 장군만 공격할 확률을 측정해 닫힌 식과 나란히 보인다")
                .intOption("seeds", 4000, 10, 1_000_000, "simulated runs per table cell (--quick: 300)",
                        "표의 칸마다 시뮬레이션할 실행 수 (--quick: 300)")
                .parse(args);
        int seeds = a.quick() ? 300 : a.intValue("seeds");
        PrintStream out = System.out;
        out.println(t("Each cell runs AckRounds(k) on the harness simulation with " + seeds + " seeds: plan ATTACK,",
                "칸마다 하네스 시뮬레이션에서 AckRounds(k)를 시드(seed) " + seeds + "개로 실행한다. 계획은 ATTACK,"));
        out.println(t("every messenger lost with probability p, delay 1-5 ms, dawn at 1 s. Measured = fraction of",
                "전령은 저마다 확률 p로 사라지고, 지연은 1-5 ms, 새벽은 1 s다. 측정값 = 한 장군만 공격한 실행의 비율,"));
        out.println(t("runs in which one general attacks alone; closed form = (1-p)^k * p (the last messenger lost).",
                "닫힌 식 = (1-p)^k * p (마지막 전령을 잃는 경우)."));
        double[] losses = {0.01, 0.1, 0.3, 0.5};
        DemoArgs.heading(out, t("P(one general attacks alone): measured / closed form", "P(한 장군만 공격): 측정값 / 닫힌 식"));
        out.printf("%-4s", "k");
        for (double p : losses) {
            out.printf(" | p = %-17.2f", p);
        }
        out.println();
        StringBuilder md = new StringBuilder("| k |");
        for (double p : losses) {
            md.append(" p = ").append(p).append(t(" (measured / closed form) |", " (측정값 / 닫힌 식) |"));
        }
        md.append("\n|---|").append("---|".repeat(losses.length)).append('\n');
        for (int k = 0; k <= 4; k++) {
            out.printf("%-4d", k);
            md.append("| ").append(k).append(" |");
            for (int i = 0; i < losses.length; i++) {
                double p = losses[i];
                double measured = LossyValley.disagreementRate(new AckRounds(k), p, seeds, 10_000_000L * (10L * k + i));
                double exact = closedFormAckRounds(k, p);
                out.printf(" | %.4f / %.4f      ", measured, exact);
                md.append(String.format(" %.4f / %.4f |", measured, exact));
            }
            out.println();
            md.append('\n');
        }
        out.printf(t("(one standard error of a measured value is sqrt(q(1-q)/%d), at most %.4f here; expect about one%n",
                "(측정값 하나의 표준 오차는 sqrt(q(1-q)/%d)로, 여기서는 최대 %.4f다. 스무 칸에 한 칸꼴로%n"), seeds,
                Math.sqrt(0.25 / seeds));
        out.println(t(" cell in twenty to differ from the closed form by more than two standard errors)",
                " 닫힌 식과 표준 오차의 두 배 넘게 차이 날 것으로 예상한다)"));
        out.println();
        out.println(t("On a good link (p = 0.01) more rounds barely help: each one removes only 1% of the risk, so the",
                "좋은 링크(p = 0.01)에서는 라운드를 늘려도 거의 소용이 없다. 라운드마다 위험이 1%씩만 줄어서"));
        out.println(t("lonely attack stays near p. On a bad link they help a lot, but mostly by ending the chain early:",
                "단독 공격 확률은 p 근처에 머문다. 나쁜 링크에서는 크게 도움이 되지만, 대개는 사슬을 일찍 끊어서다."));
        out.println(t("a run that loses a messenger before the last ends with both retreating (1 - (1-p)^k of all runs,",
                "마지막 전령 전에 전령을 잃은 실행은 둘 다 후퇴로 끝난다 (전체 실행의 1 - (1-p)^k,"));
        out.println(t("94% at p = 0.5 and k = 4), which is safe but no attack.",
                "p = 0.5, k = 4 에서 94%). 안전하기는 하지만 공격은 없다."));
        out.println(t("The closed form is above 0 for every k and every 0 < p < 1: the last messenger can be the one",
                "닫힌 식은 모든 k와 모든 0 < p < 1 에서 0보다 크다. 잃는 전령이 마지막 전령일 수 있기"));
        out.println(t("that is lost. (A measured cell can read 0 when few seeds are run; the risk is still there.)",
                "때문이다. (시드가 적으면 측정값이 0으로 나올 수 있지만, 위험은 여전히 있다.)"));

        DemoArgs.heading(out, t("One disagreeing run from the simulation trace", "시뮬레이션 트레이스에서 본 불일치 실행 하나"));
        LossyValley.Outcome witness = null;
        long seed = a.seed();
        for (long s = seed; s < seed + 10_000 && witness == null; s++) {
            var o = LossyValley.run(new AckRounds(2), 0.3, s);
            if (!o.agreement()) {
                witness = o;
                seed = s;
            }
        }
        Files.createDirectories(a.out());
        Files.writeString(a.out().resolve("odds.md"), md.toString(), StandardCharsets.UTF_8);
        out.println(t("AckRounds(k=2), loss 0.3, first disagreeing seed from " + a.seed() + ": seed " + seed
                + " → A " + witness.a() + ", B " + witness.b(),
                "AckRounds(k=2), 손실률 0.3, 시드 " + a.seed() + "부터 찾은 첫 불일치 시드: " + seed
                + " → A " + witness.a() + ", B " + witness.b()));
        out.println(witness.simulation().trace().toText(e -> e.kind() != dev.dbinternals.ch08.harness.sim.TraceEvent.Kind.TIMER_SET));
        Path file = a.out().resolve("disagreeing-run.mmd");
        Files.writeString(file, Mermaid.sequenceDiagram(witness.simulation().trace()), StandardCharsets.UTF_8);
        out.println(t("wrote " + a.out().resolve("odds.md") + " and " + file,
                "썼다: " + a.out().resolve("odds.md") + ", " + file));
    }

    /**
     * Closed form for {@link AckRounds}(k): the first k messengers arrive, the last is lost. Private:
     * it is the answer of exercise tg-2.
     */
    private static double closedFormAckRounds(int k, double loss) {
        return Math.pow(1 - loss, k) * loss;
    }
}
