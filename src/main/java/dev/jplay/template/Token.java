package dev.jplay.template;

/** A token of a Jinja2 expression: {@code pos} is the offset in the template text (for error columns). */
record Token(Kind kind, String text, Object value, int pos) {
    enum Kind { NAME, STRING, INT, FLOAT, OP, EOF }

    boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }

    boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }
}
