package dev.dbinternals.ch08.harness.history;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes the part of EDN (extensible data notation) that Jepsen histories are written
 * in, and refuses the rest with a message naming the line and column.
 *
 * <p>Read: {@code nil}, {@code true}, {@code false}; integers → {@link Long} ({@link BigInteger}
 * when too large, or with the suffix {@code N}), also {@code 0x…} hexadecimal, which Clojure prints
 * inside {@code #object[…]}; decimals → {@link Double}; strings; keywords → {@link Keyword};
 * symbols → {@link Symbol}; vectors and lists → {@link List}; maps → {@link Map} (order kept);
 * sets → {@link Set}; tagged values such as {@code #jepsen.history.Op{…}} or
 * {@code #object[…]} → {@link Tagged}. Commas are whitespace and {@code ;} starts a comment.
 *
 * <p>Refused, each with its own message: what Clojure's printer never writes into a history
 * (characters {@code \c}, {@code #_} discards, {@code ##Inf}, big decimals {@code 1.5M}) and
 * Clojure-only reader syntax (ratios {@code 1/3}, radix and octal integers, namespaced maps
 * {@code #:ns{…}}, quotes). This reader was written instead of using a library so that every
 * error names its line and column and {@code #object[… 0x6d2a1b …]} still reads (see the README).
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): the format Jepsen histories come in.
 * Stateless and thread-safe; each read has its own cursor.
 */
public final class Edn {

    private Edn() {
    }

    /** A keyword such as {@code :invoke} or {@code :jepsen/ok}. */
    public record Keyword(String namespace, String name) {
        public Keyword {
            Objects.requireNonNull(name, "name");
        }

        public static Keyword of(String name) {
            int slash = name.indexOf('/');
            return slash > 0 && slash < name.length() - 1
                    ? new Keyword(name.substring(0, slash), name.substring(slash + 1))
                    : new Keyword(null, name);
        }

        /** The keyword without its colon, namespace included: {@code invoke}, {@code jepsen/ok}. */
        public String fullName() {
            return namespace == null ? name : namespace + "/" + name;
        }

        @Override
        public String toString() {
            return ":" + fullName();
        }
    }

    /** A symbol, such as the class name inside {@code #object[java.net.SocketTimeoutException …]}. */
    public record Symbol(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A tagged value such as {@code #jepsen.history.Op{...}}. */
    public record Tagged(String tag, Object value) {
    }

    /** A top-level form and where it starts (1-based line and column). */
    record Form(Object value, int line, int column) {
    }

    /** Reads exactly one value, such as the {@code --initial} of a model. */
    public static Object read(String text) {
        List<Form> forms = readForms(new Cursor(text));
        if (forms.size() != 1) {
            throw new EdnParseException(t("expected exactly one value, found " + forms.size(), "값이 정확히 하나여야 하는데 " + forms.size() + "개입니다"), 1, 1);
        }
        return forms.get(0).value();
    }

    /** Reads every top-level value. */
    static List<Object> readAll(String text) {
        return readForms(new Cursor(text)).stream().map(Form::value).toList();
    }

    /**
     * The events of a history file: its top-level forms, or, when the whole text is one vector or
     * list of them (as Knossos's test data is), that collection's elements. Positions are kept.
     */
    static List<Form> readSequence(String text) {
        Cursor c = new Cursor(text);
        c.skipSpace();
        if (c.atEnd() || (c.peek() != '[' && c.peek() != '(')) {
            return readForms(c);
        }
        int line = c.line;
        int col = c.col;
        char close = c.next() == '[' ? ']' : ')';
        List<Form> out = new ArrayList<>();
        while (true) {
            c.skipSpace();
            if (c.atEnd()) {
                throw new EdnParseException(t("the collection opened here is never closed with '" + close + "'", "여기서 연 컬렉션이 '" + close + "'(으)로 닫히지 않습니다"), line, col);
            }
            if (c.peek() == close) {
                c.next();
                break;
            }
            int l = c.line;
            int k = c.col;
            out.add(new Form(c.readValue(), l, k));
        }
        c.skipSpace();
        if (!c.atEnd()) {
            if (!out.isEmpty() && !(out.get(0).value() instanceof Map) && !(out.get(0).value() instanceof Tagged)) {
                return readForms(new Cursor(text)); // not a wrapping collection: a history whose first form is a vector
            }
            throw c.error(t("unexpected text after the closing '" + close + "' of the history",
                    "히스토리를 닫는 '" + close + "' 뒤에 뜻밖의 텍스트가 있습니다"));
        }
        return out;
    }

    private static List<Form> readForms(Cursor c) {
        List<Form> out = new ArrayList<>();
        for (c.skipSpace(); !c.atEnd(); c.skipSpace()) {
            int line = c.line;
            int col = c.col;
            out.add(new Form(c.readValue(), line, col));
        }
        return out;
    }

    /** Collections nested deeper than this are refused: Jepsen histories nest three or four levels, and
     *  recursion this deep would otherwise end in a StackOverflowError instead of a message. */
    static final int MAX_DEPTH = 500;
    /** Numbers longer than this are refused: BigInteger parsing is quadratic, a million digits took seconds. */
    static final int MAX_NUMBER_LENGTH = 100;

    /** A position in the text; reads one value at a time. */
    private static final class Cursor {
        private final String s;
        private int pos;
        private int line = 1;
        private int col = 1;
        private int depth;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        char next() {
            char ch = s.charAt(pos++);
            if (ch == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            return ch;
        }

        EdnParseException error(String message) {
            return new EdnParseException(message, line, col);
        }

        /** Skips whitespace, commas, a byte-order mark and {@code ;} comments. */
        void skipSpace() {
            while (!atEnd()) {
                char ch = peek();
                if (ch == ';') {
                    while (!atEnd() && peek() != '\n') {
                        next();
                    }
                } else if (Character.isWhitespace(ch) || ch == ',' || ch == '\uFEFF') {
                    next();
                } else {
                    return;
                }
            }
        }

        Object readValue() {
            skipSpace();
            if (atEnd()) {
                throw error(t("unexpected end of input: a value was expected", "입력이 뜻밖에 끝났습니다: 값이 와야 합니다"));
            }
            int line0 = line;
            int col0 = col;
            char ch = peek();
            if ((ch == '(' || ch == '[' || ch == '{' || ch == '#') && depth >= MAX_DEPTH) {
                throw error(t("collections nested more than " + MAX_DEPTH + " deep: not a history",
                        "컬렉션이 " + MAX_DEPTH + "단계보다 깊게 중첩되어 있습니다: 히스토리가 아닙니다"));
            }
            depth++;
            try {
                return readValueAt(ch, line0, col0);
            } finally {
                depth--;
            }
        }

        private Object readValueAt(char ch, int line0, int col0) {
            switch (ch) {
                case '(', '[' -> {
                    next();
                    return Collections.unmodifiableList(readUntil(ch == '(' ? ')' : ']', line0, col0));
                }
                case '{' -> {
                    next();
                    return readMap(line0, col0);
                }
                case ')', ']', '}' -> throw error(t("unexpected '" + ch + "' with no matching opening bracket", "'" + ch + "' 와 짝이 맞는 여는 괄호가 없습니다"));
                case '"' -> {
                    next();
                    return readString(line0, col0);
                }
                case ':' -> {
                    next();
                    String name = readToken();
                    if (name.isEmpty() || name.startsWith(":")) {
                        throw new EdnParseException(t("a keyword is ':' and a name, as in :read ('::' is Clojure syntax, not EDN)",
                                "키워드는 :read 처럼 ':' 다음에 이름입니다 ('::' 는 EDN이 아니라 Clojure 문법입니다)"), line0, col0);
                    }
                    return Keyword.of(name);
                }
                case '#' -> {
                    next();
                    return readTagged(line0, col0);
                }
                case '\\' -> throw error(t("a character literal (\\c) is not read here: Jepsen histories write strings",
                        "문자 리터럴(\\c)은 여기서 읽지 않습니다: Jepsen 히스토리는 문자열을 씁니다"));
                case '\'', '`', '~', '^', '@' -> throw error(t("'" + ch + "' is Clojure reader syntax, not EDN", "'" + ch + "' 는 EDN이 아니라 Clojure 리더 문법입니다"));
                default -> {
                    String token = readToken();
                    if (token.isEmpty()) {
                        throw error(t("unexpected character '", "뜻밖의 문자 '") + printable(ch) + "'");
                    }
                    return atom(token, line0, col0);
                }
            }
        }

        private List<Object> readUntil(char close, int line0, int col0) {
            char open = close == ')' ? '(' : close == ']' ? '[' : '{';
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (atEnd()) {
                    throw new EdnParseException(t("the '" + open + "' opened here is never closed with '" + close + "'",
                            "여기서 연 '" + open + "' 가 '" + close + "'(으)로 닫히지 않습니다"), line0, col0);
                }
                char ch = peek();
                if (ch == close) {
                    next();
                    return items;
                }
                if (ch == ')' || ch == ']' || ch == '}') {
                    throw error(t("expected '" + close + "' to close the '" + open + "' opened at line " + line0
                            + ", column " + col0 + ", but found '" + ch + "'", line0 + "번째 줄 " + col0 + "번째 열에서 연 '" + open
                            + "' 를 닫는 '" + close + "' 가 와야 하는데 '" + ch + "' 가 왔습니다"));
                }
                items.add(readValue());
            }
        }

        private Map<Object, Object> readMap(int line0, int col0) {
            List<Object> items = readUntil('}', line0, col0);
            if (items.size() % 2 != 0) {
                throw new EdnParseException(t("a map needs an even number of forms (key value pairs), this one has " + items.size(),
                        "맵에는 짝수 개의 폼(키와 값의 쌍)이 있어야 하는데 이 맵에는 " + items.size() + "개가 있습니다"), line0, col0);
            }
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i += 2) {
                if (m.containsKey(items.get(i))) {
                    throw new EdnParseException(t("duplicate map key ", "맵 키가 중복됐습니다: ") + write(items.get(i)), line0, col0);
                }
                m.put(items.get(i), items.get(i + 1));
            }
            return Collections.unmodifiableMap(m);
        }

        /** After '#': a set {@code #{…}}, or a tag and its value. */
        private Object readTagged(int line0, int col0) {
            if (!atEnd() && peek() == '{') {
                next();
                Set<Object> set = new LinkedHashSet<>();
                for (Object item : readUntil('}', line0, col0)) {
                    if (!set.add(item)) {
                        throw new EdnParseException(t("duplicate set element ", "집합 원소가 중복됐습니다: ") + write(item), line0, col0);
                    }
                }
                return Collections.unmodifiableSet(set);
            }
            String tag = readToken();
            if (tag.isEmpty() || !Character.isLetter(tag.charAt(0))) {
                throw new EdnParseException(t("'#" + tag + "' is not read here: after '#' comes '{' (a set) or a tag such as "
                        + "#jepsen.history.Op (no #_ discards, ##Inf or #:ns{} maps)", "'#" + tag + "' 는 여기서 읽지 않습니다: '#' 뒤에는 '{'(집합)나"
                        + " #jepsen.history.Op 같은 태그가 옵니다 (#_ 버리기, ##Inf, #:ns{} 맵은 읽지 않습니다)"), line0, col0);
            }
            return new Tagged(tag, readValue());
        }

        private String readString(int line0, int col0) {
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new EdnParseException(t("the string opened here is never closed with '\"'", "여기서 연 문자열이 '\"'(으)로 닫히지 않습니다"), line0, col0);
                }
                char ch = next();
                if (ch == '"') {
                    return sb.toString();
                }
                if (ch != '\\') {
                    sb.append(ch);
                    continue;
                }
                char e = atEnd() ? ' ' : next();
                switch (e) {
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'n' -> sb.append('\n');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    case 'u' -> sb.append(hex4());
                    default -> throw error(t("unknown escape '\\" + e + "' in a string", "문자열 속 알 수 없는 이스케이프 '\\" + e + "'"));
                }
            }
        }

        private char hex4() {
            String h = s.substring(pos, Math.min(pos + 4, s.length()));
            if (h.length() < 4 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw error(t("\\u needs four hex digits, got '", "\\u 에는 16진수 네 자리가 와야 합니다. 받은 값: '") + h + "'");
            }
            for (int i = 0; i < 4; i++) {
                next();
            }
            return (char) Integer.parseInt(h, 16);
        }

        /** A symbol, number, nil, true or false: everything up to the next delimiter. */
        private String readToken() {
            int start = pos;
            while (!atEnd()) {
                char ch = peek();
                if (Character.isWhitespace(ch) || ch == ',' || "()[]{}\";\\".indexOf(ch) >= 0) {
                    break;
                }
                next();
            }
            return s.substring(start, pos);
        }

        private Object atom(String t, int line0, int col0) {
            switch (t) {
                case "nil":
                    return null;
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                default:
                    break;
            }
            char c0 = t.charAt(0);
            if (Character.isDigit(c0) || ((c0 == '-' || c0 == '+') && t.length() > 1 && Character.isDigit(t.charAt(1)))) {
                return number(t, line0, col0);
            }
            for (int i = 0; i < t.length(); i++) {
                char ch = t.charAt(i);
                if (!(Character.isLetterOrDigit(ch) || ".*+!-_?$%&=<>/:#'".indexOf(ch) >= 0)) {
                    throw new EdnParseException(t("unexpected character '" + printable(ch) + "' in '" + t + "'", "'" + t + "' 속의 뜻밖의 문자 '" + printable(ch) + "'"), line0, col0 + i);
                }
            }
            return new Symbol(t);
        }

        /** 42, -7, 12345678901234567890, 7N, 0x6d2a1b, 1.5, 2e3. */
        private Object number(String t, int line0, int col0) {
            if (t.length() > MAX_NUMBER_LENGTH) {
                throw new EdnParseException(t("a number of " + t.length() + " characters: numbers here have at most " + MAX_NUMBER_LENGTH,
                        t.length() + "자짜리 수: 여기서 읽는 수는 " + MAX_NUMBER_LENGTH + "자까지입니다"), line0, col0);
            }
            String sign = t.startsWith("-") ? "-" : "";
            String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            try {
                if (digits.matches("[0-9]+N?") && !digits.matches("0[0-9]+N?")) {
                    BigInteger b = new BigInteger(sign + digits.replace("N", ""));
                    return b.bitLength() < 64 && !digits.endsWith("N") ? (Object) b.longValue() : b;
                }
                if (digits.matches("0[xX][0-9a-fA-F]+")) {
                    BigInteger b = new BigInteger(sign + digits.substring(2), 16);
                    return b.bitLength() < 64 ? (Object) b.longValue() : b;
                }
                if (digits.matches("[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?") && digits.matches(".*[.eE].*")) {
                    return Double.parseDouble(t);
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
            throw new EdnParseException(t("'" + t + "' is not a number read here: integers (7, 7N, 0x1F) and decimals (1.5, 2e3)"
                    + " only; no ratios, radix or octal integers, or M decimals", "'" + t + "' 는 여기서 읽는 수가 아닙니다: 정수(7, 7N, 0x1F)와"
                    + " 소수(1.5, 2e3)만 읽습니다. 분수, 기수 표기나 8진 정수, M 소수는 읽지 않습니다"), line0, col0);
        }

        private static String printable(char ch) {
            return Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch);
        }
    }

    /** Writes {@code value} as EDN text (lists as vectors, which EDN counts as equal). */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    /** Appends {@code value} as EDN text. */
    public static void write(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("nil");
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof Keyword || value instanceof Symbol) {
            sb.append(value);
        } else if (value instanceof BigInteger b) {
            sb.append(b).append('N');
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            sb.append(Double.isNaN(d) ? "##NaN" : Double.isInfinite(d) ? (d > 0 ? "##Inf" : "##-Inf") : String.valueOf(d));
        } else if (value instanceof String str) {
            sb.append('"');
            for (char ch : str.toCharArray()) {
                switch (ch) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
                }
            }
            sb.append('"');
        } else if (value instanceof Tagged t) {
            sb.append('#').append(t.tag()).append(' ');
            write(t.value(), sb);
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sep);
                write(e.getKey(), sb);
                sb.append(' ');
                write(e.getValue(), sb);
                sep = ", ";
            }
            sb.append('}');
        } else if (value instanceof Collection<?> c) {
            sb.append(value instanceof Set ? "#{" : "[");
            String sep = "";
            for (Object o : c) {
                sb.append(sep);
                write(o, sb);
                sep = " ";
            }
            sb.append(value instanceof Set ? '}' : ']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as EDN: " + value);
        }
    }
}
