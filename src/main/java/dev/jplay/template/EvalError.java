package dev.jplay.template;

import dev.jplay.data.Py;

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

    /**
     * Ansible's error for a filter or test it cannot load: after the name, why its plugin loader gave up (a name
     * that is no collection reference, a collection that is not there, or just the name).
     */
    static EvalError unknown(String name, int pos) {
        String msg = "Could not load \"" + name + "\": '" + loaderReason(name) + "'";
        return pos < 0 ? new EvalError(msg + "\n  line 0", -1, Kind.PLAIN) : new EvalError(msg, pos, Kind.SYNTAX);
    }

    private static final java.util.regex.Pattern FQCR = java.util.regex.Pattern.compile("\\w+(\\.\\w+){2,}", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    private static String loaderReason(String name) {
        String fq = name.contains(".") ? name : "ansible.builtin." + name;
        String[] parts = fq.split("\\.", -1);
        boolean valid = FQCR.matcher(fq).matches() && !Character.isDigit(parts[0].charAt(0)) && !Character.isDigit(parts[1].charAt(0))
                && !Py.isKeyword(parts[0]) && !Py.isKeyword(parts[1]);
        if (!valid) return "invalid plugin name: " + fq;
        String collection = parts[0] + "." + parts[1];
        if (!collection.equals("ansible.builtin") && !collection.equals("ansible.legacy")) {
            return "Invalid plugin FQCN (" + fq + "): unable to locate collection " + collection;
        }
        return name;
    }

    static EvalError undefined(Undefined u, int pos) {
        return new EvalError(u.message(), pos, Kind.UNDEFINED);
    }

    /** This error placed at {@code where} when it has no position yet. */
    EvalError at(int where) {
        return pos >= 0 || where < 0 ? this : new EvalError(getMessage(), where, kind);
    }
}
