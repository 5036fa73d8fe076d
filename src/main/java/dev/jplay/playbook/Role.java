package dev.jplay.playbook;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded role, as Ansible's role cache holds it: one per distinct {@link #key()} in a play. Two entries with the
 * same key are the same role, and a role that has run on a host does not run there again unless
 * {@link #allowDuplicates()} (meta {@code allow_duplicates}, or the {@code allow_duplicates} option of
 * {@code include_role}/{@code import_role}, true by default there).
 *
 * @param name            the name shown in banners and {@code role_name}
 * @param dir             the role directory
 * @param key             identity: the name as written and everything Ansible hashes with it (role params, the
 *                        entry's {@code when}, {@code tags} and {@code vars}, the {@code *_from} files, whether it
 *                        came from {@code include_role}/{@code import_role})
 * @param defaults        {@code defaults/} (raw)
 * @param vars            the entry's {@code vars:} under {@code vars/} (raw)
 * @param params          role parameters (the entry's other keys)
 * @param dependencies    the roles of {@code meta/main.yml}, loaded
 */
public record Role(String name, Path dir, String key, Map<String, Object> defaults, Map<String, Object> vars,
                   Map<String, Object> params, List<Role> dependencies, boolean allowDuplicates) {

    /** The defaults this role brings to a play: its dependencies' (recursively), then its own. */
    public Map<String, Object> defaultsWithDependencies() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Role d : dependencies) m.putAll(d.defaultsWithDependencies());
        m.putAll(defaults);
        return m;
    }

    /** The vars this role brings to a play: its dependencies' (recursively), then its own. */
    public Map<String, Object> varsWithDependencies() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Role d : dependencies) m.putAll(d.varsWithDependencies());
        m.putAll(vars);
        return m;
    }

    /** Every dependency, depth first, dependencies of a dependency before it (Ansible's get_all_dependencies). */
    public List<Role> allDependencies() {
        List<Role> out = new java.util.ArrayList<>();
        for (Role d : dependencies) {
            out.addAll(d.allDependencies());
            out.add(d);
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
