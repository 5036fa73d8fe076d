package dev.jplay.template;

import java.util.List;
import java.util.Map;

/**
 * A parsed template, cached by the Templar and shared between threads.
 *
 * @param single  the expression when the text is exactly one {@code {{ }}} (or a bare expression), else null
 * @param refs    the filters, tests and lookups it names (for static checks)
 * @param blocks  its {@code {% block %}}s, for templates that extend it
 * @param unknown the first filter or test it uses that does not exist (Ansible fails on it when rendering), or null
 * @param text    the single expression ends with one of Ansible's STRING_TYPE_FILTERS ({@code to_json}, ...): its
 *                output stays text, never read back as a list or dict
 */
record Compiled(String name, List<Stmt> body, Node single, List<Ref> refs, Map<String, Stmt.Block> blocks, Ref unknown, boolean text) {
    private static final java.util.Set<String> STRING_FILTERS = java.util.Set.of("string", "to_json", "to_nice_json", "to_yaml", "to_nice_yaml");

    Compiled(String name, List<Stmt> body, Node single, List<Ref> refs, Map<String, Stmt.Block> blocks) {
        this(name, body, single, refs, blocks, firstUnknown(refs),
                single instanceof Node.Filter f && STRING_FILTERS.contains(Library.shortName(f.name())));
    }

    private static Ref firstUnknown(List<Ref> refs) {
        for (Ref r : refs) {
            if (r.direct() && r.kind() != TemplateCheck.Kind.LOOKUP && !Library.has(r.kind(), r.name())) return r;
        }
        return null;
    }

    /** Fails as Ansible does when the template uses a filter or test that does not exist, wherever it is used. */
    void checkNames() {
        if (unknown != null) throw EvalError.unknown(unknown.name(), unknown.pos());
    }
}
