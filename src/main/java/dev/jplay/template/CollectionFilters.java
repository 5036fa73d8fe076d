package dev.jplay.template;

import dev.jplay.data.Py;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Filters on lists and dicts: length, first, sort, unique, union, map, select, combine, dict2items, flatten, zip ... */
final class CollectionFilters {
    private CollectionFilters() {}

    static void register(Map<String, Fn.Filter> f) {
        f.put("length", (e, v, a) -> (long) PyOps.size(v));
        f.put("count", f.get("length"));
        f.put("first", (e, v, a) -> {
            List<Object> l = PyOps.iterate(v);
            return l.isEmpty() ? Undefined.withMessage("No first item, sequence was empty.") : l.get(0);
        });
        f.put("last", (e, v, a) -> {
            List<Object> l = PyOps.iterate(v);
            return l.isEmpty() ? Undefined.withMessage("No last item, sequence was empty.") : l.get(l.size() - 1);
        });
        f.put("list", (e, v, a) -> PyOps.iterate(v));
        f.put("reverse", (e, v, a) -> {
            if (v instanceof CharSequence s) return new StringBuilder(s).reverse().toString();
            List<Object> l = PyOps.iterate(v);
            Collections.reverse(l);
            return l;
        });
        f.put("join", (e, v, a) -> {
            String sep = a.str(0, "d", "");
            String attr = a.str(1, "attribute", null);
            List<String> parts = new ArrayList<>();
            for (Object o : PyOps.iterate(v)) parts.add(PyOps.str(attr == null ? o : PyOps.getitem(o, attr)));
            return String.join(sep, parts);
        });
        f.put("min", (e, v, a) -> extreme(v, a, -1));
        f.put("max", (e, v, a) -> extreme(v, a, 1));
        f.put("sum", (e, v, a) -> {
            String attr = a.str(0, "attribute", null);
            Object total = a.get(1, "start", 0L);
            for (Object o : PyOps.iterate(v)) total = PyOps.binary("+", total, attr == null ? o : attribute(o, attr));
            return total;
        });
        f.put("sort", (e, v, a) -> {
            List<Object> l = PyOps.iterate(v);
            boolean reverse = a.bool(0, "reverse", false);
            boolean cs = a.bool(1, "case_sensitive", false);
            String attr = a.str(2, "attribute", null);
            l.sort(sortKey(attr, cs));
            if (reverse) Collections.reverse(l);
            return l;
        });
        f.put("unique", (e, v, a) -> {
            List<Object> out = new ArrayList<>();
            for (Object o : PyOps.iterate(v)) if (!containsEq(out, o)) out.add(o);
            return out;
        });
        f.put("union", (e, v, a) -> {
            List<Object> out = new ArrayList<>();
            for (Object o : PyOps.iterate(v)) if (!containsEq(out, o)) out.add(o);
            for (Object o : PyOps.iterate(a.get(0, "other"))) if (!containsEq(out, o)) out.add(o);
            return out;
        });
        f.put("intersect", (e, v, a) -> setOp(v, a.get(0, "other"), true));
        f.put("difference", (e, v, a) -> setOp(v, a.get(0, "other"), false));
        f.put("symmetric_difference", (e, v, a) -> {
            List<Object> out = setOp(v, a.get(0, "other"), false);
            out.addAll(setOp(a.get(0, "other"), v, false));
            return out;
        });
        f.put("dict2items", (e, v, a) -> {
            if (!(v instanceof Map<?, ?> m)) throw new EvalError("dict2items requires a dictionary, got " + PyOps.typeName(v) + " instead.");
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
        });
        f.put("items2dict", (e, v, a) -> {
            String kn = a.str(0, "key_name", "key");
            String vn = a.str(1, "value_name", "value");
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object o : PyOps.iterate(v)) out.put(PyOps.keyString(PyOps.getitem(o, kn)), PyOps.getitem(o, vn));
            return out;
        });
        f.put("combine", (e, v, a) -> combine(v, a));
        f.put("flatten", (e, v, a) -> {
            Object levels = a.get(0, "levels", null);
            List<Object> out = new ArrayList<>();
            flatten(PyOps.iterate(v), levels == null ? Integer.MAX_VALUE : (int) PyOps.asLong(levels), a.bool(1, "skip_nulls", true), out);
            return out;
        });
        f.put("map", CollectionFilters::map);
        f.put("select", (e, v, a) -> select(e, v, a, true, false));
        f.put("reject", (e, v, a) -> select(e, v, a, false, false));
        f.put("selectattr", (e, v, a) -> select(e, v, a, true, true));
        f.put("rejectattr", (e, v, a) -> select(e, v, a, false, true));
        f.put("zip", (e, v, a) -> zip(v, a, false));
        f.put("zip_longest", (e, v, a) -> zip(v, a, true));
        f.put("batch", (e, v, a) -> {
            int n = (int) PyOps.asLong(a.get(0, "linecount"));
            Object fill = a.get(1, "fill_with", null);
            List<Object> out = new ArrayList<>();
            List<Object> cur = new ArrayList<>();
            for (Object o : PyOps.iterate(v)) {
                cur.add(o);
                if (cur.size() == n) {
                    out.add(cur);
                    cur = new ArrayList<>();
                }
            }
            if (!cur.isEmpty()) {
                while (fill != null && cur.size() < n) cur.add(fill);
                out.add(cur);
            }
            return out;
        });
        f.put("slice", (e, v, a) -> {
            List<Object> l = PyOps.iterate(v);
            int slices = (int) PyOps.asLong(a.get(0, "slices"));
            List<Object> out = new ArrayList<>();
            int per = l.size() / slices;
            int extra = l.size() % slices;
            int offset = 0;
            for (int i = 0; i < slices; i++) {
                int len = per + (i < extra ? 1 : 0);
                out.add(new ArrayList<>(l.subList(offset, offset + len)));
                offset += len;
            }
            return out;
        });
        f.put("groupby", (e, v, a) -> {
            String attr = a.str(0, "attribute", null);
            Map<String, List<Object>> groups = new LinkedHashMap<>();
            Map<String, Object> keys = new LinkedHashMap<>();
            List<Object> items = PyOps.iterate(v);
            items.sort(sortKey(attr, false));
            for (Object o : items) {
                Object k = attribute(o, attr);
                groups.computeIfAbsent(Py.repr(k), x -> new ArrayList<>()).add(o);
                keys.putIfAbsent(Py.repr(k), k);
            }
            List<Object> out = new ArrayList<>();
            groups.forEach((k, l) -> out.add(new ArrayList<>(List.of(keys.get(k) == null ? "None" : keys.get(k), l))));
            return out;
        });
        f.put("subelements", (e, v, a) -> Lookups.subelements(PyOps.iterate(v), a.str(0, "subelements", null),
                a.bool(1, "skip_missing", false)));
        f.put("extract", (e, v, a) -> {
            Object r = PyOps.getitem(a.get(0, "container"), v);
            Object more = a.get(1, "morekeys", null);
            if (more != null) for (Object k : more instanceof List<?> l ? l : List.of(more)) r = PyOps.getitem(r, k);
            return r;
        });
        f.put("random", (e, v, a) -> {
            Object seed = a.get(2, "seed", null);
            Random r = seed == null ? new Random() : new Random(PyOps.str(seed).hashCode());
            if (PyOps.isInt(v)) {
                long start = PyOps.asLong(a.get(0, "start", 0L));
                long step = PyOps.asLong(a.get(1, "step", 1L));
                long count = (PyOps.asLong(v) - start + step - 1) / step;
                return start + step * (long) (r.nextDouble() * count);
            }
            List<Object> l = PyOps.iterate(v);
            return l.get(r.nextInt(l.size()));
        });
        f.put("shuffle", (e, v, a) -> {
            List<Object> l = PyOps.iterate(v);
            Object seed = a.get(0, "seed", null);
            Collections.shuffle(l, seed == null ? new Random() : new Random(PyOps.str(seed).hashCode()));
            return l;
        });
    }

    static Object attribute(Object o, String attr) {
        if (attr == null) return o;
        Object r = o;
        for (String part : attr.split("\\.")) r = part.matches("\\d+") && r instanceof List ? PyOps.getitem(r, Long.parseLong(part)) : PyOps.getitem(r, part);
        return r;
    }

    static Comparator<Object> sortKey(String attr, boolean caseSensitive) {
        return (x, y) -> {
            Object a = attribute(x, attr);
            Object b = attribute(y, attr);
            if (!caseSensitive && a instanceof CharSequence s && b instanceof CharSequence t) {
                return s.toString().toLowerCase(Locale.ROOT).compareTo(t.toString().toLowerCase(Locale.ROOT));
            }
            return PyOps.order(a, b, "<");
        };
    }

    private static Object extreme(Object v, Fn.Args a, int sign) {
        List<Object> l = PyOps.iterate(v);
        if (l.isEmpty()) return Undefined.withMessage("No aggregated item, sequence was empty.");
        String attr = a.str(0, "attribute", null);
        Comparator<Object> c = sortKey(attr, a.bool(1, "case_sensitive", false));
        Object best = l.get(0);
        for (Object o : l) if (c.compare(o, best) * sign > 0) best = o;
        return best;
    }

    static boolean containsEq(List<Object> l, Object o) {
        for (Object x : l) if (PyOps.eq(x, o)) return true;
        return false;
    }

    private static List<Object> setOp(Object v, Object other, boolean keep) {
        List<Object> b = PyOps.iterate(other);
        List<Object> out = new ArrayList<>();
        for (Object o : PyOps.iterate(v)) if (containsEq(b, o) == keep && !containsEq(out, o)) out.add(o);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object combine(Object v, Fn.Args a) {
        boolean recursive = a.keywords().containsKey("recursive") && PyOps.truthy(a.keywords().get("recursive"));
        String listMerge = a.keywords().containsKey("list_merge") ? PyOps.str(a.keywords().get("list_merge")) : "replace";
        List<Object> dicts = new ArrayList<>();
        dicts.add(v);
        for (Object o : a.positional()) {
            if (o instanceof List<?> l) dicts.addAll(l);
            else dicts.add(o);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object d : dicts) {
            if (!(d instanceof Map<?, ?> m)) throw new EvalError("failed to combine variables, expected dicts but got a '" + PyOps.typeName(d) + "'");
            merge(out, (Map<String, Object>) m, recursive, listMerge);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> from, boolean recursive, String listMerge) {
        for (var e : from.entrySet()) {
            Object old = into.get(e.getKey());
            Object nw = e.getValue();
            if (recursive && old instanceof Map<?, ?> om && nw instanceof Map<?, ?> nm) {
                Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) om);
                merge(m, (Map<String, Object>) nm, true, listMerge);
                into.put(e.getKey(), m);
            } else if (old instanceof List<?> ol && nw instanceof List<?> nl && !listMerge.equals("replace")) {
                List<Object> l = new ArrayList<>();
                switch (listMerge) {
                    case "keep" -> l.addAll(ol);
                    case "append" -> { l.addAll(ol); l.addAll(nl); }
                    case "prepend" -> { l.addAll(nl); l.addAll(ol); }
                    case "append_rp" -> { for (Object o : ol) if (!nl.contains(o)) l.add(o); l.addAll(nl); }
                    case "prepend_rp" -> { l.addAll(nl); for (Object o : ol) if (!nl.contains(o)) l.add(o); }
                    default -> l.addAll(nl);
                }
                into.put(e.getKey(), l);
            } else {
                into.put(e.getKey(), nw);
            }
        }
    }

    private static void flatten(List<Object> l, int levels, boolean skipNulls, List<Object> out) {
        for (Object o : l) {
            if (o instanceof List<?> inner && levels > 0) flatten(new ArrayList<>(inner), levels - 1, skipNulls, out);
            else if (o != null || !skipNulls) out.add(o);
        }
    }

    private static Object map(Env e, Object v, Fn.Args a) {
        List<Object> items = PyOps.iterate(v);
        List<Object> out = new ArrayList<>();
        if (a.keywords().containsKey("attribute")) {
            String attr = PyOps.str(a.keywords().get("attribute"));
            boolean hasDefault = a.keywords().containsKey("default");
            for (Object o : items) {
                Object r = attribute(o, attr);
                if (r instanceof Undefined && hasDefault) r = a.keywords().get("default");
                out.add(r);
            }
            return out;
        }
        String filter = PyOps.str(a.get(0, "filter"));
        List<Object> rest = a.positional().subList(1, a.positional().size());
        for (Object o : items) out.add(e.filter(filter, o, rest, Map.of(), -1));
        return out;
    }

    private static Object select(Env e, Object v, Fn.Args a, boolean keep, boolean byAttr) {
        List<Object> out = new ArrayList<>();
        List<Object> args = a.positional();
        String attr = byAttr ? PyOps.str(args.get(0)) : null;
        List<Object> rest = byAttr ? args.subList(1, args.size()) : args;
        String test = rest.isEmpty() ? null : PyOps.str(rest.get(0));
        List<Object> testArgs = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
        for (Object o : PyOps.iterate(v)) {
            Object x = byAttr ? attribute(o, attr) : o;
            boolean r = test == null ? !(x instanceof Undefined) && PyOps.truthy(x) : e.test(test, x, testArgs, -1);
            if (r == keep) out.add(o);
        }
        return out;
    }

    private static Object zip(Object v, Fn.Args a, boolean longest) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(PyOps.iterate(v));
        for (Object o : a.positional()) lists.add(PyOps.iterate(o));
        int n = lists.stream().mapToInt(List::size).reduce(longest ? 0 : Integer.MAX_VALUE, longest ? Math::max : Math::min);
        Object fill = a.keywords().get("fillvalue");
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> l : lists) row.add(i < l.size() ? l.get(i) : fill);
            out.add(row);
        }
        return out;
    }
}
