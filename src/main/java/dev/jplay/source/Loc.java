package dev.jplay.source;

/**
 * A position in a source file, 1-based line and column. {@link #UNKNOWN} stands for values that did not come
 * from a file (extra vars from the command line, facts, computed values).
 */
public record Loc(String file, int line, int col) {
    public static final Loc UNKNOWN = new Loc("<unknown>", 0, 0);

    public static Loc of(String file) {
        return new Loc(file, 0, 0);
    }

    public boolean known() {
        return line > 0;
    }

    /** The same line, {@code n} columns further right (for positions inside a templated string). */
    public Loc shift(int n) {
        return known() ? new Loc(file, line, col + n) : this;
    }

    @Override
    public String toString() {
        if (!known()) return file;
        return file + ":" + line + ":" + col;
    }
}
