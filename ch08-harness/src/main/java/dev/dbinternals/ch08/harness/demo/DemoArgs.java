package dev.dbinternals.ch08.harness.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line every demo understands, so the guided tour can drive them all alike.
 *
 * <ul>
 *   <li>{@code --quick}: a smaller run for the tour's quick mode and CI (a few seconds at most);</li>
 *   <li>{@code --seed N}: the seed of the simulated run (default 1), printed so a run can be replayed;</li>
 *   <li>{@code --out DIR}: where diagrams and tables go (default {@code ch08-out/<demo>});</li>
 *   <li>{@code --help}: the demo's usage;</li>
 *   <li>plus any options the demo declares with {@link #option}.</li>
 * </ul>
 *
 * <p>A wrong flag or value prints a clear error with the usage and exits with status 2, before
 * the demo has done anything. Not thread-safe; parse once in {@code main}.
 *
 * <p>Book: every demo of Chapter 8 (분산 시스템 소개와 개요) runs through it.
 */
public final class DemoArgs {

    private final String demo;
    private final String summary;
    private final Map<String, String[]> options = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private boolean quick;
    private long seed = 1;
    private Path out;

    private DemoArgs(String demo, String summary) {
        this.demo = demo;
        this.summary = summary;
    }

    /** Starts the command line of the demo named {@code demo} (used in usage text and as the default output folder). */
    public static DemoArgs forDemo(String demo, String summary) {
        return new DemoArgs(demo, summary);
    }

    /** Declares an extra option {@code --name VALUE} with its default and a one-line description. */
    public DemoArgs option(String name, String defaultValue, String description) {
        options.put(name, new String[] {defaultValue, description});
        values.put(name, defaultValue);
        return this;
    }

    /**
     * Parses {@code args}; on {@code --help} prints the usage and exits 0, on a bad flag prints
     * the error and usage to stderr and exits 2.
     */
    public DemoArgs parse(String[] args) {
        try {
            parseOrThrow(args);
        } catch (HelpRequested h) {
            System.out.println(usage());
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println(demo + ": " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
        return this;
    }

    /** Like {@link #parse} but throws instead of exiting; for tests. */
    public DemoArgs parseOrThrow(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            switch (flag) {
                case "--help", "-h" -> throw new HelpRequested();
                case "--quick" -> quick = true;
                case "--seed" -> {
                    String v = take(flag, rest);
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed needs a whole number, got '" + v + "'");
                    }
                }
                case "--out" -> out = Path.of(take(flag, rest));
                default -> {
                    String name = flag.startsWith("--") ? flag.substring(2) : null;
                    if (name == null || !options.containsKey(name)) {
                        throw new IllegalArgumentException("unknown option '" + flag + "'");
                    }
                    values.put(name, take(flag, rest));
                }
            }
        }
        return this;
    }

    private static String take(String flag, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.remove(0);
    }

    public boolean quick() {
        return quick;
    }

    public long seed() {
        return seed;
    }

    /** The output folder for this demo's files (not created until asked for). */
    public Path out() {
        return out != null ? out : Path.of("ch08-out", demo);
    }

    /** The value of a declared option. */
    public String get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("option --" + name + " was not declared");
        }
        return values.get(name);
    }

    /** A declared option as a whole number within [{@code min}, {@code max}], with a clear error otherwise. */
    public long getLong(String name, long min, long max) {
        String v = get(name);
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw badValue(name, v, "a whole number");
        }
        if (n < min || n > max) {
            throw badValue(name, v, "a number from " + min + " to " + max);
        }
        return n;
    }

    /** A declared option as a number within [{@code min}, {@code max}], with a clear error otherwise. */
    public double getDouble(String name, double min, double max) {
        String v = get(name);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw badValue(name, v, "a number");
        }
        if (!(d >= min && d <= max)) {
            throw badValue(name, v, "a number from " + min + " to " + max);
        }
        return d;
    }

    private IllegalArgumentException badValue(String name, String v, String expected) {
        return new IllegalArgumentException("--" + name + " needs " + expected + ", got '" + v + "'");
    }

    /** The usage text. */
    public String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: ").append(demo).append(" [--quick] [--seed N] [--out DIR]");
        options.keySet().forEach(k -> sb.append(" [--").append(k).append(" VALUE]"));
        sb.append("\n  ").append(summary).append('\n');
        sb.append("  --quick        a short run (the tour's quick mode)\n");
        sb.append("  --seed N       seed of the simulated run (default 1)\n");
        sb.append("  --out DIR      where diagrams go (default ch08-out/").append(demo).append(")\n");
        options.forEach((k, v) -> sb.append(String.format("  --%-12s %s (default %s)%n", k + " V", v[1], v[0])));
        return sb.toString().stripTrailing();
    }

    /** Prints a section heading of the narration. */
    public static void heading(PrintStream out, String text) {
        out.println();
        out.println("== " + text + " ==");
    }

    /** The value of a declared option, if it differs from its default. */
    public Optional<String> changed(String name) {
        String v = get(name);
        return v.equals(options.get(name)[0]) ? Optional.empty() : Optional.of(v);
    }

    private static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
