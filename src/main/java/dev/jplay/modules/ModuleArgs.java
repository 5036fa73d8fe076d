package dev.jplay.modules;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Validated arguments under their canonical names, converted to the spec's types, with defaults filled in. */
public final class ModuleArgs {
    private final Map<String, Object> values;

    public ModuleArgs(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public Map<String, Object> all() {
        return values;
    }

    /** Present and not null. */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public String str(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    public String str(String name, String fallback) {
        String s = str(name);
        return s == null ? fallback : s;
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    /** A tri-state boolean: null when not given and without default. */
    public Boolean boolOrNull(String name) {
        return (Boolean) values.get(name);
    }

    public Long integer(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).longValue();
    }

    public long integer(String name, long fallback) {
        Long v = integer(name);
        return v == null ? fallback : v;
    }

    public Double number(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).doubleValue();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) (List<?>) list(name).stream().map(o -> o == null ? null : o.toString()).toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> dict(String name) {
        Object v = values.get(name);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
