package dev.jplay.template;

import java.util.List;
import java.util.Map;

/**
 * A parsed template, cached by the Templar and shared between threads.
 *
 * @param single the expression when the text is exactly one {@code {{ }}} (or a bare expression), else null
 * @param refs   the filters, tests and lookups it names (for static checks)
 * @param blocks its {@code {% block %}}s, for templates that extend it
 */
record Compiled(String name, List<Stmt> body, Node single, List<Ref> refs, Map<String, Stmt.Block> blocks) {
    /** Fails as Ansible does when the template uses a filter or test that does not exist, wherever it is used. */
    void checkNames() {
        for (Ref r : refs) {
            if (r.direct() && r.kind() != TemplateCheck.Kind.LOOKUP && !Library.has(r.kind(), r.name())) throw EvalError.unknown(r.name(), r.pos());
        }
    }
}
