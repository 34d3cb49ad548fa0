package dev.dbinternals.ch08.concurrency.history;

/** Bad EDN or a malformed history, with the 1-based line and column where the problem starts. */
public final class EdnParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public EdnParseException(String message, int line, int column) {
        super("line " + line + ", column " + column + ": " + message);
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
