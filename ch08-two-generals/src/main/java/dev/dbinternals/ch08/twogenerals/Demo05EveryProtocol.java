package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo 5 of the Two Generals' Problem (두 장군 문제): the theorem over every protocol of a finite
 * class, not just a few hand-written ones. {@link OneBitProtocolClass} enumerates C(r) for
 * r = 1, 2 and 3 (r = 3 is left out with {@code --quick}) and counts the protocols by the
 * properties they keep; then the proof's chain runs on one protocol, yours from exercise tg-5
 * if you wrote it.
 *
 * <p>Run: {@code ./ch08 demo two-generals every-protocol}. Writes {@code class-census.md}.
 */
public final class Demo05EveryProtocol {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-every-protocol",
                "every protocol of a finite class checked against every loss pattern",
                "유한한 프로토콜 클래스의 모든 프로토콜을 모든 손실 패턴에 대해 검사한다").parse(args);
        PrintStream out = System.out;
        out.println(t("The class C(r): r rounds, one messenger per round carrying one bit, A→B in odd rounds and",
                "클래스 C(r): r라운드, 라운드마다 1비트를 실은 전령 하나, 홀수 라운드는 A→B, 짝수 라운드는"));
        out.println(t("B→A in even ones; every messenger is sent and any subset of them may be captured. A protocol",
                "B→A. 전령은 모두 보내지고, 그중 어떤 부분집합이든 붙잡힐 수 있다. 프로토콜은 표의 묶음이다."));
        out.println(t("is a set of tables: each general's bit, and at dawn attack or not, as a function of its own",
                "각 장군이 보낼 비트와 새벽에 공격할지 말지를, 자기 입력(A: 계획, B: 없음)과 받은 것"));
        out.println(t("input (A: the plan; B: none) and what it heard (0, 1, or nothing). We check every protocol of",
                "(0, 1, 또는 아무것도 없음)의 함수로 정한다. 이 클래스의 모든 프로토콜을 두 계획과"));
        out.println(t("the class under both plans and every loss pattern.", "모든 손실 패턴에서 검사한다."));
        Files.createDirectories(a.out());
        StringBuilder md = new StringBuilder(t("# Two Generals over every protocol of C(r)\n\n", "# C(r)의 모든 프로토콜에서 본 두 장군 문제\n\n"));
        List<Integer> rs = a.quick() ? List.of(1, 2) : List.of(1, 2, 3);
        boolean noneKeepsAll = true;
        for (int r : rs) {
            var cls = new OneBitProtocolClass(r);
            var c = cls.census();
            DemoArgs.heading(out, t("C(" + r + "): " + cls.tableBits() + " table bits, 2^" + cls.tableBits() + " = "
                    + String.format("%,d", c.protocols()) + " protocols",
                    "C(" + r + "): 표 비트 " + cls.tableBits() + "개, 프로토콜 2^" + cls.tableBits() + " = "
                    + String.format("%,d", c.protocols()) + "개"));
            out.printf(t("enumerated %,d (one per class of the 2^%d renamings of the round bits; each counts %d times)%n",
                    "열거한 수 %,d (라운드 비트의 이름 바꾸기 2^%d가지로 묶은 동치류마다 하나씩, 각각 %d개로 센다)%n"),
                    c.enumerated(), r, 1 << r);
            out.printf(t("runs per protocol: 2 plans x 2^%d loss patterns = %d%n", "프로토콜당 실행: 계획 2개 x 손실 패턴 2^%d개 = %d%n"),
                    r, 2 << r);
            out.println(Columns.left(t("agreement", "일치성"), 10) + " " + Columns.left(t("validity", "유효성"), 9) + " "
                    + Columns.left(t("non-triviality", "비자명성"), 15) + " " + t("protocols", "프로토콜 수"));
            md.append("## C(").append(r).append("): ").append(String.format("%,d", c.protocols())).append(t(" protocols\n\n", "개 프로토콜\n\n"))
                    .append(t("| agreement | validity | non-triviality | protocols |\n| --- | --- | --- | ---: |\n",
                            "| 일치성 | 유효성 | 비자명성 | 프로토콜 수 |\n| --- | --- | --- | ---: |\n"));
            for (int m = 7; m >= 0; m--) {
                boolean ag = (m & 4) != 0;
                boolean va = (m & 2) != 0;
                boolean nt = (m & 1) != 0;
                out.printf("%s %s %s %,d%n", Columns.left(yes(ag), 10), Columns.left(yes(va), 9), Columns.left(yes(nt), 15), c.counts()[m]);
                md.append("| ").append(yes(ag)).append(" | ").append(yes(va)).append(" | ").append(yes(nt)).append(" | ")
                        .append(String.format("%,d", c.counts()[m])).append(" |\n");
            }
            noneKeepsAll &= c.keepingAll() == 0;
            out.printf(t("keep agreement: %,d   keep validity and non-triviality: %,d   keep all three: %,d%n",
                    "일치성 유지: %,d   유효성과 비자명성 유지: %,d   셋 다 유지: %,d%n"),
                    c.keepingAgreement(), c.keepingValidityAndNonTriviality(), c.keepingAll());
            if (c.keepingValidityAndNonTriviality() > 0) {
                out.printf(t("fewest disagreeing runs among the valid, non-trivial ones: %d of %d%n",
                        "유효성과 비자명성을 지키는 프로토콜의 최소 불일치 실행 수: 실행 %2$d개 중 %1$d개%n"), c.fewestDisagreements(), 2 << r);
            }
            md.append(t("\nkeep agreement: ", "\n일치성 유지: ")).append(c.keepingAgreement())
                    .append(t("; keep validity and non-triviality: ", "; 유효성과 비자명성 유지: "))
                    .append(c.keepingValidityAndNonTriviality()).append(t("; keep all three: ", "; 셋 다 유지: "))
                    .append(c.keepingAll()).append("\n\n");
        }
        out.println();
        out.println(t("Agreement alone is cheap (for instance: never attack), and so are validity with non-triviality",
                "일치성만 지키기는 쉽고(예: 절대 공격하지 않기), 유효성과 비자명성만 지키기도 쉽다"));
        out.println(t("(attack when the order arrived). The first row of each table of C(r) above, all three kept, is",
                "(명령이 도착하면 공격하기). 위 C(r)의 표마다 첫 행, 곧 셋 다 유지한 프로토콜 수가"));
        out.println(noneKeepsAll ? t("0 in every table: for these classes the theorem is a count, not just an argument.",
                "모든 표에서 0이다. 이 클래스들에서 정리는 논증일 뿐 아니라 세어 본 결과다.")
                : t("NOT 0 in some table: that contradicts the theorem; the enumeration has a bug.",
                "어떤 표에서는 0이 아니다(!). 정리와 모순이니 열거에 버그가 있다."));

        OneBitProtocol p;
        String whose;
        try {
            p = new YourOneBitProtocol();
            OneBitProtocolClass.check(p);
            whose = t("your protocol from exercise tg-5 (YourOneBitProtocol)", "연습 문제 tg-5에서 작성한 프로토콜(YourOneBitProtocol)");
        } catch (NotDoneYet e) {
            p = firstUseful(new OneBitProtocolClass(2));
            whose = t(p.name() + ", the first protocol of C(2) that keeps validity and non-triviality"
                    + " (exercise tg-5 is not done yet: write YourOneBitProtocol to see yours here)",
                    p.name() + ", 곧 C(2)에서 유효성과 비자명성을 지키는 첫 프로토콜"
                    + " (연습 문제 tg-5를 아직 풀지 않았어요. YourOneBitProtocol을 작성하면 여기서 여러분의 프로토콜을 볼 수 있어요)");
        }
        DemoArgs.heading(out, t("The proof's chain on " + whose, "증명의 사슬, 대상: " + whose));
        out.println(t("Runs 'the first j messengers arrive, the rest are captured', j = r down to 0: two neighbours",
                "'처음 j개 전령은 도착하고 나머지는 붙잡힌다'는 실행을 j = r부터 0까지 본다. 이웃한 두 실행은"));
        out.println(t("differ only for the receiver of messenger j, so its sender decides the same in both.",
                "전령 j를 받는 쪽에게만 다르므로, 그 전령을 보낸 쪽은 두 실행에서 같은 결정을 내린다."));
        var v = OneBitProtocolClass.check(p);
        var chain = OneBitProtocolClass.chain(p);
        md.append(t("## The chain on ", "## 증명의 사슬, 대상: ")).append(whose).append("\n\n");
        for (var run : chain.runs()) {
            out.println(t("  plan ", "  계획 ") + run.plan() + ": " + Words.summary(run));
            md.append(t("- plan ", "- 계획 ")).append(run.plan()).append(": ").append(Words.summary(run)).append('\n');
        }
        out.println(t("  => " + chain.broken() + " broken", "  => " + Words.property(chain.broken()) + " 깨짐"));
        out.printf(t("checked against all %d runs: agreement %s, validity %s, non-triviality %s; disagrees in %d run(s)%n",
                        "실행 %d개 전부에 대해 검사: 일치성 %s, 유효성 %s, 비자명성 %s, 불일치 실행 %d개%n"),
                2 << p.rounds(), holds(v.agreement()), holds(v.validity()), holds(v.nonTriviality()), v.disagreeing().size());
        md.append("\n").append(t(chain.broken() + " broken; disagrees in " + v.disagreeing().size() + " run(s)\n",
                Words.property(chain.broken()) + " 깨짐, 불일치 실행 " + v.disagreeing().size() + "개\n"));
        Path file = a.out().resolve("class-census.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote " + file, "썼다: " + file));
    }

    static OneBitProtocol firstUseful(OneBitProtocolClass cls) {
        for (long code = 0; code < cls.size(); code++) {
            var v = OneBitProtocolClass.check(cls.protocol(code));
            if (v.validity() && v.nonTriviality()) {
                return cls.protocol(code);
            }
        }
        throw new IllegalStateException("no valid, non-trivial protocol in C(" + cls.rounds() + ")");
    }

    private static String yes(boolean b) {
        return b ? t("kept", "유지") : "-";
    }

    private static String holds(boolean b) {
        return Words.holds(b);
    }
}
