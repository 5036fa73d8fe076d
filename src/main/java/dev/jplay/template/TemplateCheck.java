package dev.jplay.template;

import dev.jplay.source.Loc;
import java.util.List;

/**
 * What {@link Templar#check} and {@link Templar#checkCondition} find in template text without evaluating it: the
 * syntax error if there is one, and every filter, test and lookup the text names, each located and marked known
 * or unknown. Only names written as constants are seen: {@code lookup(name_var, ..)} is not.
 *
 * <pre>{@code
 * TemplateCheck c = templar.check("{{ users | selectattr('admin', 'eqalto', 1) | to_jsn }}", loc);
 * c.error()                        // null: the text parses
 * c.unknown()                      // [Use[TEST eqalto ..], Use[FILTER to_jsn ..]]
 * c.unknown().get(1).message()     // "No filter named 'to_jsn'."
 * c.unknown().get(1).hint()        // "did you mean 'to_json'?"
 * }</pre>
 *
 * Ansible reports an unknown name only when the template is evaluated, and then always fails (even inside a false
 * {@code {% if %}} branch), so a caller validating a playbook can treat an unknown name in a template that will
 * certainly run as an error, and elsewhere (a task skipped by {@code when}) as a warning.
 *
 * @param error the located syntax error (its message is the one evaluation would fail with), or null
 * @param uses  the names used, in text order; empty when there is a syntax error
 */
public record TemplateCheck(TemplateException error, List<Use> uses) {
    /** No template syntax at all. */
    public static final TemplateCheck NONE = new TemplateCheck(null, List.of());

    public TemplateCheck {
        uses = List.copyOf(uses);
    }

    /** The kind of a named template function. */
    public enum Kind {
        FILTER, TEST, LOOKUP;

        /** The word ansible-doc uses ({@code -t filter}). */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One filter, test or lookup named in the text.
     *
     * @param name  as written (collection-qualified names such as {@code ansible.builtin.to_json} stay so)
     * @param loc   where the name is (file:line:col when the text's own location was known)
     * @param known whether jplay has it
     * @param hint  for an unknown name, a close known one ("did you mean 'to_json'?"), else null
     * @param direct written as a filter or test ({@code x | f}, {@code x is t}), which Jinja2 resolves when it
     *              compiles the template (so an unknown one always fails it); false for a name passed as an argument
     *              ({@code select('t')}, {@code map('f')}, {@code lookup('l')}), resolved only when that call runs
     */
    public record Use(Kind kind, String name, Loc loc, boolean known, String hint, boolean direct) {
        /** The message evaluation fails with when the name is unknown. */
        public String message() {
            return kind == Kind.LOOKUP ? "lookup plugin (" + name + ") not found" : "No " + kind.word() + " named '" + name + "'.";
        }
    }

    /** True when the text parses and names only known functions. */
    public boolean ok() {
        return error == null && uses.stream().allMatch(Use::known);
    }

    /** The unknown names, in text order. */
    public List<Use> unknown() {
        return uses.stream().filter(u -> !u.known()).toList();
    }
}
