package dev.jplay.playbook;

import dev.jplay.source.Loc;
import java.util.Map;

/**
 * Renders templated names that must be known while loading ({@code import_tasks: "{{ x }}.yml"}, role names,
 * {@code import_playbook}), with the play vars and extra vars, as Ansible does for static imports.
 */
@FunctionalInterface
public interface ImportRenderer {
    String render(String text, Map<String, Object> playVars, Loc loc);

    /** Refuses templates: for callers without a template engine. */
    ImportRenderer NONE = (text, vars, loc) -> {
        throw new dev.jplay.source.SourceException("cannot resolve the template in '" + text + "' while loading", loc,
                "static imports can only use play vars and extra vars; use include_tasks for run-time values");
    };
}
