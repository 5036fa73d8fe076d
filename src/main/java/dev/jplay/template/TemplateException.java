package dev.jplay.template;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;

/** An error while parsing or evaluating a template: undefined variable, syntax error, bad filter argument. */
public class TemplateException extends SourceException {
    private static final long serialVersionUID = 1L;

    private final boolean undefined;
    private final boolean repeatedByEvaluation;

    public TemplateException(String message, Loc loc) {
        this(message, loc, false);
    }

    TemplateException(String message, Loc loc, boolean undefined) {
        super(message, loc);
        this.undefined = undefined;
        this.repeatedByEvaluation = false;
    }

    private TemplateException(String message, Loc loc, String hint, Kind kind, boolean undefined, boolean repeatedByEvaluation) {
        super(message, loc, hint, null, kind);
        this.undefined = undefined;
        this.repeatedByEvaluation = repeatedByEvaluation;
    }

    /**
     * A mistake found without evaluating (an unknown filter or test written in the text) that evaluating the same
     * text always fails on, with Ansible's own message for where it is evaluated (a task just runs and fails so).
     */
    public static TemplateException repeatedByEvaluation(String message, Loc loc, String hint) {
        return new TemplateException(message, loc, hint, Kind.PARSE, false, true);
    }

    /** Whether evaluating the text fails with this mistake anyway ({@link #repeatedByEvaluation}). */
    public boolean isRepeatedByEvaluation() {
        return repeatedByEvaluation;
    }

    @Override
    public SourceException as(Kind k) {
        return k == kind() ? this : new TemplateException(getMessage(), loc(), hint(), k, undefined, repeatedByEvaluation);
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
        this.repeatedByEvaluation = false;
    }
}
