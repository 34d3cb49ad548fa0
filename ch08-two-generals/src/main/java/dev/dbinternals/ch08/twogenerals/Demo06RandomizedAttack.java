package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Demo 6 of the Two Generals' Problem (두 장군 문제): the randomised way out. {@link RandomizedAttack}
 * disagrees with probability 1/r after r rounds against the worst adversary that fixes its
 * captures in advance; {@link RandomizedOdds} computes that exactly for r = 1..7, the harness
 * simulation measures it beside, and the chain of runs shows why no protocol does better.
 *
 * <p>Run: {@code ./ch08 demo two-generals randomized}. Writes {@code randomized-odds.md} and the
 * diagram of one simulated disagreement.
 */
public final class Demo06RandomizedAttack {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-randomized",
                "randomised coordinated attack: disagreement 1/r after r rounds, exact and simulated",
                "무작위 협공: r라운드 뒤 불일치 확률 1/r, 정확한 계산과 시뮬레이션")
                .intOption("seeds", 4000, 1, 1_000_000, "simulated runs per r (400 with --quick)",
                        "r마다 시뮬레이션할 실행 수 (--quick 이면 400)")
                .parse(args);
        int seeds = a.changed("seeds").isPresent() ? a.intValue("seeds") : a.quick() ? 400 : 4000;
        int maxR = a.quick() ? 5 : 7;
        PrintStream out = System.out;
        out.println(t("No deterministic protocol keeps agreement together with validity and non-triviality over a lossy",
                "전령을 잃는 골짜기에서, 전령 수가 유한하면 일치성을 유효성, 비자명성과 함께 지키는 결정적 프로토콜은 없다."));
        out.println(t("valley with finitely many messengers. With a coin, disagreement can be made",
                "동전을 쓰면 불일치를 드물게"));
        out.println(t("unlikely: A draws a key from 1..r; each general counts its level (A starts at 1 on plan",
                "만들 수는 있다. A는 1..r에서 키(key)를 뽑는다. 각 장군은 자기 레벨을 센다 (A는 계획이 ATTACK이면"));
        out.println(t("ATTACK, B at 0, a delivered messenger lifts its receiver to the sender's level + 1) and",
                "1에서, B는 0에서 시작하고, 전달된 전령은 받는 쪽을 보낸 쪽의 레벨 + 1로 올린다)."));
        out.println(t("attacks at dawn if its level is at least the key. The adversary captures any set of",
                "새벽에 자기 레벨이 키 이상이면 공격한다. 적대자(adversary)는 실행 전에 정해 둔 전령 집합을"));
        out.println(t("messengers it fixes before the run; it does not see the key.",
                "무엇이든 붙잡을 수 있지만, 키는 보지 못한다."));
        Files.createDirectories(a.out());
        StringBuilder md = new StringBuilder(t("# Randomised coordinated attack\n\n| r | worst P(disagree) | 1/r | patterns at the worst | P(both attack), no loss | validity | simulated (" + seeds + " seeds) | key-reading adversary |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n",
                "# 무작위 협공\n\n| r | 최악의 P(불일치) | 1/r | 최악인 패턴 수 | P(둘 다 공격), 손실 없음 | 유효성 | 시뮬레이션 (시드 " + seeds + "개) | 키를 읽는 적대자 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"));

        DemoArgs.heading(out, t("Exact (every key x every loss pattern) and simulated (" + seeds + " seeds, last messenger captured)",
                "정확한 값(모든 키 x 모든 손실 패턴)과 시뮬레이션(시드 " + seeds + "개, 마지막 전령을 붙잡음)"));
        out.println("r  " + Columns.left(t("worst P(disagree)", "최악 P(불일치)"), 18) + " 1/r     "
                + Columns.left(t("patterns at worst", "최악인 패턴"), 18) + " " + Columns.left(t("P(both attack | no loss)", "P(둘 다 공격 | 손실 없음)"), 25)
                + " " + Columns.left(t("validity", "유효성"), 9) + " " + Columns.left(t("simulated", "시뮬레이션"), 11) + " "
                + t("key-reading adversary", "키를 읽는 적대자"));
        boolean allOneOverR = true;
        boolean allLive = true;
        for (int r = 1; r <= maxR; r++) {
            var p = new RandomizedAttack(r);
            var rep = RandomizedOdds.exact(p);
            int lastLost = 1 << (r - 1);
            int dis = RandomizedValley.disagreements(p, lastLost, seeds, 1000L * r);
            double sim = (double) dis / seeds;
            allOneOverR &= rep.worst().disagree() * r == rep.keys();
            allLive &= rep.patterns().get(0).bothAttack() == rep.keys() && rep.validity();
            out.printf("%-2d %-18s %-7s %s %-25s %s %-11s %s%n", r,
                    RandomizedOdds.fraction(rep.worst().disagree(), rep.keys()) + String.format(" = %.4f", rep.worstDisagreement()),
                    String.format("%.4f", 1.0 / r), Columns.left(t(rep.worstPatterns() + " of " + (1 << r), (1 << r) + "개 중 " + rep.worstPatterns() + "개"), 18),
                    RandomizedOdds.fraction(rep.patterns().get(0).bothAttack(), rep.keys()),
                    Columns.left(Words.holds(rep.validity()), 9), String.format("%.4f", sim),
                    RandomizedOdds.fraction(rep.keyReadingDisagree(), rep.keys()));
            md.append("| ").append(r).append(" | ").append(RandomizedOdds.fraction(rep.worst().disagree(), rep.keys()))
                    .append(" | ").append(String.format("%.4f", 1.0 / r)).append(" | ").append(t(rep.worstPatterns() + " of " + (1 << r),
                            (1 << r) + "개 중 " + rep.worstPatterns() + "개")).append(" | ").append(RandomizedOdds.fraction(rep.patterns().get(0).bothAttack(), rep.keys()))
                    .append(" | ").append(Words.holds(rep.validity())).append(" | ").append(String.format("%.4f", sim))
                    .append(" | ").append(RandomizedOdds.fraction(rep.keyReadingDisagree(), rep.keys())).append(" |\n");
        }
        out.printf(t("(one standard error of a simulated value is sqrt(q(1-q)/%d), at most %.4f here)%n",
                "(시뮬레이션 값 하나의 표준 오차는 sqrt(q(1-q)/%d)로, 여기서는 최대 %.4f)%n"), seeds, Math.sqrt(0.25 / seeds));
        out.println(allOneOverR
                ? t("For every r above the worst adversary gets exactly 1/r.", "위의 모든 r에서 최악의 적대자가 얻는 값은 정확히 1/r이다.")
                : t("Some r does NOT reach exactly 1/r: see the table.", "정확히 1/r에 이르지 않는 r이 있다(!). 표를 보라."));
        out.println(allLive
                ? t("Both generals attack for sure when nothing is lost, and nobody attacks on plan RETREAT.",
                        "아무것도 잃지 않으면 두 장군은 반드시 공격하고, 계획이 RETREAT이면 아무도 공격하지 않는다.")
                : t("Some r attacks less than surely without loss, or attacks on RETREAT: see the table.",
                        "손실이 없는데 반드시 공격하지는 않거나, RETREAT인데 공격하는 r이 있다(!). 표를 보라."));
        out.println(t("An adversary that could read the key (last column: exercise tg-7 asks you to build it)",
                "키를 읽을 수 있는 적대자(마지막 열: 연습 문제 tg-7에서 직접 만든다)는"));
        out.println(t("chooses its captures after seeing the key; the bound above does not hold against it.",
                "키를 본 뒤에 붙잡을 전령을 고른다. 이런 적대자에게는 위의 한계가 성립하지 않는다."));

        int r = a.quick() ? 4 : 5;
        var chain = RandomizedOdds.chain(new RandomizedAttack(r));
        DemoArgs.heading(out, t("Why no protocol does better: the chain of runs, r = " + r,
                "어떤 프로토콜도 이보다 나을 수 없는 이유: 실행의 사슬, r = " + r));
        out.println(t("In α_j the first j messengers arrive and the rest are captured. The sender of messenger j",
                "α_j에서는 처음 j개 전령이 도착하고 나머지는 붙잡힌다. 전령 j를 보낸 쪽은"));
        out.println(t("cannot tell α_j from α_(j-1): it attacks with the same probability in both.",
                "α_j와 α_(j-1)을 구별할 수 없으므로, 두 실행에서 같은 확률로 공격한다."));
        out.println(Columns.left(t("run", "실행"), 5) + " " + Columns.left(t("P(A attacks)", "P(A 공격)"), 13) + " "
                + Columns.left(t("P(B attacks)", "P(B 공격)"), 13) + " " + t("P(disagree)", "P(불일치)"));
        for (var s : chain) {
            out.printf("α_%-3d %-13s %-13s %s%n", s.arrived(), RandomizedOdds.fraction(s.aAttacks(), r),
                    RandomizedOdds.fraction(s.bAttacks(), r), RandomizedOdds.fraction(s.disagree(), r));
        }
        var last = chain.get(chain.size() - 1);
        out.printf(t("B attacks with probability %s in α_0 (it has heard nothing, as under plan RETREAT); in α_%d%n",
                        "α_0에서 B가 공격할 확률은 %s이고 (계획이 RETREAT일 때처럼 아무것도 받지 못했다), α_%d에서%n"),
                RandomizedOdds.fraction(last.bAttacks(), r), r);
        out.printf(t("both attack with probability %s. Walking from α_0 up to α_%d, the attacking probability%n",
                        "둘 다 공격할 확률은 %s이다. α_0에서 α_%d까지 올라가는 동안 공격 확률은%n"),
                RandomizedOdds.fraction(chain.get(0).aAttacks(), r), r);
        out.printf(t("passes between the generals %d times. In each run P(A attacks) and P(B attacks) differ by%n",
                "두 장군 사이를 %d번 건너간다. 각 실행에서 P(A 공격)과 P(B 공격)의 차이는 그 실행의%n"), r);
        out.printf(t("at most that run's P(disagree), so each pass can move at most that much, and the %d%n",
                "P(불일치)를 넘지 않으므로 한 번 건너갈 때 그만큼까지만 옮길 수 있고, %d개의%n"), r);
        out.printf(t("disagreements add up to at least P(both attack | no loss).%n",
                "불일치 확률을 더하면 적어도 P(둘 다 공격 | 손실 없음)이 된다.%n"));
        out.printf(t("So for ANY protocol of this model: worst P(disagree) >= P(both attack | no loss) / r.%n",
                "따라서 이 모델의 어떤 프로토콜이든: 최악의 P(불일치) >= P(둘 다 공격 | 손실 없음) / r.%n"));

        // one simulated disagreement, drawn
        RandomizedValley.Outcome shown = null;
        for (long s = a.seed(); s < a.seed() + 200 && shown == null; s++) {
            var o = RandomizedValley.run(new RandomizedAttack(r), Plan.ATTACK, 1 << (r - 1), s, true);
            if (!o.agreement()) {
                shown = o;
            }
        }
        if (shown != null) {
            DemoArgs.heading(out, t("One simulated disagreement (r = " + r + ", last messenger captured, seed "
                    + shown.simulation().seed() + ")",
                    "시뮬레이션한 불일치 하나 (r = " + r + ", 마지막 전령을 붙잡음, 시드 " + shown.simulation().seed() + ")"));
            out.printf(t("A drew key %d: %s%n", "A가 뽑은 키 %d: %s%n"), shown.key(), Words.outcome(shown.outcome()));
            Diagrams.write(a.out(), "disagreement", t("randomised attack, r = " + r + ": " + shown.outcome(),
                            "무작위 협공, r = " + r + ": " + Words.outcome(shown.outcome())),
                    shown.simulation().trace(), e -> true);
        }
        Path file = a.out().resolve("randomized-odds.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote " + file, "썼다: " + file));
    }
}
