package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shape checks and conversions for raw YAML values while loading, with located errors. */
final class Raw {
    private Raw() {}

    /** {@code null} → empty, a list as is, anything else a one-element list (Ansible's 'list' attribute). */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object v) {
        if (v == null) return List.of();
        if (v instanceof List<?> l) return (List<Object>) l;
        List<Object> one = new ArrayList<>();
        one.add(v);
        return one;
    }

    /** Tags from a list or a comma-separated string; numbers become strings. */
    static Set<String> tags(Object v, Loc loc) {
        Set<String> out = new LinkedHashSet<>();
        for (Object t : list(v)) {
            if (t instanceof Map || t instanceof List) throw new SourceException("tags must be strings or numbers", loc);
            for (String s : Py.str(t).split(",")) {
                if (!s.isBlank()) out.add(s.strip());
            }
        }
        return out;
    }

    /** A mapping value, or an error naming {@code what}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v, String what, Loc loc) {
        if (v == null) return new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Map)) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Object x : l) merged.putAll((Map<String, Object>) x);
            return merged;
        }
        throw new SourceException(what + " must be a mapping (key: value), got " + kind(v), loc);
    }

    /** A list of mappings (task lists, plays), or an error. */
    static List<Object> listOfMaps(Object v, String what, Loc loc) {
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) {
            throw new SourceException(what + " must be a list, got " + kind(v), loc,
                    "start each entry with '- ' (a YAML list item)");
        }
        List<Object> out = new ArrayList<>(l);
        for (int i = 0; i < out.size(); i++) {
            Object item = out.get(i);
            if (!(item instanceof Map)) {
                Loc at = l instanceof dev.jplay.source.YamlList yl ? yl.itemLoc(i) : loc;
                throw new SourceException("each entry of " + what + " must be a mapping, got " + kind(item) + ": " + Py.str(item), at);
            }
        }
        return out;
    }

    static String kind(Object v) {
        if (v == null) return "nothing (null)";
        if (v instanceof Map) return "a mapping";
        if (v instanceof List) return "a list";
        if (v instanceof CharSequence) return "a string";
        if (v instanceof Boolean) return "a boolean";
        if (v instanceof Number) return "a number";
        return v.getClass().getSimpleName();
    }

    static Loc keyLoc(Map<String, Object> ds, String key) {
        return ds instanceof YamlMap m ? m.keyLoc(key) : Loc.UNKNOWN;
    }

    static Loc valueLoc(Map<String, Object> ds, String key) {
        return ds instanceof YamlMap m ? m.valueLoc(key) : Loc.UNKNOWN;
    }

    static Loc loc(Map<String, Object> ds) {
        return ds instanceof YamlMap m ? m.loc() : Loc.UNKNOWN;
    }

    /** Rejects keys outside {@code allowed} with a suggestion. */
    static void onlyKeys(Map<String, Object> ds, Set<String> allowed, String objectName) {
        for (String k : ds.keySet()) {
            if (allowed.contains(k)) continue;
            String hint = Keys.closest(k, allowed).map(s -> "did you mean '" + s + "'?").orElse(null);
            throw new SourceException("'" + k + "' is not a valid attribute for a " + objectName, keyLoc(ds, k), hint);
        }
    }

    static boolean isIdentifier(String s) {
        return s != null && s.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
