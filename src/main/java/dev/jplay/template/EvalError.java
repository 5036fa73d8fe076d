package dev.jplay.template;

/** An error while evaluating, at an offset of the template text (0 when unknown). */
final class EvalError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int pos;

    EvalError(String message, int pos) {
        super(message);
        this.pos = pos;
    }

    EvalError(String message) {
        this(message, -1);
    }
}
