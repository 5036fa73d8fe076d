package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
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
        if (v instanceof Map) throw new SourceException("tags must be specified as a list", loc, "e.g.  tags: [setup, web]", null, Kind.ERROR);
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
        return listOfMaps(v, what, loc, false);
    }

    /** A list of tasks: as {@link #listOfMaps}, empty entries ({@code -} alone) skipped as Ansible skips them. */
    static List<Object> tasks(Object v, String what, Loc loc) {
        return listOfMaps(v, what, loc, true);
    }

    private static List<Object> listOfMaps(Object v, String what, Loc loc, boolean skipNull) {
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) {
            String why = what.equals("tasks") ? Py.str(v) + " should be a list or None but is <class '" + yamlClass(v) + "'>"
                    : "it must be a list, got " + kind(v); // Ansible's _load_tasks alone gives load_list_of_blocks' reason
            throw new SourceException("A malformed block was encountered while loading " + what + ": " + why, loc,
                    "start each entry with '- ' (a YAML list item)");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            Object item = l.get(i);
            if (item == null && skipNull) continue;
            out.add(item);
            if (!(item instanceof Map)) {
                Loc at = l instanceof dev.jplay.source.YamlList yl ? yl.itemLoc(i) : loc;
                throw new SourceException("each entry of " + what + " must be a mapping, got " + kind(item) + ": " + Py.str(item), at,
                        item instanceof String s && s.contains(" ") ? "a task is a mapping: write  - " + s.replaceFirst(" ", ": ") : null);
            }
        }
        return out;
    }

    /**
     * The {@code vars:} of a play, block, role entry or task: a mapping or a list of mappings, whose names are
     * valid variable names (Python identifiers that are not keywords), as Ansible checks them.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> vars(Map<String, Object> ds, String object) {
        Object v = ds.get("vars");
        Loc loc = keyLoc(ds, "vars");
        if (v == null) return new LinkedHashMap<>();
        List<Map<String, Object>> parts = new ArrayList<>();
        if (v instanceof Map<?, ?> m) parts.add((Map<String, Object>) m);
        else if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Map)) l.forEach(x -> parts.add((Map<String, Object>) x));
        else throw new SourceException("Vars in a " + object + " must be specified as a dictionary, or a list of dictionaries, got "
                + kind(v), loc, "e.g.  vars:\n    name: value");
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Map<String, Object> part : parts) {
            for (var e : part.entrySet()) {
                if (!isVariableName(e.getKey())) {
                    throw new SourceException("Invalid variable name in vars specified for " + object + ": '" + e.getKey()
                            + "' is not a valid variable name", keyLoc(part, e.getKey()),
                            "use letters, digits and underscores, not starting with a digit (e.g. my_var)");
                }
                merged.put(e.getKey(), e.getValue());
            }
        }
        return merged;
    }

    /**
     * A valid Ansible variable name ({@code vars}, {@code register}, {@code set_fact}): as Ansible's isidentifier, an
     * ASCII Python identifier that is not a Python keyword.
     */
    static boolean isVariableName(String s) {
        return s != null && s.matches("[A-Za-z_][A-Za-z0-9_]*") && !Py.isKeyword(s);
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

    /** The Python class Ansible's YAML loader gives a scalar or mapping, as its messages name it. */
    private static String yamlClass(Object v) {
        if (v instanceof Map) return "ansible.parsing.yaml.objects.AnsibleMapping";
        if (v instanceof CharSequence) return "ansible.parsing.yaml.objects.AnsibleUnicode";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Double || v instanceof Float) return "float";
        return v instanceof Number ? "int" : v.getClass().getSimpleName();
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
}
