package dev.dbinternals.ch08.harness.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's {@code demos.txt}: the demos the guided tour runs, in reading order, one per line
 * as {@code <short-name> <main class> <title>} ({@code #} starts a comment).
 *
 * <p>The launcher ({@code ./ch08}) reads the same file; every module's smoke test reads it
 * through this class and runs each demo in quick mode, so a demo the tour would run cannot
 * silently break. Stateless and thread-safe; {@link #runQuick} swaps {@code System.out} while a
 * demo runs, so run demos one at a time.
 */
public final class DemoList {

    /** One line of {@code demos.txt}. */
    public record Demo(String name, String mainClass, String title) {
    }

    private DemoList() {
    }

    /** Reads a {@code demos.txt}; a malformed line is an error naming the file and line. */
    public static List<Demo> read(Path file) throws IOException {
        List<Demo> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": expected '<short-name> <main class> <title>', got '" + line + "'");
            }
            out.add(new Demo(parts[0], parts[1], parts[2]));
        }
        return List.copyOf(out);
    }

    /** Reads {@code demos.txt} in the working directory (a module's folder, when Surefire runs its tests). */
    public static List<Demo> ofThisModule() throws IOException {
        return read(Path.of("demos.txt"));
    }

    /**
     * Runs every demo of this module's {@code demos.txt}, in order, each with
     * {@code --quick --out <outRoot>/<name>}, and returns what each printed, by demo.
     */
    public static Map<Demo, String> runAllQuick(Path outRoot) throws Exception {
        Map<Demo, String> out = new LinkedHashMap<>();
        for (Demo d : ofThisModule()) {
            out.put(d, runQuick(d, outRoot.resolve(d.name())));
        }
        return out;
    }

    /**
     * Runs {@code demo}'s {@code main} in this JVM with {@code --quick --out <out>} and returns
     * what it printed. An exception thrown by the demo is rethrown as it is.
     */
    public static String runQuick(Demo demo, Path out) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Class.forName(demo.mainClass()).getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {"--quick", "--out", out.toString()});
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
