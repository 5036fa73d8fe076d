package dev.jplay.template;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;

/** An error while parsing or evaluating a template: undefined variable, syntax error, bad filter argument. */
public class TemplateException extends SourceException {
    private static final long serialVersionUID = 1L;

    private final boolean undefined;

    public TemplateException(String message, Loc loc) {
        this(message, loc, false);
    }

    TemplateException(String message, Loc loc, boolean undefined) {
        super(message, loc);
        this.undefined = undefined;
    }

    private TemplateException(String message, Loc loc, String hint, Throwable cause, Kind kind, boolean undefined) {
        super(message, loc, hint, cause, kind);
        this.undefined = undefined;
    }

    /** The same error classed as {@code k}, still a template error (and an undefined variable's if it was one). */
    @Override
    public SourceException as(Kind k) {
        return k == kind() ? this : new TemplateException(getMessage(), loc(), hint(), getCause(), k, undefined);
    }

    /** An undefined variable's error. */
    public static TemplateException undefined(String message, Loc loc) {
        return new TemplateException(message, loc, true);
    }

    /**
     * The Python class of Ansible's exception for this error (what the template module names): an undefined
     * variable's, a filter or test that cannot be loaded at run time (Jinja2's), else Ansible's general error.
     */
    public String pythonClass() {
        if (undefined) return "AnsibleUndefinedVariable";
        if (getMessage().startsWith("Could not load \"")) return "TemplateSyntaxError";
        return "AnsibleError";
    }

    /** Whether this is Ansible's AnsibleUndefinedVariable (debug's {@code var} shows it as "VARIABLE IS NOT DEFINED!"). */
    public boolean isUndefined() {
        return undefined;
    }

    public TemplateException(String message, Loc loc, String hint) {
        this(message, loc, hint, null);
    }

    public TemplateException(String message, Loc loc, String hint, Throwable cause) {
        super(message, loc, hint, cause);
        this.undefined = false;
    }
}
