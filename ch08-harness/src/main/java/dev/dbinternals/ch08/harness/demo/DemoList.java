package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.lang.Lang;
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

    /** One line of {@code demos.txt}: its title in English and, after {@code " | "}, in Korean. */
    public record Demo(String name, String mainClass, String title, String titleKo) {
        /** A demo without a Korean title (tests that run one demo by hand). */
        public Demo(String name, String mainClass, String title) {
            this(name, mainClass, title, "");
        }

        /** The title in the language in effect ({@link Lang}). */
        public String localTitle() {
            return titleKo.isEmpty() ? title : Lang.t(title, titleKo);
        }
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
            int bar = parts[2].indexOf(" | ");
            out.add(bar < 0 ? new Demo(parts[0], parts[1], parts[2])
                    : new Demo(parts[0], parts[1], parts[2].substring(0, bar).strip(), parts[2].substring(bar + 3).strip()));
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
    public static Map<Demo, String> runAllQuick(Path outRoot, String... moreArgs) throws Exception {
        Map<Demo, String> out = new LinkedHashMap<>();
        for (Demo d : ofThisModule()) {
            out.put(d, runQuick(d, outRoot.resolve(d.name()), moreArgs));
        }
        return out;
    }

    /**
     * How a demo's {@code main} ended on a command line given by {@link #runParsing}: the status
     * {@link DemoArgs#parse} exited with ({@link #RAN} if the demo ran instead, {@link #THREW} if it
     * threw) and everything it printed, error stream included.
     */
    public record Outcome(Demo demo, List<String> args, int status, String output) {
        /** The command line was accepted and the demo ran to its end. */
        public static final int RAN = -1;
        /** The demo threw an exception (its stack trace is in {@code output}). */
        public static final int THREW = -2;

        @Override
        public String toString() {
            return demo.name() + " " + String.join(" ", args) + " -> status " + status + "\n" + output;
        }
    }

    /**
     * Runs {@code demo}'s {@code main} in this JVM with {@code args} such that {@link DemoArgs#parse}
     * throws instead of calling {@code System.exit}, and returns how it ended. Meant for command
     * lines the parser must reject (or {@code --help}): a demo that accepts them runs in full.
     */
    public static Outcome runParsing(Demo demo, List<String> args) throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        String language = System.getProperty(Lang.PROPERTY);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int status;
        try {
            System.setOut(both);
            System.setErr(both);
            status = DemoArgs.throwingExit(() -> {
                try {
                    Class.forName(demo.mainClass()).getMethod("main", String[].class).invoke(null, (Object) args.toArray(String[]::new));
                    return Outcome.RAN;
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof DemoArgs.Exit exit) {
                        both.println(exit.text());
                        return exit.status();
                    }
                    e.getCause().printStackTrace(both);
                    return Outcome.THREW;
                }
            });
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            restore(language);
        }
        return new Outcome(demo, List.copyOf(args), status, captured.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs every demo of this module's {@code demos.txt} on every command line its
     * {@link DemoArgs} declaration must reject (each option with a malformed and an out-of-range
     * value, a bad seed, an unknown option, an unwritable {@code --out}), and returns the outcomes;
     * each should have status 2 and an output without a stack trace. No demo runs if all is well:
     * the parser stops each before it starts. {@code scratch} is an empty folder for the files this needs.
     */
    public static List<Outcome> runBadCommandLines(Path scratch) throws Exception {
        Path aFile = Files.writeString(scratch.resolve("a-file"), "not a folder\n", StandardCharsets.UTF_8);
        List<Outcome> outcomes = new ArrayList<>();
        for (Demo d : ofThisModule()) {
            Outcome help = runParsing(d, List.of("--help"));
            if (help.status() != 0) {
                outcomes.add(help); // the demo does not parse --help through DemoArgs: report it as it is
                continue;
            }
            DemoArgs declared = declaration(d);
            for (List<String> bad : declared.badCommandLines(aFile)) {
                List<String> line = new ArrayList<>(List.of("--quick", "--out", scratch.resolve(d.name()).toString()));
                line.addAll(bad);
                outcomes.add(runParsing(d, line));
            }
        }
        return outcomes;
    }

    /** The options {@code demo} declares, read by running its {@code main} with {@code --help}. */
    static DemoArgs declaration(Demo demo) throws Exception {
        PrintStream originalOut = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return DemoArgs.throwingExit(() -> {
                try {
                    Class.forName(demo.mainClass()).getMethod("main", String[].class).invoke(null, (Object) new String[] {"--help"});
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof DemoArgs.Exit exit) {
                        return exit.args();
                    }
                    throw e;
                }
                throw new IllegalStateException(demo.name() + " ran instead of printing its usage for --help");
            });
        } finally {
            System.setOut(originalOut);
        }
    }

    /**
     * Runs {@code demo}'s {@code main} in this JVM with {@code --quick --out <out>} and returns
     * what it printed. An exception thrown by the demo is rethrown as it is.
     */
    public static String runQuick(Demo demo, Path out, String... moreArgs) throws Exception {
        PrintStream original = System.out;
        String language = System.getProperty(Lang.PROPERTY); // --lang sets it: put it back afterwards
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--quick", "--out", out.toString()));
        args.addAll(List.of(moreArgs));
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Class.forName(demo.mainClass()).getMethod("main", String[].class)
                    .invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            System.setOut(original);
            restore(language);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void restore(String language) {
        if (language == null) {
            System.clearProperty(Lang.PROPERTY);
        } else {
            System.setProperty(Lang.PROPERTY, language);
        }
    }
}
