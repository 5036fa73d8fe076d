package dev.jplay.vars;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run learns about one host: facts ({@code ansible_facts}), variables set by {@code set_fact},
 * {@code register} and rescue bookkeeping (Ansible's non-persistent facts), and {@code include_vars} results.
 * Tasks for one host run one at a time, but other hosts read it through {@code hostvars}, so maps are concurrent
 * (and keep the order names were first set in, as Ansible's dicts do).
 */
public final class HostState {
    private final Map<String, Object> facts = new OrderedConcurrentMap();
    private final Map<String, Object> runtime = new OrderedConcurrentMap();
    private final Map<String, Object> included = new OrderedConcurrentMap();

    /** Facts under the names modules gave them ({@code ansible_distribution}, {@code getent_passwd}), as Ansible keeps them. */
    public Map<String, Object> facts() {
        return Collections.unmodifiableMap(facts);
    }

    public void addFacts(Map<String, ?> more) {
        putAll(facts, more);
    }

    public void clearFacts() {
        facts.clear();
    }

    /** set_fact / register / ansible_failed_task ... */
    public Map<String, Object> runtime() {
        return Collections.unmodifiableMap(runtime);
    }

    public void setRuntime(String name, Object value) {
        runtime.put(name, value == null ? NULL : value);
    }

    public void setRuntime(Map<String, ?> values) {
        putAll(runtime, values);
    }

    public Map<String, Object> included() {
        return Collections.unmodifiableMap(included);
    }

    public void addIncluded(Map<String, ?> values) {
        putAll(included, values);
    }

    /** The maps cannot hold null; a registered null is stored as this marker and read back as null. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private static void putAll(Map<String, Object> into, Map<String, ?> from) {
        for (var e : from.entrySet()) into.put(e.getKey(), e.getValue() == null ? NULL : e.getValue());
    }

    /** A plain copy with markers turned back into nulls (for hostvars dumps and tests). */
    static Map<String, Object> plain(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == NULL ? null : v));
        return out;
    }
}
