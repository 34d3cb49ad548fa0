package dev.dbinternals.ch08.harness.demo;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.fallacies.Fallacies;
import dev.dbinternals.ch08.harness.fallacies.Fallacy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo 6: the eight fallacies of distributed computing, each a small scenario on the simulation
 * in which a naive program fails and the fix works, with the numbers of the run.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류). The eight are the
 * commonly cited list (L. Peter Deutsch and colleagues at Sun; the eighth added by James
 * Gosling), not the book's text; the book's section discusses some of them, latency and
 * bandwidth explicitly. One class per fallacy in {@code dev.dbinternals.ch08.harness.fallacies}.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Run: {@code ./ch08 demo harness fallacies [--only N] [--seed N] [--quick]}
 */
public final class Demo06Fallacies {

    private Demo06Fallacies() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("fallacies", "the eight fallacies of distributed computing: a naive program and its fix, each",
                        "분산 컴퓨팅의 여덟 가지 오류: 각각 순진한 프로그램과 그 해결책")
                .choiceOption("only", "all", List.of("all", "1", "2", "3", "4", "5", "6", "7", "8"),
                        "run only one fallacy (" + Fallacies.validValues() + ")",
                        "오류 하나만 실행한다 (1..8 중 번호 하나, 기본값 all은 여덟 가지 모두)")
                .parse(argv);
        List<Fallacy> chosen = choose(args.get("only"));
        PrintStream out = System.out;
        out.println(t("The eight fallacies of distributed computing: the commonly cited list (L. Peter Deutsch and",
                "분산 컴퓨팅의 여덟 가지 오류: 흔히 인용되는 목록이다 (Sun의 L. Peter Deutsch와 동료들;"));
        out.println(t("colleagues at Sun; the eighth added by James Gosling). The book's section discusses some of them,",
                "여덟 번째는 James Gosling이 더했다). 책의 절은 그중 일부를, 레이턴시와 대역폭은 명시적으로 다룬다."));
        out.println(t("latency and bandwidth explicitly. Each runs on the simulation (seed " + args.seed() + "): a naive program, then the fix.",
                "각 오류는 시뮬레이션에서 실행된다 (시드 " + args.seed() + "): 순진한 프로그램, 그다음 해결책."));
        List<String[]> rows = new ArrayList<>();
        for (Fallacy f : chosen) {
            Fallacy.Outcome o = f.run(args.seed(), args.quick());
            DemoArgs.heading(out, t("Fallacy " + f.number() + " of 8: \"" + f.fallacy() + "\" (" + scenarioClass(f) + ")",
                    "오류 " + f.number() + "/8: \"" + f.fallacy() + "\" (" + scenarioClass(f) + ")"));
            o.setup().forEach(out::println);
            out.println(t("naive: ", "순진:  ") + String.join("\n       ", o.naive()));
            out.println(t("fix:   ", "해결:  ") + String.join("\n       ", o.fix()));
            String verdict = (o.naiveFailed() ? t("the naive program failed", "순진한 프로그램은 실패했다")
                    : t("the naive program did NOT fail on this seed", "순진한 프로그램이 이 시드에서는 실패하지 않았다"))
                    + "; " + (o.fixHeld() ? t("the fix held.", "해결책은 통했다.") : t("the fix did NOT hold on this seed.", "해결책이 이 시드에서는 통하지 않았다."));
            out.println("-> " + verdict);
            rows.add(new String[] {String.valueOf(f.number()), f.fallacy(), scenarioClass(f), o.naiveBrief(),
                    o.naiveFailed() ? t("failed", "실패") : t("did not fail", "실패하지 않음"), o.fixBrief(),
                    o.fixHeld() ? t("held", "통함") : t("did not hold", "통하지 않음")});
        }
        writeSummary(args.out(), args.seed(), args.quick(), rows);
    }

    /** "all" (the default) or one number 1..8; anything else is an error listing the valid values. */
    static List<Fallacy> choose(String only) {
        if (only.equals("all")) {
            return Fallacies.all();
        }
        int n;
        try {
            n = Integer.parseInt(only.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(t("--only needs a fallacy number, got '" + only + "'; " + Fallacies.validValues(),
                    "--only에는 오류 번호가 필요합니다. 받은 값: '" + only + "'; " + Fallacies.validValues()));
        }
        if (n < 1 || n > Fallacies.all().size()) {
            throw new IllegalArgumentException(t("--only needs a fallacy number from 1 to 8, got '" + only + "'; " + Fallacies.validValues(),
                    "--only에는 1에서 8 사이의 오류 번호가 필요합니다. 받은 값: '" + only + "'; " + Fallacies.validValues()));
        }
        return List.of(Fallacies.number(n));
    }

    private static String scenarioClass(Fallacy f) {
        return f.getClass().getSimpleName();
    }

    private static void writeSummary(Path dir, long seed, boolean quick, List<String[]> rows) {
        StringBuilder md = new StringBuilder(t("# The eight fallacies of distributed computing (seed " + seed
                + (quick ? ", --quick" : "") + ")\n\n", "# 분산 컴퓨팅의 여덟 가지 오류 (시드 " + seed
                + (quick ? ", --quick" : "") + ")\n\n"));
        md.append(t("| # | fallacy | scenario class | naive program | naive | fix | fix |\n",
                "| # | 오류 | 시나리오 클래스 | 순진한 프로그램 | 순진 | 해결책 | 해결 |\n"));
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("fallacies.md");
            Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(t("wrote " + file + "  (the summary table)", "썼다: " + file + "  (요약 표)"));
        } catch (IOException e) {
            throw new UncheckedIOException(t("cannot write the summary under " + dir, dir + " 아래에 요약을 쓸 수 없습니다"), e);
        }
    }
}
