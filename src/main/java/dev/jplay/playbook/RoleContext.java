package dev.jplay.playbook;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The role a task runs in, reached through a chain of roles that pulled it in as a dependency ({@code parents},
 * outermost first), with the variables its tasks see, merged as Ansible merges them for a task in a role:
 * {@code defaults}: the dependencies' defaults, the parents' own, the role's own; {@code vars}: the parents' vars, the
 * dependencies' vars, the role's own; {@code params}: the parents' params, then the role's own. {@code includers} are
 * the roles whose {@code include_role}/{@code import_role} tasks led here, outermost first (Ansible's
 * {@code ansible_parent_role_names}, innermost first); a dependency has its parent's.
 */
public record RoleContext(Role role, List<Role> parents, List<Role> includers, Map<String, Object> defaults,
                          Map<String, Object> vars, Map<String, Object> params) {

    public static RoleContext of(Role role, List<Role> parents, List<Role> includers) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Role d : role.dependencies()) defaults.putAll(d.defaultsWithDependencies());
        for (Role p : parents) defaults.putAll(p.defaults());
        defaults.putAll(role.defaults());
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Role p : parents) vars.putAll(p.vars());
        for (Role d : role.dependencies()) vars.putAll(d.varsWithDependencies());
        vars.putAll(role.vars());
        Map<String, Object> params = new LinkedHashMap<>();
        for (Role p : parents) params.putAll(p.params());
        params.putAll(role.params());
        return new RoleContext(role, List.copyOf(parents), List.copyOf(includers), java.util.Collections.unmodifiableMap(defaults),
                java.util.Collections.unmodifiableMap(vars), java.util.Collections.unmodifiableMap(params));
    }

    public String name() {
        return role.name();
    }

    /** Where {@code files/}, {@code templates/}, {@code tasks/} of this role are looked up. */
    public Path dir() {
        return role.dir();
    }

    @Override
    public String toString() {
        return role.name();
    }
}
