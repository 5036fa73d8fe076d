package dev.jplay.playbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The role a task runs in: the role's name and directory, its {@code defaults/} and {@code vars/} (raw),
 * the parameters it was invoked with, and the chain of roles that pulled it in as a dependency (outermost first).
 * {@code publicVars} is true when its vars are visible to the whole play (roles in {@code roles:} and
 * {@code import_role}, with Ansible's default {@code private_role_vars=False}).
 */
public record RoleContext(String name, Path dir, Map<String, Object> defaults, Map<String, Object> vars,
                          Map<String, Object> params, List<RoleContext> parents, boolean publicVars) {
    /** Where {@code files/}, {@code templates/}, {@code tasks/} of this role are looked up. */
    public Path path() {
        return dir;
    }
}
