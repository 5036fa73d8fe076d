package dev.jplay.template;

/**
 * An error while evaluating, at an offset of the template text (-1 when unknown), of one of the kinds Ansible
 * reports differently: a type error (Python's {@code TypeError}: "Unexpected templating type error occurred on
 * (TEMPLATE): MESSAGE"), an undefined variable, or any other failure (its message as it is).
 */
final class EvalError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** SYNTAX: found by Jinja2 when it compiles the template (an unknown filter or test): "template error while templating string". */
    enum Kind { PLAIN, TYPE, UNDEFINED, SYNTAX }

    final int pos;
    final Kind kind;
    final boolean type;

    EvalError(String message, int pos, Kind kind) {
        super(message, null, false, false);
        this.pos = pos;
        this.kind = kind;
        this.type = kind == Kind.TYPE;
    }

    EvalError(String message, int pos, boolean type) {
        this(message, pos, type ? Kind.TYPE : Kind.PLAIN);
    }

    EvalError(String message, int pos) {
        this(message, pos, Kind.PLAIN);
    }

    EvalError(String message) {
        this(message, -1, Kind.PLAIN);
    }

    static EvalError type(String message) {
        return new EvalError(message, -1, Kind.TYPE);
    }

    static EvalError type(String message, int pos) {
        return new EvalError(message, pos, Kind.TYPE);
    }

    /** Ansible's error for a filter or test it cannot load. */
    static EvalError unknown(String name, int pos) {
        String msg = "Could not load \"" + name + "\": '" + name + "'";
        return pos < 0 ? new EvalError(msg + "\n  line 0", -1, Kind.PLAIN) : new EvalError(msg, pos, Kind.SYNTAX);
    }

    static EvalError undefined(Undefined u, int pos) {
        return new EvalError(u.message(), pos, Kind.UNDEFINED);
    }

    /** This error placed at {@code where} when it has no position yet. */
    EvalError at(int where) {
        return pos >= 0 || where < 0 ? this : new EvalError(getMessage(), where, kind);
    }
}
