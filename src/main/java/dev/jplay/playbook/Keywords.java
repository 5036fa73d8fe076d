package dev.jplay.playbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inheritable keywords of a play, role, block or task ({@code become}, {@code remote_user},
 * {@code environment}, {@code ignore_errors}, {@code delegate_to}, ...), as raw (untemplated) values. A child's
 * keywords are merged over its parent's by {@link #under}: set values override, {@code environment} and
 * {@code module_defaults} accumulate (parent first), as Ansible's {@code extend=True, prepend=True} attributes do.
 * {@code parent} is the level above (null at the top): a keyword whose value renders as omit takes its value from there.
 */
public record Keywords(Map<String, Object> values, Keywords parent) {
    /** Keywords inherited from play → role → block → task. */
    public static final Set<String> INHERITED = Set.of(
            "become", "become_user", "become_method", "become_flags", "become_exe", "remote_user", "connection", "port",
            "environment", "module_defaults", "check_mode", "diff", "ignore_errors", "ignore_unreachable",
            "any_errors_fatal", "no_log", "run_once", "delegate_to", "delegate_facts", "throttle", "timeout",
            "debugger", "collections", "notify");

    /** Keywords of a task alone (not inherited), kept here to be templated with the others: {@code async}, {@code poll}. */
    public static final Set<String> TASK_ONLY = Set.of("async", "poll");

    private static final Set<String> ACCUMULATED = Set.of("environment", "module_defaults");

    public static final Keywords NONE = new Keywords(Map.of());

    public Keywords {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Keywords(Map<String, Object> values) {
        this(values, null);
    }

    /** Picks the inherited keywords out of a YAML mapping */
    public static Keywords from(Map<String, Object> ds) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var e : ds.entrySet()) {
            if (!INHERITED.contains(e.getKey())) continue;
            Object v = e.getValue();
            if (ACCUMULATED.contains(e.getKey())) v = v instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(java.util.Collections.singletonList(v));
            if (e.getKey().equals("environment")) ((List<?>) v).removeIf(Keywords::badEnvironment);
            m.put(e.getKey(), v);
        }
        return new Keywords(m);
    }

    /** An {@code environment} entry Ansible skips (with a warning): neither a mapping nor a template. */
    private static boolean badEnvironment(Object x) {
        return x == null || !(x instanceof Map || dev.jplay.template.Templar.isTemplate(x));
    }

    /** Ansible's warning for each skipped {@code environment} entry of {@code ds}. */
    static void environmentWarnings(Map<String, Object> ds, java.util.function.Consumer<String> warn) {
        Object v = ds.get("environment");
        if (v == null) return;
        List<?> entries = v instanceof List<?> l ? l : List.of(v);
        if (entries.stream().anyMatch(Keywords::badEnvironment)) {
            warn.accept("could not parse environment value, skipping: " + dev.jplay.data.Py.repr(
                    entries.stream().filter(Keywords::badEnvironment).toList()) + " (" + Raw.valueLoc(ds, "environment") + ")");
        }
    }

    /** These keywords as a child of {@code parent}. */
    public Keywords under(Keywords parent) {
        if (parent.values.isEmpty()) return this;
        Map<String, Object> m = new LinkedHashMap<>(parent.values);
        for (var e : values.entrySet()) {
            if (ACCUMULATED.contains(e.getKey()) && m.get(e.getKey()) instanceof List<?> p) {
                List<Object> joined = new ArrayList<>(p);
                joined.addAll((List<?>) e.getValue());
                m.put(e.getKey(), joined);
            } else {
                m.put(e.getKey(), e.getValue());
            }
        }
        return new Keywords(m, parent);
    }

    /** A copy with one keyword set (e.g. {@code delegate_to: localhost} for {@code local_action}). */
    public Keywords with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return new Keywords(m, parent);
    }

    public Object get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = values.get(key);
        return v == null ? List.of() : (List<Object>) v;
    }
}
