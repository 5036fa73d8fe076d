package dev.jplay.template;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;

/** An error while parsing or evaluating a template: undefined variable, syntax error, bad filter argument. */
public class TemplateException extends SourceException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message, Loc loc) {
        super(message, loc);
    }

    public TemplateException(String message, Loc loc, String hint) {
        super(message, loc, hint);
    }

    public TemplateException(String message, Loc loc, String hint, Throwable cause) {
        super(message, loc, hint, cause);
    }
}
