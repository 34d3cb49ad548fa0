package dev.dbinternals.ch08.concurrency.check;

import dev.dbinternals.ch08.concurrency.history.History;
import dev.dbinternals.ch08.concurrency.history.JepsenHistory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GoldenDumpTest {
    @Test
    void dump() throws Exception {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(System.getProperty("golden.out", "/tmp/w3c9/golden.txt"))))) {
            for (long seed = 1; seed <= 3000; seed++) {
                History h = RandomHistories.register(seed, 3, 6, seed % 2 == 0);
                one(out, "small" + seed, h, Models.casRegister(0L));
                one(out, "small-reg" + seed, h, Models.register(0L));
            }
            for (long seed = 1; seed <= 400; seed++) {
                History h = RandomHistories.register(seed, 3, 24, true);
                one(out, "long" + seed, h, Models.casRegister(0L));
            }
            for (long seed = 1; seed <= 200; seed++) {
                History h = GeneratedHistories.registers(seed, 60, 4, 3, seed % 2 == 0);
                one(out, "gen" + seed, h, Models.register(0L));
                one(out, "whole" + seed, h, Models.register(0L), LinearizabilityChecker.create().withoutPartitioning());
                one(out, "nocore" + seed, h, Models.register(0L), LinearizabilityChecker.create().withoutCore());
                one(out, "budget" + seed, h, Models.register(0L), LinearizabilityChecker.create().withBudget(50));
            }
            for (long seed = 1; seed <= 20; seed++) {
                History h = GeneratedHistories.registers(seed, 1000, 5, 10, seed % 2 == 0);
                one(out, "big" + seed, h, Models.register(0L));
                one(out, "bigwhole" + seed, h, Models.register(0L), LinearizabilityChecker.create().withoutPartitioning());
            }
            for (String f : new String[] {"cas-register", "independent", "racy-counter", "stale-read"}) {
                String text = new String(getClass().getResourceAsStream("/dev/dbinternals/ch08/concurrency/histories/" + f + ".edn").readAllBytes());
                for (boolean ind : new boolean[] {false, true}) {
                    try {
                        History h = JepsenHistory.parse(text, ind);
                        one(out, f + ind, h, Models.casRegister(null));
                        one(out, f + ind + "c", h, Models.counter(0));
                    } catch (RuntimeException e) {
                        out.println(f + ind + " " + e);
                    }
                }
            }
        }
    }

    private static void one(PrintWriter out, String name, History h, Model<?> m) {
        one(out, name, h, m, LinearizabilityChecker.create());
    }

    private static void one(PrintWriter out, String name, History h, Model<?> m, LinearizabilityChecker c) {
        try {
            CheckResult r = c.check(h, m);
            out.println("== " + name);
            out.println(r.render(1000));
            out.println("configs " + r.configurations() + " ops " + r.operations() + " " + r.verdict());
            for (CheckResult.KeyResult k : r.keys()) {
                out.println("key " + k.key() + " " + k.verdict() + " cfg " + k.configurations() + " witness " + k.witness()
                        + " core " + k.core() + " relaxed " + k.relaxed() + " starts " + k.coreStartStates() + " skipped " + k.coreSkipped()
                        + " expl " + k.explanation());
            }
        } catch (RuntimeException e) {
            out.println("== " + name + " threw " + e);
        }
    }
}
