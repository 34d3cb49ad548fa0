package dev.dbinternals.ch08.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search demo narrates what its searches found, writes the replayed run, and rejects a bound too deep for --quick. */
class Demo08SearchTest {

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Demo08Search.main(args);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheShortestScheduleTheFixsBoundAndTheRandomComparison(@TempDir Path dir) {
        String out = run("--quick", "--seeds", "20", "--out", dir.toString());

        assertThat(out).contains("broken after 4 choices, a shortest schedule (none of 3 choices breaks it)")
                .contains("  2. crash R\n").contains("  3. restart R\n")
                .contains("R's count is 2 after 1 increment(s) issued")
                .contains("no violation in any schedule of up to 6 choices")
                .contains("random seeds 1..20").contains("random walks of the search");
        assertThat(dir.resolve("search-bug.html")).exists();
        assertThat(dir.resolve("search-bug.txt")).content().contains("invariant 'count <= increments issued' broken");
    }

    @Test
    void shouldRejectADepthAboveSixWithQuick(@TempDir Path dir) throws Exception {
        DemoList.Demo demo = new DemoList.Demo("search", Demo08Search.class.getName(), "t");
        DemoList.Outcome bad = DemoList.runParsing(demo, List.of("--quick", "--depth", "7", "--out", dir.toString()));

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.output()).startsWith("search: --depth must be from 1 to 6 with --quick, got 7").doesNotContain("\tat ");
    }
}
