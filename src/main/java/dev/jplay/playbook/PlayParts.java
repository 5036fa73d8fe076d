package dev.jplay.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What loading one play collects besides its task lists: role handlers (once per role), and the play's roles
 * (those whose vars and defaults the whole play sees: {@code roles:} entries and {@code import_role}).
 */
final class PlayParts {
    final List<Task> roleHandlers = new ArrayList<>();
    final List<Role> roles = new ArrayList<>();
    final Set<String> rolesWithHandlers = new HashSet<>();
}
