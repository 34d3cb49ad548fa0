package dev.dbinternals.ch08.concurrency;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers shared by the demos: writing output files and printing where they went. */
final class DemoSupport {

    private DemoSupport() {
    }

    static Path write(Path dir, String name, String content, PrintStream out) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            Files.writeString(p, content, StandardCharsets.UTF_8);
            out.println(t("wrote " + p, "파일을 썼다: " + p));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(t("cannot write ", "쓸 수 없다: ") + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    static PrintStream stdout() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }
}
