package dev.dbinternals.ch08.harness.history;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/** Bad EDN or a malformed history, with the 1-based line and column where the problem starts. */
public final class EdnParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public EdnParseException(String message, int line, int column) {
        super(t("line " + line + ", column " + column + ": ", line + "번째 줄, " + column + "번째 열: ") + message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
