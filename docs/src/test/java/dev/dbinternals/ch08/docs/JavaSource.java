package dev.dbinternals.ch08.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of Java's lexical structure to find calls and read their string literals: skips
 * comments, reads string literals, text blocks and char literals with their escapes, and splits a
 * call's arguments at top-level commas. Used by the tests that check the two languages of every
 * reader-facing text; test scaffolding only.
 */
final class JavaSource {

    /** One argument of a call: its source text and the concatenation of the string literals in it. */
    record Argument(String source, String literals) {
    }

    /** One call: where it starts (line, 1-based) and its arguments. */
    record Call(int line, List<Argument> arguments) {
    }

    private final String src;
    private final boolean[] code; // true where the character is code, false inside comments
    private final boolean[] literal; // true inside string and char literals

    JavaSource(String src) {
        this.src = src;
        this.code = new boolean[src.length()];
        this.literal = new boolean[src.length()];
        markCode();
    }

    private void markCode() {
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '\'') {
                int end = skipLiteral(i);
                for (int k = i; k < end; k++) {
                    code[k] = true;
                    literal[k] = true;
                }
                i = end;
            } else {
                code[i] = true;
                i++;
            }
        }
    }

    /** The index just after the literal that starts at {@code i}. */
    private int skipLiteral(int i) {
        if (src.startsWith("\"\"\"", i)) {
            int end = src.indexOf("\"\"\"", i + 3);
            while (end > 0 && src.charAt(end - 1) == '\\') {
                end = src.indexOf("\"\"\"", end + 1);
            }
            return end < 0 ? src.length() : end + 3;
        }
        char quote = src.charAt(i);
        int k = i + 1;
        while (k < src.length() && src.charAt(k) != quote && src.charAt(k) != '\n') {
            k += src.charAt(k) == '\\' ? 2 : 1;
        }
        return Math.min(src.length(), k + 1);
    }

    /** Every call of a method named {@code name} (a qualifier such as {@code Lang.} allowed; not {@code foo.bar_name}). */
    List<Call> calls(String name) {
        List<Call> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = src.indexOf(name + "(", from);
            if (at < 0) {
                return out;
            }
            from = at + 1;
            if (!code[at] || literal[at] || (at > 0 && Character.isJavaIdentifierPart(src.charAt(at - 1)))) {
                continue;
            }
            int before = at - 1;
            while (before >= 0 && Character.isWhitespace(src.charAt(before))) {
                before--;
            }
            // a declaration ("String t(String en, ...)") is not a call
            if (before >= 0 && Character.isJavaIdentifierPart(src.charAt(before))) {
                int wordEnd = before + 1;
                while (before >= 0 && Character.isJavaIdentifierPart(src.charAt(before))) {
                    before--;
                }
                String word = src.substring(before + 1, wordEnd);
                if (!List.of("return", "yield", "throw", "new", "case", "else", "assert").contains(word)) {
                    continue;
                }
            }
            List<Argument> args = arguments(at + name.length());
            if (args != null) {
                out.add(new Call(lineOf(at), args));
            }
        }
    }

    /** The arguments of the call whose '(' is at {@code open}, or null when the source is cut. */
    private List<Argument> arguments(int open) {
        List<Argument> args = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        StringBuilder literals = new StringBuilder();
        int i = open;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (!code[i]) {
                i++;
                continue;
            }
            if (c == '"') {
                int end = skipLiteral(i);
                if (depth == 1) {
                    literals.append(unquote(src.substring(i, end)));
                }
                i = end;
                continue;
            }
            if (c == '\'') {
                i = skipLiteral(i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    String s = src.substring(start, i).strip();
                    if (!s.isEmpty()) {
                        args.add(new Argument(s, literals.toString()));
                    }
                    return args;
                }
            } else if (c == ',' && depth == 1) {
                args.add(new Argument(src.substring(start, i).strip(), literals.toString()));
                literals.setLength(0);
                start = i + 1;
            }
            i++;
        }
        return null;
    }

    /** The content of a string literal or text block, escapes read as far as these tests need. */
    static String unquote(String literal) {
        String body = literal.startsWith("\"\"\"")
                ? literal.substring(3, Math.max(3, literal.length() - 3))
                : literal.substring(1, Math.max(1, literal.length() - 1));
        return body.replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    int lineOf(int index) {
        int line = 1;
        for (int k = 0; k < index; k++) {
            if (src.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
