package dev.dbinternals.ch08.concurrency.history;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
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
 * A small, strict reader and writer for EDN (extensible data notation), the format Jepsen
 * writes its histories in.
 *
 * <p>Values map to Java as: {@code nil} → {@code null}; booleans; integers → {@link Long}
 * ({@link BigInteger} when too large or suffixed {@code N}); decimals → {@link Double}
 * ({@link BigDecimal} with {@code M}); strings; characters; keywords → {@link Keyword};
 * symbols → {@link Symbol}; vectors → {@link List}; lists → {@link EdnList} (equal to a vector
 * with the same elements, as in Clojure); maps → {@link Map} (insertion order kept); sets →
 * {@link Set}; {@code #tag value} → {@link Tagged}. Commas are whitespace, {@code ;} starts a
 * comment, {@code #_} discards the next form. Like Clojure's own EDN reader (which Jepsen and
 * Knossos use), it also accepts ratios ({@code 1/3} → {@link Ratio}), hexadecimal, radix and octal
 * integers ({@code 0x1F}, {@code 2r101}, {@code 017}) and namespaced maps ({@code #:ns{:a 1}}).
 *
 * <p>Bad input fails with an {@link EdnParseException} that names the line and column. Thread-safe
 * (stateless); each read uses its own cursor.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): the format Jepsen histories come in.
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

    /** A symbol. */
    public record Symbol(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A ratio such as {@code 1/3}: Clojure syntax that Clojure's EDN reader accepts, so Jepsen
     * histories may contain it. Always in lowest terms with a positive denominator, and never a
     * whole number (those read as integers), so equal ratios are equal records.
     */
    public record Ratio(BigInteger numerator, BigInteger denominator) {
        static Object of(BigInteger numerator, BigInteger denominator) {
            if (denominator.signum() == 0) {
                throw new NumberFormatException("division by zero");
            }
            BigInteger g = numerator.gcd(denominator);
            if (denominator.signum() < 0) {
                g = g.negate();
            }
            BigInteger n = numerator.divide(g);
            BigInteger d = denominator.divide(g);
            if (d.equals(BigInteger.ONE)) {
                return n.bitLength() < 64 ? (Object) n.longValue() : n;
            }
            return new Ratio(n, d);
        }

        @Override
        public String toString() {
            return numerator + "/" + denominator;
        }
    }

    /** A tagged element such as {@code #inst "2024-01-01"} or {@code #jepsen.history.Op{...}}. */
    public record Tagged(String tag, Object value) {
    }

    /** An EDN list {@code ( ... )}: equal to a vector with the same elements, but written back as a list. */
    public static final class EdnList extends AbstractList<Object> {
        private final List<Object> items;

        public EdnList(List<Object> items) {
            this.items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /** A form with the position where it starts (1-based line and column). */
    public record Form(Object value, int line, int column) {
    }

    /** Reads every top-level form of {@code text}. */
    public static List<Object> readAll(String text) {
        List<Object> out = new ArrayList<>();
        for (Form f : readForms(text)) {
            out.add(f.value());
        }
        return out;
    }

    /** Reads exactly one form. */
    public static Object read(String text) {
        List<Form> forms = readForms(text);
        if (forms.size() != 1) {
            throw new EdnParseException("expected exactly one form, found " + forms.size(), 1, 1);
        }
        return forms.get(0).value();
    }

    /** Reads every top-level form with its position. */
    public static List<Form> readForms(String text) {
        Cursor c = new Cursor(text);
        List<Form> out = new ArrayList<>();
        while (true) {
            c.skipSpace();
            if (c.atEnd()) {
                return out;
            }
            int line = c.line;
            int col = c.col;
            Object v = c.readForm();
            if (v != DISCARDED) {
                out.add(new Form(v, line, col));
            }
        }
    }

    /**
     * Reads the elements of {@code text} as a sequence: either its top-level forms, or, when the
     * whole text is a single vector or list, that collection's elements. Positions are kept.
     */
    public static List<Form> readSequence(String text) {
        Cursor c = new Cursor(text);
        c.skipSpace();
        if (!c.atEnd() && (c.peek() == '[' || c.peek() == '(')) {
            int line = c.line;
            int col = c.col;
            char close = c.peek() == '[' ? ']' : ')';
            c.next();
            List<Form> out = new ArrayList<>();
            while (true) {
                c.skipSpace();
                if (c.atEnd()) {
                    throw new EdnParseException("the collection opened here is never closed with '" + close + "'", line, col);
                }
                if (c.peek() == close) {
                    c.next();
                    break;
                }
                int l = c.line;
                int k = c.col;
                Object v = c.readForm();
                if (v != DISCARDED) {
                    out.add(new Form(v, l, k));
                }
            }
            c.skipSpace();
            if (!c.atEnd()) {
                if (!out.isEmpty() && !(out.get(0).value() instanceof Map) && !(out.get(0).value() instanceof Tagged)) {
                    // not a wrapping collection after all: a history whose first form is a vector
                    return readForms(text);
                }
                throw c.error("unexpected text after the closing '" + close + "' of the history");
            }
            return out;
        }
        return readForms(text);
    }

    private static final Object DISCARDED = new Object();

    private static final class Cursor {
        private final String s;
        private int pos;
        private int line = 1;
        private int col = 1;

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

        Object readForm() {
            skipSpace();
            if (atEnd()) {
                throw error("unexpected end of input: a value was expected");
            }
            int line0 = line;
            int col0 = col;
            char ch = peek();
            switch (ch) {
                case '(':
                    next();
                    return new EdnList(readUntil(')', line0, col0));
                case '[':
                    next();
                    return Collections.unmodifiableList(readUntil(']', line0, col0));
                case '{':
                    next();
                    return readMap(line0, col0);
                case ')':
                case ']':
                case '}':
                    throw error("unexpected '" + ch + "' with no matching opening bracket");
                case '"':
                    next();
                    return readString(line0, col0);
                case '\\':
                    next();
                    return readChar();
                case ':':
                    next();
                    String name = readToken();
                    if (name.isEmpty()) {
                        throw new EdnParseException("a keyword needs a name after ':'", line0, col0);
                    }
                    if (name.startsWith(":")) {
                        throw new EdnParseException("'::' (an auto-resolved keyword) is Clojure reader syntax, not EDN", line0, col0);
                    }
                    return Keyword.of(name);
                case '#':
                    next();
                    return readDispatch(line0, col0);
                default:
                    break;
            }
            if (ch == '\'' || ch == '`' || ch == '~' || ch == '^' || ch == '@') {
                throw error("'" + ch + "' is Clojure reader syntax, not EDN");
            }
            String token = readToken();
            if (token.isEmpty()) {
                throw error("unexpected character '" + printable(ch) + "'");
            }
            return atom(token, line0, col0);
        }

        private List<Object> readUntil(char close, int line0, int col0) {
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (atEnd()) {
                    throw new EdnParseException("the '" + opening(close) + "' opened here is never closed with '" + close + "'", line0, col0);
                }
                char ch = peek();
                if (ch == close) {
                    next();
                    return items;
                }
                if (ch == ')' || ch == ']' || ch == '}') {
                    throw error("expected '" + close + "' to close the '" + opening(close) + "' opened at line " + line0
                            + ", column " + col0 + ", but found '" + ch + "'");
                }
                Object v = readForm();
                if (v != DISCARDED) {
                    items.add(v);
                }
            }
        }

        private Map<Object, Object> readMap(int line0, int col0) {
            List<Object> items = readUntil('}', line0, col0);
            if (items.size() % 2 != 0) {
                throw new EdnParseException("a map needs an even number of forms (key value pairs), this one has " + items.size(), line0, col0);
            }
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i += 2) {
                if (m.containsKey(items.get(i))) {
                    throw new EdnParseException("duplicate map key " + write(items.get(i)), line0, col0);
                }
                m.put(items.get(i), items.get(i + 1));
            }
            return Collections.unmodifiableMap(m);
        }

        private Object readDispatch(int line0, int col0) {
            if (atEnd()) {
                throw new EdnParseException("'#' at the end of the input", line0, col0);
            }
            char ch = peek();
            if (ch == '{') {
                next();
                List<Object> items = readUntil('}', line0, col0);
                Set<Object> set = new LinkedHashSet<>();
                for (Object item : items) {
                    if (!set.add(item)) {
                        throw new EdnParseException("duplicate set element " + write(item), line0, col0);
                    }
                }
                return Collections.unmodifiableSet(set);
            }
            if (ch == '_') {
                next();
                readForm();
                return DISCARDED;
            }
            if (ch == ':') {
                // a namespaced map, #:ns{:a 1} = {:ns/a 1} (Clojure prints these when *print-namespace-maps* is on)
                next();
                String ns = readToken();
                skipSpace();
                if (ns.isEmpty() || atEnd() || peek() != '{') {
                    throw new EdnParseException("'#:' must be followed by a namespace and a map, as in #:user{:id 1}", line0, col0);
                }
                next();
                Map<Object, Object> raw = readMap(line0, col0);
                Map<Object, Object> m = new LinkedHashMap<>();
                for (Map.Entry<Object, Object> e : raw.entrySet()) {
                    Object k = e.getKey();
                    if (k instanceof Keyword kw && kw.namespace() == null) {
                        k = new Keyword(ns, kw.name());
                    } else if (k instanceof Keyword kw && "_".equals(kw.namespace())) {
                        k = new Keyword(null, kw.name());
                    }
                    if (m.put(k, e.getValue()) != null) {
                        throw new EdnParseException("duplicate map key " + write(k), line0, col0);
                    }
                }
                return Collections.unmodifiableMap(m);
            }
            if (ch == '#') {
                next();
                String t = readToken();
                switch (t) {
                    case "Inf":
                        return Double.POSITIVE_INFINITY;
                    case "-Inf":
                        return Double.NEGATIVE_INFINITY;
                    case "NaN":
                        return Double.NaN;
                    default:
                        throw new EdnParseException("unknown symbolic value ##" + t, line0, col0);
                }
            }
            String tag = readToken();
            if (tag.isEmpty() || !Character.isLetter(tag.charAt(0))) {
                throw new EdnParseException("'#' must be followed by a tag, '{', '_' or '#'", line0, col0);
            }
            Object v = readForm();
            if (v == DISCARDED) {
                throw new EdnParseException("a tag needs a value", line0, col0);
            }
            return new Tagged(tag, v);
        }

        private String readString(int line0, int col0) {
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new EdnParseException("the string opened here is never closed with '\"'", line0, col0);
                }
                char ch = next();
                if (ch == '"') {
                    return sb.toString();
                }
                if (ch != '\\') {
                    sb.append(ch);
                    continue;
                }
                if (atEnd()) {
                    throw error("unfinished escape at the end of the input");
                }
                char e = next();
                switch (e) {
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'n' -> sb.append('\n');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    case 'u' -> sb.append((char) hex4());
                    default -> throw error("unknown escape '\\" + e + "' in a string");
                }
            }
        }

        private int hex4() {
            if (pos + 4 > s.length()) {
                throw error("\\u needs four hex digits");
            }
            String h = s.substring(pos, pos + 4);
            try {
                int v = Integer.parseInt(h, 16);
                for (int i = 0; i < 4; i++) {
                    next();
                }
                return v;
            } catch (NumberFormatException e) {
                throw error("\\u needs four hex digits, got '" + h + "'");
            }
        }

        private Character readChar() {
            if (atEnd()) {
                throw error("'\\' at the end of the input: a character was expected");
            }
            if (peek() == 'u' && pos + 5 <= s.length() && s.substring(pos + 1, pos + 5).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                next();
                return (char) hex4();
            }
            String t = readToken();
            if (t.isEmpty()) {
                return next();
            }
            switch (t) {
                case "newline":
                    return '\n';
                case "space":
                    return ' ';
                case "tab":
                    return '\t';
                case "return":
                    return '\r';
                case "backspace":
                    return '\b';
                case "formfeed":
                    return '\f';
                default:
                    if (t.length() == 1) {
                        return t.charAt(0);
                    }
                    throw error("unknown character literal \\" + t);
            }
        }

        private String readToken() {
            int start = pos;
            while (!atEnd()) {
                char ch = peek();
                if (Character.isWhitespace(ch) || ch == ',' || ch == '(' || ch == ')' || ch == '[' || ch == ']'
                        || ch == '{' || ch == '}' || ch == '"' || ch == ';' || ch == '\\') {
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
            boolean numeric = Character.isDigit(c0) || ((c0 == '-' || c0 == '+') && t.length() > 1 && Character.isDigit(t.charAt(1)));
            if (numeric) {
                return number(t, line0, col0);
            }
            for (int i = 0; i < t.length(); i++) {
                char ch = t.charAt(i);
                if (!(Character.isLetterOrDigit(ch) || ".*+!-_?$%&=<>/:#'".indexOf(ch) >= 0)) {
                    throw new EdnParseException("unexpected character '" + printable(ch) + "' in '" + t + "'", line0, col0 + i);
                }
            }
            return new Symbol(t);
        }

        private Object number(String t, int line0, int col0) {
            try {
                // Clojure's EDN reader (the one Jepsen and Knossos read histories with) also accepts
                // ratios, hexadecimal, radix and octal integers: accept them too, so a real history
                // never fails here on a field we do not even check
                int slash = t.indexOf('/');
                if (slash > 0) {
                    return Ratio.of(new BigInteger(strip(t.substring(0, slash))), new BigInteger(t.substring(slash + 1)));
                }
                boolean negative = t.startsWith("-");
                String digits = negative || t.startsWith("+") ? t.substring(1) : t;
                int radixMark = digits.indexOf('r') > 0 ? digits.indexOf('r') : digits.indexOf('R');
                BigInteger special = null;
                if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
                    special = new BigInteger(stripN(digits.substring(2)), 16);
                } else if (radixMark > 0 && digits.substring(0, radixMark).chars().allMatch(Character::isDigit)) {
                    special = new BigInteger(digits.substring(radixMark + 1), Integer.parseInt(digits.substring(0, radixMark)));
                } else if (digits.length() > 1 && digits.charAt(0) == '0' && stripN(digits).chars().allMatch(c -> c >= '0' && c <= '7')) {
                    special = new BigInteger(stripN(digits), 8);
                }
                if (special != null) {
                    BigInteger b = negative ? special.negate() : special;
                    return b.bitLength() < 64 && !t.endsWith("N") ? (Object) b.longValue() : b;
                }
                if (t.endsWith("N")) {
                    return new BigInteger(strip(t.substring(0, t.length() - 1)));
                }
                if (t.endsWith("M")) {
                    return new BigDecimal(strip(t.substring(0, t.length() - 1)));
                }
                if (t.indexOf('.') >= 0 || t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
                    return Double.parseDouble(t);
                }
                BigInteger b = new BigInteger(strip(t));
                return b.bitLength() < 64 ? (Object) b.longValue() : b;
            } catch (NumberFormatException e) {
                throw new EdnParseException("'" + t + "' is not a number", line0, col0);
            }
        }

        private static String stripN(String t) {
            return t.endsWith("N") ? t.substring(0, t.length() - 1) : t;
        }

        private static String strip(String t) {
            return t.startsWith("+") ? t.substring(1) : t;
        }

        private static char opening(char close) {
            return close == ')' ? '(' : close == ']' ? '[' : '{';
        }

        private static String printable(char ch) {
            return Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch);
        }
    }

    /** Writes {@code value} as EDN text. */
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
                || value instanceof Byte) {
            sb.append(value);
        } else if (value instanceof Ratio r) {
            sb.append(r);
        } else if (value instanceof BigInteger b) {
            sb.append(b).append('N');
        } else if (value instanceof BigDecimal d) {
            sb.append(d.toPlainString()).append('M');
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                sb.append("##NaN");
            } else if (Double.isInfinite(d)) {
                sb.append(d > 0 ? "##Inf" : "##-Inf");
            } else {
                sb.append(d);
            }
        } else if (value instanceof String str) {
            sb.append('"');
            for (int i = 0; i < str.length(); i++) {
                char ch = str.charAt(i);
                switch (ch) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> {
                        if (Character.isISOControl(ch)) {
                            sb.append(String.format("\\u%04x", (int) ch));
                        } else {
                            sb.append(ch);
                        }
                    }
                }
            }
            sb.append('"');
        } else if (value instanceof Character ch) {
            switch (ch) {
                case '\n' -> sb.append("\\newline");
                case ' ' -> sb.append("\\space");
                case '\t' -> sb.append("\\tab");
                case '\r' -> sb.append("\\return");
                default -> sb.append('\\').append(ch.charValue());
            }
        } else if (value instanceof Keyword || value instanceof Symbol) {
            sb.append(value);
        } else if (value instanceof Tagged t) {
            sb.append('#').append(t.tag()).append(' ');
            write(t.value(), sb);
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                write(e.getKey(), sb);
                sb.append(' ');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof Set<?> set) {
            sb.append("#{");
            writeItems(set, sb);
            sb.append('}');
        } else if (value instanceof EdnList l) {
            sb.append('(');
            writeItems(l, sb);
            sb.append(')');
        } else if (value instanceof Collection<?> c) {
            sb.append('[');
            writeItems(c, sb);
            sb.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as EDN: " + value);
        }
    }

    private static void writeItems(Collection<?> items, StringBuilder sb) {
        boolean first = true;
        for (Object o : items) {
            if (!first) {
                sb.append(' ');
            }
            first = false;
            write(o, sb);
        }
    }
}
