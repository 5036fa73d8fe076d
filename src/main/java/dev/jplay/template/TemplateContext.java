package dev.jplay.template;

import dev.jplay.source.Loc;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a template evaluation needs besides the text: variables, the controller directories that lookups
 * and {@code {% include %}} search (role dir, task file dir, playbook dir: each searched as is and with its
 * {@code files/} or {@code templates/} subdirectory, as Ansible does), and where the text was written.
 */
public record TemplateContext(Scope scope, List<Path> searchPaths, Loc loc) {
    public TemplateContext {
        searchPaths = searchPaths == null ? List.of() : List.copyOf(searchPaths);
        loc = loc == null ? Loc.UNKNOWN : loc;
    }

    public static TemplateContext of(Scope scope) {
        return new TemplateContext(scope, List.of(), Loc.UNKNOWN);
    }

    public TemplateContext at(Loc where) {
        return new TemplateContext(scope, searchPaths, where);
    }

    public TemplateContext withScope(Scope s) {
        return new TemplateContext(s, searchPaths, loc);
    }
}
