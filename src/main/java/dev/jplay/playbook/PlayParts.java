package dev.jplay.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What loading one play collects besides its task lists: role handlers and the roles seen (for deduplication). */
final class PlayParts {
    final List<Task> roleHandlers = new ArrayList<>();
    final List<RoleContext> roles = new ArrayList<>();
    final Set<String> seenRoles = new HashSet<>();
}
