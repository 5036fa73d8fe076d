package dev.jplay.exec;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Variable names Ansible reserves (its {@code warn_if_reserved}, when a play starts): the keywords of plays, roles,
 * blocks and tasks, and the names of Jinja2's globals ({@code lipsum}, {@code range}, {@code lookup} ...). A play
 * variable with one of them is legal but shadows or confuses them, so each gets a warning.
 */
final class ReservedNames {
    private ReservedNames() {}

    private static final Set<String> RESERVED = Set.of("action", "always", "any_errors_fatal", "args", "async", "async_val", "become",
            "become_exe", "become_flags", "become_method", "become_user", "block", "changed_when", "check_mode", "collections", "connection",
            "debugger", "delay", "delegate_facts", "delegate_to", "diff", "environment", "fact_path", "failed_when", "force_handlers",
            "gather_facts", "gather_subset", "gather_timeout", "handlers", "hosts", "ignore_errors", "ignore_unreachable", "local_action",
            "loop", "loop_control", "loop_with", "max_fail_percentage", "module_defaults", "name", "no_log", "notify", "order", "poll",
            "port", "post_tasks", "pre_tasks", "register", "remote_user", "rescue", "retries", "roles", "run_once", "serial", "strategy",
            "tags", "tasks", "throttle", "timeout", "until", "vars_files", "vars_prompt", "when", "with_",
            // Jinja2's globals as Ansible's templar has them
            "cycler", "dict", "joiner", "lipsum", "lookup", "namespace", "now", "q", "query", "range", "undef");

    /** The warnings for a play whose variables (without a host) have these names, in name order. */
    static List<String> warnings(Collection<String> names) {
        Set<String> found = new TreeSet<>(names);
        found.retainAll(RESERVED);
        return found.stream().map(n -> "Found variable using reserved name: " + n).toList();
    }
}
