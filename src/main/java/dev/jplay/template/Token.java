package dev.jplay.template;

/**
 * A token of template text: data, the delimiters of {@code {{ }}} and {@code {% %}}, and the expression tokens
 * between them. {@code pos} is the offset in the template text (for error columns); {@code value} is the decoded
 * value of literals (a String, Long or BigInteger, Double).
 */
record Token(Kind kind, String text, Object value, int pos) {
    enum Kind { DATA, VAR_BEGIN, VAR_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INT, FLOAT, OP, EOF, ERROR }

    /** A name or an operator with this text. */
    boolean is(String word) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(word);
    }

    boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /** Where a statement or expression ends. */
    boolean ends() {
        return kind == Kind.VAR_END || kind == Kind.BLOCK_END || kind == Kind.EOF;
    }

    /** How Jinja2 names this token in a syntax error ({@code 'end of print statement'}, {@code 'integer'}, a name). */
    String describe() {
        return switch (kind) {
            case NAME, OP -> text;
            case STRING -> "string";
            case INT -> "integer";
            case FLOAT -> "float";
            case DATA -> "template data / text";
            case VAR_BEGIN -> "begin of print statement";
            case VAR_END -> "end of print statement";
            case BLOCK_BEGIN -> "begin of statement block";
            case BLOCK_END -> "end of statement block";
            case EOF -> "end of template";
            case ERROR -> text;
        };
    }
}
