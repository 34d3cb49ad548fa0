package dev.dbinternals.ch08.concurrency.bench;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.GeneratedHistories;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.JepsenHistory;
import dev.dbinternals.ch08.harness.history.Operation;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The figures of {@code check-history} in ch08-concurrency/README.md, measured side by side in one
 * run:
 * <ol>
 *   <li><b>batch checking</b>: N generated register histories written as EDN files, checked
 *   (a) inside this JVM, (b) by one {@code check-history} JVM given the folder, (c) by one
 *   {@code check-history} JVM per file, as a shell loop would. (b) and (c) are wall-clock times of
 *   real JVM launches ({@code java -cp … Demo05CheckHistory}, without the {@code ./ch08} launcher,
 *   which adds its own JVM per call); the verdicts of (a) and (c) are compared;</li>
 *   <li><b>the core of a long history</b>: 100,000 operations of five clients on one register,
 *   the last completed read changed to a value nobody wrote; a child JVM with {@code -Xmx1g}
 *   times the verdict alone, then the check with its core, and reports the core's size and the
 *   peak heap.</li>
 * </ol>
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). Run:
 * {@code mvn -q -pl ch08-concurrency -am -Pbench package -DskipTests && java -cp ch08-concurrency/target/benchmarks.jar dev.dbinternals.ch08.concurrency.bench.CheckerFigures}
 * ({@code --files N --ops N --core-ops N} to change the sizes).
 */
public final class CheckerFigures {

    private CheckerFigures() {
    }

    public static void main(String[] args) throws Exception {
        int files = 100;
        int ops = 1_000;
        int coreOps = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--core-child" -> {
                    coreChild(Integer.parseInt(args[i + 1]));
                    return;
                }
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--ops" -> ops = Integer.parseInt(args[++i]);
                case "--core-ops" -> coreOps = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: CheckerFigures [--files N] [--ops N] [--core-ops N]");
                    System.exit(2);
                }
            }
        }
        System.out.printf(t("machine: %d cores, Java %s, %s%n", "기계: 코어 %d개, Java %s, %s%n"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
        batch(files, ops);
        core(coreOps);
    }

    private static void batch(int n, int ops) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ch08-histories");
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // three in four linearizable; the fourth has one read of a value nobody wrote
            History h = GeneratedHistories.registers(i, ops, 5, 1, i % 4 != 3);
            Path f = dir.resolve(String.format("h%03d.edn", i));
            Files.writeString(f, JepsenHistory.write(h), StandardCharsets.UTF_8);
            paths.add(f);
        }
        System.out.printf(t("%n1. Batch checking: %d histories of %d operations (5 clients, one register; every fourth not linearizable), in %s%n",
                "%n1. 여러 파일 검사: 연산 %2$d개짜리 히스토리 %1$d개 (클라이언트 5개, 레지스터 하나, 네 번째마다 선형적이지 않음), 위치 %3$s%n"), n, ops, dir);

        long start = System.nanoTime();
        int[] inJvm = new int[n];
        for (int i = 0; i < n; i++) {
            CheckResult r = LinearizabilityChecker.create().check(JepsenHistory.read(paths.get(i), false), Models.knossosRegister(0L));
            inJvm[i] = r.verdict() == Verdict.OK ? 0 : r.verdict() == Verdict.VIOLATED ? 1 : 3;
        }
        long inJvmMs = (System.nanoTime() - start) / 1_000_000;

        start = System.nanoTime();
        int batchExit = run(command(List.of(dir.toString(), "--model", "register", "--initial", "0")));
        long oneJvmMs = (System.nanoTime() - start) / 1_000_000;

        start = System.nanoTime();
        int disagree = 0;
        for (int i = 0; i < n; i++) {
            int code = run(command(List.of(paths.get(i).toString(), "--model", "register", "--initial", "0")));
            disagree += code == inJvm[i] ? 0 : 1;
        }
        long perFileMs = (System.nanoTime() - start) / 1_000_000;

        System.out.printf(t("   (a) inside this JVM, parse and check only:  %,d ms%n", "   (a) 이 JVM 안에서, 파싱과 검사만:            %,d ms%n"), inJvmMs);
        System.out.printf(t("   (b) one check-history JVM for the folder:    %,d ms (exit status %d)%n",
                "   (b) 폴더를 check-history JVM 하나로:          %,d ms (종료 상태 %d)%n"), oneJvmMs, batchExit);
        System.out.printf(t("   (c) one check-history JVM per file:          %,d ms (%d verdicts differ from (a))%n",
                "   (c) 파일마다 check-history JVM 하나씩:        %,d ms ((a)와 다른 판정 %d개)%n"), perFileMs, disagree);
        System.out.printf(t("   (c)/(b) = %.1f: one JVM for all files is that many times faster than one per file%n",
                "   (c)/(b) = %.1f: 모든 파일을 JVM 하나로 검사하는 것이 파일마다 JVM을 띄우는 것보다 그만큼 빠르다%n"), (double) perFileMs / oneJvmMs);
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void core(int ops) throws IOException, InterruptedException {
        System.out.printf(t("%n2. The core of a long history (child JVM, -Xmx1g):%n", "%n2. 긴 히스토리의 코어 (자식 JVM, -Xmx1g):%n"));
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                CheckerFigures.class.getName(), "--core-child", String.valueOf(ops)));
        int code = run(cmd, true);
        if (code != 0) {
            System.out.printf(t("   the child JVM exited with status %d%n", "   자식 JVM이 상태 %d로 끝났다%n"), code);
        }
    }

    /** In the -Xmx1g child: the verdict alone, then the check with its core. */
    private static void coreChild(int ops) {
        History h = GeneratedHistories.registers(42, ops, 5, 1, false);
        long start = System.nanoTime();
        Verdict v = LinearizabilityChecker.create().withoutCore().check(h, Models.register(0L)).verdict();
        long verdictMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        CheckResult.KeyResult k = LinearizabilityChecker.create().check(h, Models.register(0L)).keys().get(0);
        long withCoreMs = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(t("   %,d operations, one read of 999 (never written): %s%n", "   연산 %,d개, 999 읽기 하나 (쓰인 적 없음): %s%n"), h.operations().size(), v);
        System.out.printf(t("   verdict alone: %,d ms; verdict and core: %,d ms, so the core took about %,d ms%n",
                "   판정만: %,d ms, 판정과 코어: %,d ms, 따라서 코어에 약 %,d ms%n"), verdictMs, withCoreMs, withCoreMs - verdictMs);
        System.out.printf(t("   core: %d operation(s), %,d others cut off; peak heap %,d MB of 1,024%n",
                "   코어: 연산 %d개, 잘라 낸 다른 연산 %,d개. 최대 힙 %,d MB (한도 1,024)%n"), k.core().size(), k.coreSkipped(), peak >> 20);
        for (Operation op : k.core()) {
            System.out.println("     " + op.describe());
        }
    }

    private static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "dev.dbinternals.ch08.concurrency.Demo05CheckHistory"));
        cmd.addAll(args);
        return cmd;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        return run(cmd, false);
    }

    private static int run(List<String> cmd, boolean showOutput) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (showOutput) {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        return pb.start().waitFor();
    }
}
