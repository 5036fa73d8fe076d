package dev.jplay.template;

import dev.jplay.data.Json;
import dev.jplay.data.Py;
import dev.jplay.data.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filters on dicts: combine, dict2items, items2dict, rekey_on_member, extract, subelements. */
final class DictFilters {
    private static final List<String> LIST_MERGE = List.of("replace", "keep", "append", "prepend", "append_rp", "prepend_rp");

    private DictFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "combine" -> DictFilters::combine;
            case "dict2items" -> (e, v, a) -> {
                if (!(v instanceof Map<?, ?> m)) throw EvalError.type("dict2items requires a dictionary, got " + pyClass(v) + " instead.");
                String kn = a.str(0, "key_name", "key");
                String vn = a.str(1, "value_name", "value");
                List<Object> out = new ArrayList<>();
                m.forEach((k, x) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put(kn, k);
                    item.put(vn, x);
                    out.add(item);
                });
                return out;
            };
            case "items2dict" -> DictFilters::items2dict;
            case "rekey_on_member" -> DictFilters::rekey;
            case "extract" -> (e, v, a) -> {
                Object r = PyOps.getitem(a.get(0, "container"), v);
                Object more = a.get(1, "morekeys", null);
                if (more != null) for (Object k : more instanceof List<?> l ? l : List.of(more)) r = PyOps.getitem(r, k);
                return r;
            };
            case "subelements" -> (e, v, a) -> subelements(v, a.get(0, "subelements"), a.bool(1, "skip_missing", false));
            default -> null;
        };
    }

    /** Python's {@code <class 'int'>} for the type of a value. */
    static String pyClass(Object v) {
        if (v instanceof Undefined u) {
            return u.isLenient() ? "<class 'jinja2.runtime.Undefined'>" : "<class 'ansible.template.native_helpers.AnsibleUndefined'>";
        }
        return "<class '" + PyOps.typeName(v) + "'>";
    }

    @SuppressWarnings("unchecked")
    private static Object combine(Env e, Object v, Fn.Args a) {
        Map<String, Object> kw = new LinkedHashMap<>(a.keywords());
        boolean recursive = kw.containsKey("recursive") && PyOps.truthy(kw.remove("recursive"));
        String listMerge = kw.containsKey("list_merge") ? PyOps.str(kw.remove("list_merge")) : "replace";
        if (!kw.isEmpty()) throw new EvalError("'recursive' and 'list_merge' are the only valid keyword arguments");
        List<Object> dicts = new ArrayList<>();
        List<Object> terms = new ArrayList<>();
        terms.add(v);
        terms.addAll(a.positional());
        SetFilters.flatten(terms, 1, true, dicts); // Ansible's flatten(terms, levels=1): None, 'None' and 'null' skipped
        if (dicts.isEmpty()) return new LinkedHashMap<>();
        if (dicts.size() == 1) return dicts.get(0);
        Object result = dicts.get(dicts.size() - 1);
        for (int i = dicts.size() - 2; i >= 0; i--) result = merge(dicts.get(i), result, recursive, listMerge);
        return result;
    }

    /** Ansible's {@code merge_hash(x, y)}: y's keys win; nested dicts merged when recursive; lists as list_merge says. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Object x, Object y, boolean recursive, String listMerge) {
        if (!LIST_MERGE.contains(listMerge)) {
            throw new EvalError("merge_hash: 'list_merge' argument can only be equal to 'replace', 'keep', 'append', 'prepend', 'append_rp' or 'prepend_rp'");
        }
        if (!(x instanceof Map<?, ?> xm) || !(y instanceof Map<?, ?> ym)) {
            throw new EvalError("failed to combine variables, expected dicts but got a '" + PyOps.typeName(x) + "' and a '" + PyOps.typeName(y)
                    + "': \n" + dump(x) + "\n" + dump(y));
        }
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) xm);
        for (var entry : ((Map<String, Object>) ym).entrySet()) {
            String k = entry.getKey();
            Object yv = entry.getValue();
            if (!out.containsKey(k)) {
                out.put(k, yv);
                continue;
            }
            Object xv = out.get(k);
            if (xv instanceof Map && yv instanceof Map) {
                out.put(k, recursive ? merge(xv, yv, true, listMerge) : yv);
            } else if (xv instanceof List<?> xl && yv instanceof List<?> yl && !(xv instanceof Tuple) && !(yv instanceof Tuple)) {
                out.put(k, mergeLists(xl, yl, listMerge));
            } else {
                out.put(k, yv);
            }
        }
        return out;
    }

    private static Object mergeLists(List<?> x, List<?> y, String how) {
        List<Object> l = new ArrayList<>();
        switch (how) {
            case "replace" -> { return y; }
            case "keep" -> { return x; }
            case "append" -> { l.addAll(x); l.addAll(y); }
            case "prepend" -> { l.addAll(y); l.addAll(x); }
            case "append_rp" -> {
                for (Object o : x) if (!CollectionFilters.containsEq(new ArrayList<>(y), o)) l.add(o);
                l.addAll(y);
            }
            default -> {
                l.addAll(y);
                for (Object o : x) if (!CollectionFilters.containsEq(new ArrayList<>(y), o)) l.add(o);
            }
        }
        return l;
    }

    private static String dump(Object v) {
        try {
            return Json.write(v);
        } catch (RuntimeException ex) {
            return Py.str(v);
        }
    }

    private static Object items2dict(Env e, Object v, Fn.Args a) {
        if (!(v instanceof List)) throw EvalError.type("items2dict requires a list, got " + pyClass(v) + " instead.");
        String kn = a.str(0, "key_name", "key");
        String vn = a.str(1, "value_name", "value");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object o : (List<?>) v) {
            if (!(o instanceof Map<?, ?> m)) throw EvalError.type("items2dict requires a list of dictionaries, got " + Py.str(v) + " instead.");
            if (!m.containsKey(kn) || !m.containsKey(vn)) {
                throw EvalError.type("items2dict requires each dictionary in the list to contain the keys '" + kn + "' and '" + vn
                        + "', got " + Py.str(v) + " instead.");
            }
            out.put(PyOps.keyString(m.get(kn)), m.get(vn));
        }
        return out;
    }

    private static Object rekey(Env e, Object v, Fn.Args a) {
        Object key = a.get(0, "key");
        String duplicates = a.str(1, "duplicates", "error");
        if (!duplicates.equals("error") && !duplicates.equals("overwrite")) {
            throw new EvalError("duplicates parameter to rekey_on_member has unknown value: " + duplicates);
        }
        Iterable<?> items;
        if (v instanceof Map<?, ?> m) items = m.values();
        else if (v instanceof List<?> l) items = l;
        else throw EvalError.type("Type is not a valid list, set, or dict");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) throw EvalError.type("List item is not a valid dict");
            // an undefined key cannot be hashed: Ansible fails on the undefined variable
            if (key instanceof Undefined u && !u.isLenient()) throw EvalError.undefined(u, -1);
            String k = PyOps.keyString(key);
            if (!m.containsKey(k)) throw new EvalError("Key " + k + " was not found");
            String newKey = PyOps.keyString(m.get(k));
            if (out.get(newKey) instanceof Map<?, ?> existing && !existing.isEmpty()) {
                if (duplicates.equals("error")) throw new EvalError("Key " + newKey + " is not unique, cannot correctly turn into dict");
                out.put(newKey, item);
            } else {
                out.put(newKey, item);
            }
        }
        return out;
    }

    /** The (item, subitem) pairs of {@code obj} (a list of dicts or a dict of dicts) and the list at dotted {@code key}. */
    static List<Object> subelements(Object obj, Object key, boolean skipMissing) {
        List<Object> items;
        if (obj instanceof Map<?, ?> m) items = new ArrayList<>(m.values());
        else if (obj instanceof List<?> l) items = new ArrayList<>(l);
        else throw new EvalError("obj must be a list of dicts or a nested dict");
        List<Object> path;
        if (key instanceof List<?> l) path = new ArrayList<>(l);
        else if (key instanceof CharSequence s) path = new ArrayList<>(List.of((Object[]) s.toString().split("\\.")));
        else throw EvalError.type("subelements must be a list or a string");
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object values = item;
            for (Object part : path) {
                if (values instanceof Map<?, ?> m) {
                    String k = PyOps.keyString(part);
                    if (!m.containsKey(k)) {
                        if (skipMissing) {
                            values = List.of();
                            break;
                        }
                        throw new EvalError("could not find " + Py.repr(k) + " key in iterated item " + Py.repr(values));
                    }
                    values = m.get(k);
                } else {
                    throw EvalError.type("the key " + PyOps.str(part) + " should point to a dictionary, got '" + Py.str(values) + "'");
                }
            }
            if (!(values instanceof List<?> l)) throw EvalError.type("the key " + Py.repr(path.get(path.size() - 1)) + " should point to a list, got " + Py.repr(values));
            for (Object s : l) out.add(Tuple.of(item, s));
        }
        return out;
    }
}
