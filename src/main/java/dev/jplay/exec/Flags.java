package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.playbook.Keywords;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.template.Templar;
import dev.jplay.template.TemplateContext;
import dev.jplay.template.TemplateException;
import java.util.List;

/**
 * The boolean keywords of tasks and plays ({@code ignore_errors}, {@code run_once}, {@code any_errors_fatal},
 * {@code check_mode} ...) templated and converted in one place, as Ansible's field validation does: a template
 * error or a value that is no boolean is a {@link SourceException} at the task naming the field, never a silent
 * {@code false}.
 * <pre>
 * boolean once = Flags.of("run_once", task.keywords(), false, templar, ctx, task.loc(), omit);
 * </pre>
 */
final class Flags {
    /** The task keywords that hold a boolean, checked before a task runs on a host. */
    static final List<String> TASK = List.of("ignore_errors", "ignore_unreachable", "any_errors_fatal", "run_once",
            "check_mode", "diff", "no_log", "delegate_facts");

    private Flags() {}

    /** The keyword {@code field} given as {@code value} (may be a template), or {@code absent} when not given. */
    static boolean of(String field, Object value, boolean absent, Templar templar, TemplateContext ctx, Loc loc) {
        if (value == null) return absent;
        return convert(field, render(field, value, templar, ctx, loc), value, absent, loc);
    }

    /**
     * The keyword {@code field} of a task's {@code keywords}: one that renders as the {@code omit} placeholder is not
     * set at the task's level and takes the level above ({@link TaskKeywords#aboveOmit}), {@code absent} when none sets it.
     */
    static boolean of(String field, Keywords keywords, boolean absent, Templar templar, TemplateContext ctx, Loc loc, String omit) {
        Object value = keywords.get(field);
        if (value == null) return absent;
        Object v = TaskKeywords.aboveOmit(keywords, field, render(field, value, templar, ctx, loc),
                above -> render(field, above, templar, ctx, loc), omit);
        return convert(field, v, value, absent, loc);
    }

    private static Object render(String field, Object value, Templar templar, TemplateContext ctx, Loc loc) {
        try {
            return templar.template(value, ctx);
        } catch (SourceException ex) {
            String why = ex instanceof TemplateException t && t.isUndefined() ? "which includes an undefined variable" : "which could not be templated";
            throw new SourceException("The field '" + field + "' has an invalid value, " + why + ". The error was: " + ex.getMessage(), loc);
        }
    }

    /** A keyword whose template was already rendered: converted to a boolean, {@code absent} when not given. */
    static boolean converted(String field, Object rendered, boolean absent, Loc loc) {
        return convert(field, rendered, rendered, absent, loc);
    }

    /** The error names the value as written ({@code {{ x }}}, not what it gave), as Ansible's post_validate does. */
    private static boolean convert(String field, Object rendered, Object written, boolean absent, Loc loc) {
        if (rendered == null) return absent;
        try {
            return ArgConverter.toBool(rendered);
        } catch (IllegalArgumentException ex) {
            throw new SourceException("the field '" + field + "' has an invalid value (" + Py.str(written)
                    + "), and could not be converted to an bool.The error was: " + ex.getMessage(), loc);
        }
    }

    /**
     * As {@link #of}, but where Ansible's strategy reads a field that failed its validation (the task has already
     * failed for it): the written value's truthiness, so {@code ignore_errors: "{{ nope }}"} ignores the failure
     * it caused, as in Ansible.
     */
    static boolean orWritten(String field, Keywords keywords, boolean absent, Templar templar, TemplateContext ctx, Loc loc, String omit) {
        try {
            return of(field, keywords, absent, templar, ctx, loc, omit);
        } catch (SourceException ex) {
            return Templar.truthy(keywords.get(field));
        }
    }

    /** Checks every boolean keyword the task gives (a located failure for the first bad one). */
    static void check(Keywords keywords, Templar templar, TemplateContext ctx, Loc loc, String omit) {
        for (String field : TASK) of(field, keywords, false, templar, ctx, loc, omit);
    }
}
