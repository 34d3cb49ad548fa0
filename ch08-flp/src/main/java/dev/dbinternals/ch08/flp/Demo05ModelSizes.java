package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo 5 of FLP (FLP 불가능성 이론): the same protocols in differently built models. The number
 * of processes (3 or 4), whether crash steps exist (at most one crash, or none) and the step
 * granularity (each message its own step, or a whole broadcast in one step) change the number
 * of reachable configurations a lot, and sometimes the verdict (without crash steps, a protocol
 * that waits for everyone terminates).
 *
 * <p>Run: {@code ./ch08 demo flp model-sizes} ({@code --quick}: n = 3 only; {@code --all-n4 yes}: n = 4 for
 * every protocol, about a minute). Writes {@code model-sizes.md}.
 */
public final class Demo05ModelSizes {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-model-sizes",
                "configurations explored from one initial configuration for n = 3 and 4, crash steps on and off, per-message or per-broadcast steps",
                "초기 구성 하나에서 탐색한 구성 수: n = 3과 4, 충돌 단계 켬/끔, 메시지 단위 또는 브로드캐스트 단위 단계")
                .choiceOption("all-n4", "no", List.of("yes", "no"),
                        "yes: n = 4 for every protocol (about a minute); no: n = 4 only for FirstProposalWins",
                        "yes: 모든 프로토콜에 n = 4 (1분쯤); no: FirstProposalWins만 n = 4")
                .parse(args);
        String allN4 = a.get("all-n4");
        PrintStream out = System.out;
        out.println(t("Every count below is the number of distinct configurations the explorer reached from ONE\n"
                        + "initial configuration (inputs 0 then all 1: 011 for n = 3, 0111 for n = 4), and the\n"
                        + "transitions between them. A configuration is every\n"
                        + "process's input, received messages (in order), unsent messages, decision and crash flag, plus\n"
                        + "the messages in flight (as a multiset).",
                "아래의 수는 모두 탐색기가 초기 구성 단 하나(입력은 0 다음 모두 1: n = 3이면 011, n = 4면 0111)에서\n"
                        + "도달한 서로 다른 구성의 수와 그 사이의 전이 수다. 구성이란 모든 프로세스의 입력, 받은 메시지\n"
                        + "(순서대로), 보내지 않은 메시지, 결정, 충돌 여부에 전송 중인 메시지(다중집합)를 더한 것이다."));
        List<ConsensusProtocol> protocols = List.of(new WaitForAll(), new DecideOnNMinusOne(), new FirstProposalWins());
        List<Integer> ns = a.quick() ? List.of(3) : List.of(3, 4);
        StringBuilder md = new StringBuilder(t("# FLP model sizes (from the initial configuration 0 1 … 1)\n\n| protocol | n | crashes | steps | configurations | transitions | agreement | validity | termination |\n",
                "# FLP 모델 크기 (초기 구성 0 1 … 1에서)\n\n| 프로토콜 | n | 충돌 | 단계 | 구성 | 전이 | 일치성 | 유효성 | 종료 |\n")
                + "| --- | --- | --- | --- | ---: | ---: | --- | --- | --- |\n");
        DemoArgs.heading(out, t("Configurations and transitions from one initial configuration", "초기 구성 하나에서의 구성과 전이"));
        // padded by terminal columns, not characters, so the Korean header and cells line up; the steps column widens
        // to 브로드캐스트 전체 (17 columns) in Korean only
        int stepsWidth = Math.max(16, Columns.width(t("whole broadcast", "브로드캐스트 전체")));
        out.printf("%s %-2s %s %s %s  %s  %s %s %s%n", Columns.left(t("protocol", "프로토콜"), 19), "n", Columns.left(t("crashes", "충돌"), 8),
                Columns.left(t("steps", "단계"), stepsWidth), Columns.right(t("configurations", "구성"), 14), Columns.right(t("transitions", "전이"), 11),
                Columns.left(t("agreement", "일치성"), 9), Columns.left(t("validity", "유효성"), 8), t("termination", "종료"));
        for (ConsensusProtocol p : protocols) {
            for (int n : ns) {
                if (n == 4 && !allN4.equals("yes") && !(p instanceof FirstProposalWins)) {
                    continue;
                }
                for (int crashes : List.of(0, 1)) {
                    for (ConsensusModel.Granularity g : ConsensusModel.Granularity.values()) {
                        String inputs = "0" + "1".repeat(n - 1);
                        var c = FlpAnalysis.of(p, n, crashes, g).analyse(inputs);
                        var report = new FlpAnalysis.Report(p.name(), List.of(c));
                        long transitions = c.transitions();
                        String steps = g == ConsensusModel.Granularity.EACH_SEND ? t("each message", "메시지마다") : t("whole broadcast", "브로드캐스트 전체");
                        out.printf("%-19s %-2d %-8s %s %,14d  %,11d  %s %s %s%n", p.name(), n, "<= " + crashes, Columns.left(steps, stepsWidth),
                                report.states(), transitions, Columns.left(ok(report.agreement()), 9), Columns.left(ok(report.validity()), 8),
                                ok(report.termination()));
                        md.append("| ").append(p.name()).append(" | ").append(n).append(" | ≤ ").append(crashes).append(" | ")
                                .append(steps).append(" | ").append(String.format("%,d", report.states())).append(" | ")
                                .append(String.format("%,d", transitions)).append(" | ").append(ok(report.agreement()))
                                .append(" | ").append(ok(report.validity())).append(" | ").append(ok(report.termination())).append(" |\n");
                    }
                }
            }
        }
        out.println();
        out.println(t("Read a count only together with its model: the same protocol's counts differ between rows of",
                "수는 반드시 그 모델과 함께 읽어야 한다: 같은 프로토콜, 같은 n이라도 행마다 위의 요인에 따라"));
        out.println(t("the same n by the factors above, and so do the verdicts where crash steps are off.",
                "수가 다르고, 충돌 단계를 끈 행에서는 판정도 달라진다."));
        Files.createDirectories(a.out());
        Path file = a.out().resolve("model-sizes.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote ", "썼다: ") + file);
    }

    private static String ok(boolean b) {
        return b ? t("holds", "성립") : t("VIOLATED", "위반");
    }
}
