package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.lang.Lang;
import dev.dbinternals.ch08.harness.udp.UdpCluster;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The command line every demo understands, so the guided tour can drive them all alike.
 *
 * <ul>
 *   <li>{@code --quick}: a smaller run for the tour's quick mode and CI (a few seconds at most);</li>
 *   <li>{@code --seed N}: the seed of the simulated run (default 1), printed so a run can be replayed;</li>
 *   <li>{@code --out DIR}: where diagrams and tables go (default {@code ch08-out/<demo>});</li>
 *   <li>{@code --lang en|ko}: the language of the narration, the usage and the diagrams (default:
 *       the locale, see {@link Lang});</li>
 *   <li>{@code --help}: the demo's usage, in the language chosen;</li>
 *   <li>plus the typed options the demo declares: {@link #intOption}, {@link #longOption},
 *       {@link #doubleOption}, {@link #choiceOption}, {@link #flag}, {@link #fileOption},
 *       {@link #hostPortOption} and free text ({@link #option}).</li>
 * </ul>
 *
 * <p>Every option is declared once, with its default and what it allows, and {@link #parse}
 * checks every value <em>before</em> the demo does anything: a wrong flag, a malformed or
 * out-of-range value, or an {@code --out} folder that cannot be created or written prints one
 * line saying what was wrong and what is allowed, then the usage, and exits with status 2; never
 * a stack trace. The demo then reads typed values ({@link #intValue}, {@link #doubleValue}, ...)
 * and parses nothing itself. Not thread-safe; parse once in {@code main}.
 *
 * <p>Book: every demo of Chapter 8 (『데이터베이스 인터널스』 8장) runs through it.
 */
public final class DemoArgs {

    /** Set while {@link DemoList} runs a demo in a test: exits become a thrown {@link Exit}. */
    private static final ThreadLocal<Boolean> THROW_INSTEAD_OF_EXIT = ThreadLocal.withInitial(() -> false);

    private enum Kind { INT, LONG, DOUBLE, CHOICE, FLAG, FILE, HOST_PORT, TEXT }

    /** One declared option; {@code min}/{@code max} for numbers, {@code allowed} for choices. */
    private record Option(String name, Kind kind, String defaultValue, String description, String descriptionKo,
                          double min, double max, List<String> allowed) {
        String text() {
            return t(description, descriptionKo);
        }
    }

    private final String demo;
    private final String summary;
    private final String summaryKo;
    private final Map<String, Option> options = new LinkedHashMap<>();
    private final Map<String, String> raw = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<Consumer<DemoArgs>> checks = new ArrayList<>();
    private String positional;
    private boolean writesFiles = true;
    private boolean quick;
    private long seed = 1;
    private Path out;

    private DemoArgs(String demo, String summary, String summaryKo) {
        this.demo = demo;
        this.summary = summary;
        this.summaryKo = summaryKo;
    }

    /**
     * Starts the command line of the demo named {@code demo} (used in usage text and as the default
     * output folder), with its one-line summary in English and in Korean.
     */
    public static DemoArgs forDemo(String demo, String summary, String summaryKo) {
        return new DemoArgs(demo, summary, summaryKo);
    }

    // ---------------------------------------------------------------- declaring options

    /** {@code --name N}: a whole number from {@code min} to {@code max}. */
    public DemoArgs intOption(String name, int defaultValue, int min, int max, String description, String descriptionKo) {
        return declare(new Option(name, Kind.INT, Long.toString(defaultValue), description, descriptionKo, min, max, List.of()));
    }

    /** {@code --name N}: a whole number from {@code min} to {@code max}, as a {@code long}. */
    public DemoArgs longOption(String name, long defaultValue, long min, long max, String description, String descriptionKo) {
        return declare(new Option(name, Kind.LONG, Long.toString(defaultValue), description, descriptionKo, min, max, List.of()));
    }

    /** {@code --name X}: a (finite) number from {@code min} to {@code max}. */
    public DemoArgs doubleOption(String name, double defaultValue, double min, double max, String description, String descriptionKo) {
        return declare(new Option(name, Kind.DOUBLE, number(defaultValue), description, descriptionKo, min, max, List.of()));
    }

    /** {@code --name V}: one of {@code allowed} (exact spelling). */
    public DemoArgs choiceOption(String name, String defaultValue, List<String> allowed, String description, String descriptionKo) {
        if (allowed.isEmpty()) {
            throw new IllegalStateException("--" + name + " needs at least one allowed value");
        }
        return declare(new Option(name, Kind.CHOICE, defaultValue, description, descriptionKo, 0, 0, List.copyOf(allowed)));
    }

    /** {@code --name}: a flag, off unless given; {@code --name=false} or {@code --name false} also work. */
    public DemoArgs flag(String name, String description, String descriptionKo) {
        return declare(new Option(name, Kind.FLAG, "false", description, descriptionKo, 0, 0, List.of()));
    }

    /** {@code --name FILE}: an existing, readable file to read; not given by default. */
    public DemoArgs fileOption(String name, String description, String descriptionKo) {
        return declare(new Option(name, Kind.FILE, "", description, descriptionKo, 0, 0, List.of()));
    }

    /** {@code --name HOST:PORT}: a socket address (port 0 to 65535; the host must resolve). */
    public DemoArgs hostPortOption(String name, String defaultValue, String description, String descriptionKo) {
        return declare(new Option(name, Kind.HOST_PORT, defaultValue, description, descriptionKo, 0, 0, List.of()));
    }

    /** {@code --name VALUE}: free text, checked by the demo's {@link #check} rules if at all. */
    public DemoArgs option(String name, String defaultValue, String description, String descriptionKo) {
        return declare(new Option(name, Kind.TEXT, defaultValue, description, descriptionKo, 0, 0, List.of()));
    }

    /** A bare argument (one, anywhere) is the value of the declared option {@code name}. */
    public DemoArgs positional(String name) {
        if (!options.containsKey(name)) {
            throw new IllegalStateException("declare --" + name + " before making it positional");
        }
        positional = name;
        return this;
    }

    /**
     * A rule over several options, run by {@link #parse} after every value is read: it throws
     * {@link IllegalArgumentException} with a message saying what is wrong and what is allowed.
     */
    public DemoArgs check(Consumer<DemoArgs> rule) {
        checks.add(rule);
        return this;
    }

    /** This demo only prints: {@code --out} is accepted like everywhere, but no folder is created. */
    public DemoArgs writesNoFiles() {
        writesFiles = false;
        return this;
    }

    private DemoArgs declare(Option o) {
        if (List.of("quick", "seed", "out", "lang", "help").contains(o.name()) || options.containsKey(o.name())) {
            throw new IllegalStateException("--" + o.name() + " is declared twice");
        }
        try {
            convert(o, o.defaultValue());
        } catch (IllegalArgumentException e) { // the demo's bug, not the user's: fail at once, loudly
            throw new IllegalStateException("the default of " + e.getMessage(), e);
        }
        options.put(o.name(), o);
        return this;
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses and checks {@code args}; on {@code --help} prints the usage and exits 0, on anything
     * wrong prints what was wrong, what is allowed and the usage to stderr and exits 2.
     */
    public DemoArgs parse(String[] args) {
        try {
            parseOrThrow(args);
        } catch (HelpRequested h) {
            exit(0, usage(), System.out);
        } catch (IllegalArgumentException e) {
            exit(2, demo + ": " + e.getMessage() + "\n" + usage(), System.err);
        }
        return this;
    }

    /**
     * Like {@link #parse} but throws instead of exiting: {@link IllegalArgumentException} for a
     * bad command line (its message is the error line), {@link HelpRequested} for {@code --help}.
     */
    public DemoArgs parseOrThrow(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        takeLang(rest); // first, so that --help and every error below speak the language asked for
        if (rest.contains("--help") || rest.contains("-h")) {
            throw new HelpRequested();
        }
        String seedText = "1";
        String outText = null;
        String lastFlag = null;
        boolean positionalGiven = false;
        while (!rest.isEmpty()) {
            String token = rest.remove(0);
            if (!token.startsWith("--")) {
                if (positional != null && !positionalGiven) {
                    raw.put(positional, token);
                    positionalGiven = true;
                    continue;
                }
                throw new IllegalArgumentException(t("unexpected argument '", "예상하지 못한 인자 '") + token + "'"
                        + (lastFlag != null ? t(" after --" + lastFlag + " (a flag takes no value, or true or false)",
                                " (--" + lastFlag + " 뒤: 플래그는 값을 받지 않거나 true나 false만 받습니다)")
                        : positional != null ? t(" (only one " + positional + " may be given)", " (" + positional + "은(는) 하나만 줄 수 있습니다)")
                        : t("; options start with -- (valid: ", "; 옵션은 --로 시작합니다 (가능한 옵션: ") + validNames() + ")"));
            }
            lastFlag = null;
            String name = token.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            switch (name) {
                case "quick" -> {
                    if (inline != null) {
                        throw new IllegalArgumentException(t("--quick takes no value, got '", "--quick은 값을 받지 않습니다. 받은 값: '") + inline + "'");
                    }
                    quick = true;
                }
                case "seed" -> seedText = inline != null ? inline : take("--seed", t("a whole number", "정수"), rest);
                case "out" -> outText = inline != null ? inline : take("--out", t("a folder", "폴더"), rest);
                default -> {
                    Option o = options.get(name);
                    if (o == null) {
                        throw new IllegalArgumentException(t("unknown option '", "알 수 없는 옵션 '") + token
                                + t("' (valid: ", "' (가능한 옵션: ") + validNames() + ")");
                    }
                    if (o.kind() == Kind.FLAG && inline == null) {
                        boolean valueFollows = !rest.isEmpty() && (rest.get(0).equalsIgnoreCase("true") || rest.get(0).equalsIgnoreCase("false"));
                        raw.put(name, valueFollows ? rest.remove(0) : "true");
                        lastFlag = valueFollows ? null : name;
                    } else {
                        raw.put(name, inline != null ? inline : take(token, expected(o), rest));
                    }
                }
            }
        }
        for (Option o : options.values()) {
            values.put(o.name(), convert(o, raw.getOrDefault(o.name(), o.defaultValue())));
        }
        try {
            seed = Long.parseLong(seedText.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(t("--seed must be a whole number, got '", "--seed는 정수여야 합니다. 받은 값: '") + seedText + "'");
        }
        if (outText != null) {
            try {
                out = Path.of(outText);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(t("--out must be a folder name, got '", "--out은 폴더 이름이어야 합니다. 받은 값: '")
                        + outText + "' (" + e.getReason() + ")");
            }
        }
        for (Consumer<DemoArgs> rule : checks) {
            rule.accept(this);
        }
        if (writesFiles) {
            prepareOut(out());
        }
        return this;
    }

    /** Removes {@code --lang X} / {@code --lang=X} from {@code rest} and makes X the language of this JVM. */
    private static void takeLang(List<String> rest) {
        for (int i = 0; i < rest.size(); i++) {
            String token = rest.get(i);
            String value;
            if (token.equals("--lang")) {
                if (i + 1 >= rest.size() || rest.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException("--lang needs a value: en or ko (--lang에는 en 또는 ko를 주세요)");
                }
                value = rest.remove(i + 1);
                rest.remove(i);
            } else if (token.startsWith("--lang=")) {
                value = token.substring("--lang=".length());
                rest.remove(i);
            } else {
                continue;
            }
            Lang.use(Lang.parse(value));
            i--;
        }
        Lang.current(); // a bad ch08.lang or CH08_LANG is a bad command line too, said now
    }

    private static String take(String flag, String expected, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(flag + t(" needs a value: ", "에는 값이 필요합니다: ") + expected);
        }
        return rest.remove(0);
    }

    /** Creates the output folder and writes a probe file in it, so a bad {@code --out} fails now, not after the run. */
    private static void prepareOut(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".ch08-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException(t("--out must be a folder this demo can create and write in, got '",
                    "--out은 이 데모가 만들고 쓸 수 있는 폴더여야 합니다. 받은 값: '") + dir + "' (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + t(" exists and is not a folder", "은(는) 이미 있고 폴더가 아닙니다");
        }
        if (e instanceof AccessDeniedException a) {
            return t("permission denied: ", "권한이 없습니다: ") + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return t("cannot create ", "만들 수 없습니다: ") + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() != null ? ": " + f.getFile() : "");
        }
        return t("cannot create or write it: ", "만들거나 쓸 수 없습니다: ") + e.getMessage();
    }

    /** Reads one value of {@code o}, or throws saying what was wrong and what is allowed. */
    private static Object convert(Option o, String v) {
        String bad = t("--" + o.name() + " must be " + expected(o) + ", got '" + v + "'",
                "--" + o.name() + "은(는) " + expected(o) + "이어야 합니다. 받은 값: '" + v + "'");
        switch (o.kind()) {
            case INT, LONG -> {
                long n;
                try {
                    n = Long.parseLong(v.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(bad);
                }
                if (n < (long) o.min() || n > (long) o.max()) {
                    throw new IllegalArgumentException(bad);
                }
                return o.kind() == Kind.INT ? (Object) (int) n : (Object) n;
            }
            case DOUBLE -> {
                double d;
                try {
                    d = Double.parseDouble(v.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(bad);
                }
                if (!(d >= o.min() && d <= o.max())) { // also rejects NaN
                    throw new IllegalArgumentException(bad);
                }
                return d;
            }
            case CHOICE -> {
                if (!o.allowed().contains(v)) {
                    throw new IllegalArgumentException(bad);
                }
                return v;
            }
            case FLAG -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(bad);
                }
                return Boolean.parseBoolean(v);
            }
            case FILE -> {
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                Path p;
                try {
                    p = Path.of(v);
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException(bad + " (" + e.getReason() + ")");
                }
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException(bad + " (no such file)");
                }
                if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                    throw new IllegalArgumentException(bad + (Files.isDirectory(p) ? " (a folder)" : " (not readable)"));
                }
                return Optional.of(p);
            }
            case HOST_PORT -> {
                try {
                    UdpCluster.parse(v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(bad + " (" + e.getMessage() + ")");
                }
                return v;
            }
            default -> {
                return v;
            }
        }
    }

    /** What an option allows, in words: "a whole number from 1 to 100000", "one of A, B, both", ... */
    private static String expected(Option o) {
        return switch (o.kind()) {
            case INT, LONG -> o.max() >= Long.MAX_VALUE
                    ? t("a whole number from " + (long) o.min() + " up", (long) o.min() + " 이상의 정수")
                    : t("a whole number from " + (long) o.min() + " to " + (long) o.max(),
                        (long) o.min() + "부터 " + (long) o.max() + "까지의 정수");
            case DOUBLE -> t("a number from " + number(o.min()) + " to " + number(o.max()),
                    number(o.min()) + "부터 " + number(o.max()) + "까지의 수");
            case CHOICE -> t("one of ", "다음 중 하나: ") + String.join(", ", o.allowed());
            case FLAG -> t("true or false (or the flag alone, meaning true)", "true 또는 false (플래그만 주면 true)");
            case FILE -> t("a readable file", "읽을 수 있는 파일");
            case HOST_PORT -> t("host:port with a port from 0 to 65535", "host:port (포트는 0부터 65535까지)");
            case TEXT -> t("any text", "아무 텍스트");
        };
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private String validNames() {
        List<String> names = new ArrayList<>(List.of("--quick", "--seed", "--out", "--lang", "--help"));
        options.keySet().forEach(k -> names.add("--" + k));
        return String.join(", ", names);
    }

    // ---------------------------------------------------------------- values

    public boolean quick() {
        return quick;
    }

    public long seed() {
        return seed;
    }

    /** The output folder for this demo's files (created and checked by {@link #parse} unless {@link #writesNoFiles}). */
    public Path out() {
        return out != null ? out : Path.of("ch08-out", demo);
    }

    /** The value of an {@link #intOption}. */
    public int intValue(String name) {
        return (int) value(name, Kind.INT);
    }

    /** The value of a {@link #longOption}. */
    public long longValue(String name) {
        return (long) value(name, Kind.LONG);
    }

    /** The value of a {@link #doubleOption}. */
    public double doubleValue(String name) {
        return (double) value(name, Kind.DOUBLE);
    }

    /** Whether a {@link #flag} was given (and not as {@code =false}). */
    public boolean flagValue(String name) {
        return (boolean) value(name, Kind.FLAG);
    }

    /** The file of a {@link #fileOption}, if one was given. */
    @SuppressWarnings("unchecked")
    public Optional<Path> fileValue(String name) {
        return (Optional<Path>) value(name, Kind.FILE);
    }

    /** The value of any declared option as written (for choices, host:port and text options). */
    public String get(String name) {
        declared(name);
        return raw.getOrDefault(name, options.get(name).defaultValue());
    }

    /** The value of a declared option as written, if it differs from its default. */
    public Optional<String> changed(String name) {
        String v = get(name);
        return v.equals(options.get(name).defaultValue()) ? Optional.empty() : Optional.of(v);
    }

    private Object value(String name, Kind kind) {
        Option o = declared(name);
        if (o.kind() != kind) {
            throw new IllegalStateException("--" + name + " is a " + o.kind() + " option, not " + kind);
        }
        Object v = values.get(name);
        return v != null ? v : convert(o, o.defaultValue());
    }

    private Option declared(String name) {
        Option o = options.get(name);
        if (o == null) {
            throw new IllegalStateException("option --" + name + " was not declared");
        }
        return o;
    }

    // ---------------------------------------------------------------- usage

    /** The usage text: every option with what it allows and its default. */
    public String usage() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"--quick", t("a short run (the tour's quick mode)", "짧게 실행 (투어의 빠른 모드)")});
        rows.add(new String[] {"--seed N", t("seed of the simulated run, a whole number (default 1)",
                "시뮬레이션 실행의 시드, 정수 (기본값 1)")});
        rows.add(new String[] {"--out DIR", writesFiles
                ? t("where the demo writes its files (default ch08-out/" + demo + ")",
                    "데모가 파일을 쓰는 폴더 (기본값 ch08-out/" + demo + ")")
                : t("accepted as by every demo; this one writes no files", "모든 데모처럼 받기는 하지만, 이 데모는 파일을 쓰지 않음")});
        rows.add(new String[] {"--lang en|ko", t("the language of the output (default: the locale, LANG/LC_ALL)",
                "출력 언어 (기본값: 로캘, LANG/LC_ALL)")});
        StringBuilder line = new StringBuilder(t("usage: ", "사용법: ") + demo + " [--quick] [--seed N] [--out DIR] [--lang en|ko]");
        for (Option o : options.values()) {
            String left = "--" + o.name() + (o.kind() == Kind.FLAG ? "" : " " + metavar(o));
            line.append(" [").append(left).append(']');
            rows.add(new String[] {left, o.text() + switch (o.kind()) {
                case FLAG -> t(" (a flag, off unless given)", " (플래그, 주지 않으면 꺼짐)");
                case FILE -> t("; a readable file (none by default)", "; 읽을 수 있는 파일 (기본값 없음)");
                case TEXT -> t(" (default ", " (기본값 ") + o.defaultValue() + ")";
                default -> "; " + expected(o) + t(" (default ", " (기본값 ") + o.defaultValue() + ")";
            }});
        }
        if (positional != null) {
            line.append(" [").append(metavar(options.get(positional))).append(']');
        }
        rows.add(new String[] {"--help", t("this text", "이 도움말")});
        // a long option name gets its own line rather than pushing every description to the right
        int width = Math.min(24, rows.stream().mapToInt(r -> r[0].length()).max().orElse(0)) + 2;
        String indent = " ".repeat(width + 2);
        StringBuilder sb = new StringBuilder(line).append("\n  ")
                .append(t(summary, summaryKo)).append('\n');
        for (String[] r : rows) {
            sb.append("  ").append(r[0]);
            sb.append(r[0].length() + 2 > width ? "\n" + indent : " ".repeat(width - r[0].length()));
            sb.append(wrap(r[1], 100 - width, indent)).append('\n');
        }
        if (positional != null) {
            sb.append("  (").append(metavar(options.get(positional))).append(t(" alone is --", "만 주면 --"))
                    .append(positional).append(t(")\n", "와(과) 같음)\n"));
        }
        return sb.toString().stripTrailing();
    }

    /** Breaks {@code text} at spaces into lines of at most about {@code width} characters. */
    private static String wrap(String text, int width, String indent) {
        StringBuilder sb = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                sb.append('\n').append(indent);
                lineLength = 0;
            } else if (lineLength > 0) {
                sb.append(' ');
                lineLength++;
            }
            sb.append(word);
            lineLength += word.length();
        }
        return sb.toString();
    }

    private static String metavar(Option o) {
        return switch (o.kind()) {
            case INT, LONG -> "N";
            case DOUBLE -> "X";
            case CHOICE -> String.join("|", o.allowed()).length() <= 16 ? String.join("|", o.allowed()) : o.name().toUpperCase(Locale.ROOT);
            case FLAG -> "";
            case FILE -> "FILE";
            case HOST_PORT -> "HOST:PORT";
            case TEXT -> "VALUE";
        };
    }

    /** Prints a section heading of the narration. */
    public static void heading(PrintStream out, String text) {
        out.println();
        out.println("== " + text + " ==");
    }

    // ---------------------------------------------------------------- for tests (through DemoList)

    private void exit(int status, String text, PrintStream stream) {
        if (THROW_INSTEAD_OF_EXIT.get()) {
            throw new Exit(status, text, this);
        }
        stream.println(text);
        System.exit(status);
    }

    /** Runs {@code body} with {@link #parse} throwing {@link Exit} instead of exiting the JVM (this thread only). */
    static <T> T throwingExit(Callable<T> body) throws Exception {
        boolean before = THROW_INSTEAD_OF_EXIT.get();
        THROW_INSTEAD_OF_EXIT.set(true);
        try {
            return body.call();
        } finally {
            THROW_INSTEAD_OF_EXIT.set(before);
        }
    }

    /**
     * Command lines this demo must reject in {@link #parse}: for each declared option values of
     * the wrong form and out of range, plus a bad seed, an unknown option, a stray argument and
     * (if the demo writes files) an {@code --out} below the regular file {@code aFile}.
     */
    List<List<String>> badCommandLines(Path aFile) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("--seed", "x"));
        lines.add(List.of("--no-such-option", "1"));
        if (positional == null) {
            lines.add(List.of("stray"));
        }
        if (writesFiles) {
            lines.add(List.of("--out", aFile.resolve("sub").toString()));
        }
        for (Option o : options.values()) {
            String flag = "--" + o.name();
            switch (o.kind()) {
                case INT, LONG -> {
                    lines.add(List.of(flag, "x"));
                    lines.add(List.of(flag, "1.5"));
                    lines.add(List.of(flag));
                    if (o.min() > -1e15) {
                        lines.add(List.of(flag, Long.toString((long) o.min() - 1)));
                    }
                    if (o.max() < 1e15) {
                        lines.add(List.of(flag, Long.toString((long) o.max() + 1)));
                    }
                }
                case DOUBLE -> {
                    lines.add(List.of(flag, "x"));
                    lines.add(List.of(flag, "NaN"));
                    lines.add(List.of(flag, number(o.min() - Math.max(1, Math.abs(o.min())))));
                    lines.add(List.of(flag, number(o.max() + Math.max(1, Math.abs(o.max())))));
                }
                case CHOICE -> {
                    lines.add(List.of(flag, "no-such-choice"));
                    String first = o.allowed().get(0);
                    String otherCase = first.toUpperCase(Locale.ROOT).equals(first) ? first.toLowerCase(Locale.ROOT) : first.toUpperCase(Locale.ROOT);
                    if (!o.allowed().contains(otherCase)) {
                        lines.add(List.of(flag, otherCase)); // choices are spelled exactly
                    }
                }
                case FLAG -> lines.add(List.of(flag + "=maybe"));
                case FILE -> {
                    lines.add(List.of(flag, aFile.resolveSibling("no-such-file.edn").toString()));
                    lines.add(List.of(flag, aFile.getParent().toString()));
                }
                case HOST_PORT -> {
                    lines.add(List.of(flag, "localhost"));
                    lines.add(List.of(flag, "127.0.0.1:65536"));
                }
                case TEXT -> {
                    // free text has no wrong form; the demo's check rules are tested where it is declared
                }
            }
        }
        return lines;
    }

    /** {@code --help} was given. */
    public static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }

    /** Thrown by {@link #parse} instead of {@code System.exit} while a test runs the demo through {@link DemoList}. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String text;
        private final transient DemoArgs args;

        Exit(int status, String text, DemoArgs args) {
            super("exit " + status, null, false, false);
            this.status = status;
            this.text = text;
            this.args = args;
        }

        int status() {
            return status;
        }

        String text() {
            return text;
        }

        DemoArgs args() {
            return args;
        }
    }
}
