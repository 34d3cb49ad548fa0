package dev.dbinternals.ch08.harness.lang;

import java.util.Locale;
import java.util.Map;

/**
 * The language a reader sees: English or Korean, for the book and its Korean edition
 * (『데이터베이스 인터널스』).
 *
 * <p>Every sentence a reader sees is written in both languages, side by side where it is used:
 * {@code t("the link lost it", "링크가 잃어버렸다")}. Both texts sit on the same line of source, so
 * whoever changes one sees the other; a {@code ResourceBundle} would put the Korean in another
 * file, keyed by names that say less than the sentence they stand for, and the two would drift
 * apart. Tests in {@code docs} read every {@code t(...)} of the project and check that the Korean
 * text is Korean and carries the same format specifiers.
 *
 * <p>The choice, first match wins: the system property {@code ch08.lang}, the environment variable
 * {@code CH08_LANG} (what the launcher's {@code --lang} sets for the programs it starts), then the
 * POSIX locale variables in their own order of precedence ({@code LC_ALL}, {@code LC_MESSAGES},
 * {@code LANG}: Korean when the first one set starts with {@code ko}), and where none is set, the
 * JVM's default locale (what Windows gives). Stateless apart from that property; thread-safe.
 *
 * <p>Book: all of Chapter 8; the Korean terms follow {@code docs/glossary.md}.
 */
public enum Lang {
    EN("en"), KO("ko");

    /** The system property that names the language ({@code en} or {@code ko}); wins over everything else. */
    public static final String PROPERTY = "ch08.lang";
    /** The environment variable that names the language; the launcher sets it for the programs it starts. */
    public static final String ENV = "CH08_LANG";

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    /** {@code en} or {@code ko}, as given to {@code --lang}. */
    public String code() {
        return code;
    }

    /** The language in effect now (see the class comment for the order). */
    public static Lang current() {
        return choose(System.getProperty(PROPERTY), System.getenv(), Locale.getDefault());
    }

    /** {@code en} when English is in effect, {@code ko} when Korean is. */
    public static boolean korean() {
        return current() == KO;
    }

    /** The text for the language in effect: {@code en} or {@code ko}. */
    public static String t(String en, String ko) {
        return current() == KO ? ko : en;
    }

    /** Makes {@code lang} the language of this JVM (sets {@link #PROPERTY}). */
    public static void use(Lang lang) {
        System.setProperty(PROPERTY, lang.code);
    }

    /**
     * Reads a value given to {@code --lang} or {@link #PROPERTY}: {@code en} or {@code ko}, in any case.
     *
     * @throws IllegalArgumentException naming what is allowed, in both languages
     */
    public static Lang parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (Lang l : values()) {
            if (l.code.equals(v)) {
                return l;
            }
        }
        throw new IllegalArgumentException("--lang must be en or ko, got '" + value + "' (--lang은 en 또는 ko여야 합니다)");
    }

    /** The rule of {@link #current}, with its inputs given: testable without touching the real environment. */
    static Lang choose(String property, Map<String, String> env, Locale fallback) {
        if (property != null && !property.isBlank()) {
            return parse(property);
        }
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            return parse(explicit);
        }
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) { // POSIX: the first one set decides, whatever it says
                return v.toLowerCase(Locale.ROOT).startsWith("ko") ? KO : EN;
            }
        }
        return "ko".equals(fallback.getLanguage()) ? KO : EN;
    }
}
