package dev.jplay.template;

/** A syntax error at an offset of the template text; turned into a located {@link TemplateException} by the Templar. */
final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int pos;

    ParseError(String message, int pos) {
        super(message);
        this.pos = pos;
    }
}
