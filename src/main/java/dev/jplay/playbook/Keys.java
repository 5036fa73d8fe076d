package dev.jplay.playbook;

import dev.jplay.source.Suggest;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The keywords Ansible accepts on each kind of object, for validation and "did you mean" hints. */
final class Keys {
    private Keys() {}

    static final Set<String> BASE = Set.of("name", "connection", "port", "remote_user", "vars", "module_defaults",
            "environment", "no_log", "run_once", "ignore_errors", "ignore_unreachable", "check_mode", "diff",
            "any_errors_fatal", "throttle", "timeout", "debugger", "become", "become_method", "become_user",
            "become_flags", "become_exe", "collections", "tags", "when");

    static final Set<String> PLAY = without(union(BASE, Set.of("hosts", "gather_facts", "gather_subset", "gather_timeout",
            "fact_path", "vars_files", "vars_prompt", "roles", "handlers", "pre_tasks", "post_tasks", "tasks",
            "force_handlers", "max_fail_percentage", "serial", "strategy", "order")), "when");

    static final Set<String> BLOCK = union(BASE, Set.of("block", "rescue", "always", "notify", "delegate_to", "delegate_facts"));

    static final Set<String> TASK = union(BASE, Set.of("action", "local_action", "args", "async", "poll", "changed_when",
            "delay", "delegate_to", "delegate_facts", "failed_when", "loop", "loop_control", "notify", "register",
            "retries", "until", "listen"));

    /** Keywords an {@code include_tasks}/{@code include_role} task accepts (Ansible's VALID_INCLUDE_KEYWORDS). */
    static final Set<String> INCLUDE = Set.of("action", "args", "collections", "debugger", "ignore_errors", "loop",
            "loop_control", "name", "no_log", "register", "run_once", "tags", "timeout", "vars", "when", "apply");

    static final Set<String> ROLE_ENTRY = union(BASE, Set.of("role", "delegate_to", "delegate_facts"));

    static final Set<String> IMPORT_PLAYBOOK = Set.of("import_playbook", "name", "vars", "tags", "when");

    static final Set<String> LOOP_CONTROL = Set.of("loop_var", "index_var", "label", "pause", "extended", "extended_allitems");

    static final Set<String> VARS_PROMPT = Set.of("name", "prompt", "private", "default", "confirm", "encrypt",
            "salt_size", "salt", "unsafe");

    /** Actions that take free-form text, and the only k=v keys recognised in it (Ansible's check_raw list). */
    static final Set<String> RAW_ACTIONS = Set.of("command", "shell", "script", "raw");
    static final Set<String> RAW_KV_KEYS = Set.of("creates", "removes", "chdir", "executable", "warn", "stdin",
            "stdin_add_newline", "strip_empty_ends");

    /** ansible-core 2.14's lookups (ansible-doc -t lookup -l). */
    static final Set<String> ANSIBLE_LOOKUPS = Set.of("config", "csvfile", "dict", "env", "file", "fileglob", "first_found",
            "indexed_items", "ini", "inventory_hostnames", "items", "lines", "list", "nested", "password", "pipe", "random_choice",
            "sequence", "subelements", "template", "together", "unvault", "url", "varnames", "vars");

    /** Actions whose arguments Ansible checks while loading (their mistakes are load errors). */
    static final Set<String> LOADED_DIRECTIVES = Set.of("include_tasks", "import_tasks", "include_role", "import_role", "include");

    static Set<String> without(Set<String> a, String b) {
        Set<String> s = new HashSet<>(a);
        s.remove(b);
        return Set.copyOf(s);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }

    /** The closest name within a small edit distance, for "did you mean". */
    static Optional<String> closest(String word, Collection<String> candidates) {
        return Suggest.closest(word, candidates);
    }
}
