package dev.jplay.vars;

import dev.jplay.playbook.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The roles of a play whose variables every task of the play sees (Ansible's {@code play.roles}): their defaults
 * and vars (each with its dependencies'), merged in order, and the role-name magic variables. Immutable; the play
 * swaps in a new one when {@code include_role} makes a role public.
 */
record PlayRoles(List<Role> roles, Map<String, Object> defaults, Map<String, Object> vars, Map<String, Object> names) {

    static PlayRoles of(List<Role> roles) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Map<String, Object> vars = new LinkedHashMap<>();
        List<String> playNames = new ArrayList<>();
        LinkedHashSet<String> dependencyNames = new LinkedHashSet<>();
        for (Role r : roles) {
            defaults.putAll(r.defaultsWithDependencies());
            vars.putAll(r.varsWithDependencies());
            playNames.add(r.name());
            r.allDependencies().forEach(d -> dependencyNames.add(d.name()));
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(dependencyNames);
        all.addAll(playNames);
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("role_names", List.copyOf(playNames));
        names.put("ansible_play_role_names", List.copyOf(playNames));
        names.put("ansible_role_names", List.copyOf(all));
        names.put("ansible_dependent_role_names", List.copyOf(dependencyNames));
        return new PlayRoles(List.copyOf(roles), Collections.unmodifiableMap(defaults), Collections.unmodifiableMap(vars),
                Collections.unmodifiableMap(names));
    }
}
