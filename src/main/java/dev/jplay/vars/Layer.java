package dev.jplay.vars;

import java.util.Map;

/**
 * One precedence level of variables. {@code trusted} values came from the playbook, inventory or command line
 * and are templated when read; untrusted ones (registered results, facts, loop items, prompts) are used as they
 * are, never re-templated. {@code name} is for diagnostics and docs/variables.md.
 */
public record Layer(String name, Map<String, ?> values, boolean trusted) {
    public static Layer trusted(String name, Map<String, ?> values) {
        return new Layer(name, values, true);
    }

    public static Layer untrusted(String name, Map<String, ?> values) {
        return new Layer(name, values, false);
    }
}
