package dev.jplay.template;

import dev.jplay.data.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Set and combinatorial filters: union, intersect, difference, symmetric_difference, combinations, permutations, product, zip, zip_longest, flatten. */
final class SetFilters {
    private SetFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "union" -> (e, v, a) -> {
                Object b = a.get(0, "b");
                return CollectionFilters.unique(e, PyOps.hashable(v) && PyOps.hashable(b) ? concat(v, b) : PyOps.binary("+", v, b), true, null);
            };
            case "intersect" -> (e, v, a) -> keep(e, v, a.get(0, "b"), true);
            case "difference" -> (e, v, a) -> keep(e, v, a.get(0, "b"), false);
            case "symmetric_difference" -> (e, v, a) -> {
                Object b = a.get(0, "b");
                List<Object> both = keep(e, v, b, true);
                List<Object> out = new ArrayList<>();
                for (Object o : CollectionFilters.unique(e, PyOps.hashable(v) && PyOps.hashable(b) ? concat(v, b) : PyOps.binary("+", v, b), true, null)) {
                    if (!CollectionFilters.containsEq(both, o)) out.add(o);
                }
                return out;
            };
            case "combinations" -> (e, v, a) -> combinations(PyOps.iterate(v), (int) PyOps.index(a.get(0, "r")));
            case "permutations" -> (e, v, a) -> {
                List<Object> items = PyOps.iterate(v);
                Object r = a.get(0, "r", null);
                return permutations(items, r == null ? items.size() : (int) PyOps.index(r));
            };
            case "product" -> SetFilters::product;
            case "zip" -> (e, v, a) -> zip(v, a, false);
            case "zip_longest" -> (e, v, a) -> zip(v, a, true);
            case "flatten" -> (e, v, a) -> {
                Object levels = a.get(0, "levels", null);
                List<Object> out = new ArrayList<>();
                flatten(PyOps.iterate(v), levels == null ? -1 : PyOps.index(levels), a.bool(1, "skip_nulls", true), out);
                return out;
            };
            default -> null;
        };
    }

    /** Both operands as one list: the set() branch Ansible takes when both are hashable (strings, numbers, tuples). */
    private static List<Object> concat(Object a, Object b) {
        List<Object> out = PyOps.iterate(a);
        out.addAll(PyOps.iterate(b));
        return out;
    }

    /** [x for x in a if (x in b) == keep], without repeats. */
    private static List<Object> keep(Env e, Object a, Object b, boolean keep) {
        List<Object> out = new ArrayList<>();
        for (Object o : PyOps.iterate(a)) if (PyOps.contains(b, o) == keep) out.add(o);
        return CollectionFilters.unique(e, out, true, null);
    }

    static List<Object> combinations(List<Object> items, int r) {
        List<Object> out = new ArrayList<>();
        if (r < 0) throw new EvalError("r must be non-negative");
        combine(items, r, 0, new ArrayList<>(), out);
        return out;
    }

    private static void combine(List<Object> items, int r, int from, List<Object> cur, List<Object> out) {
        if (cur.size() == r) {
            out.add(Tuple.copyOf(cur));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            cur.add(items.get(i));
            combine(items, r, i + 1, cur, out);
            cur.remove(cur.size() - 1);
        }
    }

    static List<Object> permutations(List<Object> items, int r) {
        List<Object> out = new ArrayList<>();
        if (r < 0) throw new EvalError("r must be non-negative");
        if (r <= items.size()) permute(items, r, new boolean[items.size()], new ArrayList<>(), out);
        return out;
    }

    private static void permute(List<Object> items, int r, boolean[] used, List<Object> cur, List<Object> out) {
        if (cur.size() == r) {
            out.add(Tuple.copyOf(cur));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (used[i]) continue;
            used[i] = true;
            cur.add(items.get(i));
            permute(items, r, used, cur, out);
            cur.remove(cur.size() - 1);
            used[i] = false;
        }
    }

    private static Object product(Env e, Object v, Fn.Args a) {
        List<List<Object>> pools = new ArrayList<>();
        pools.add(PyOps.iterate(v));
        for (Object o : a.positional()) pools.add(PyOps.iterate(o));
        long repeat = PyOps.index(a.keywords().getOrDefault("repeat", 1L));
        List<List<Object>> all = new ArrayList<>();
        for (long i = 0; i < repeat; i++) all.addAll(pools);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>());
        for (List<Object> pool : all) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> row : rows) {
                for (Object x : pool) {
                    List<Object> r = new ArrayList<>(row);
                    r.add(x);
                    next.add(r);
                }
            }
            rows = next;
            if (rows.size() > Globals.MAX_RANGE) throw new EvalError("product too big, more than " + Globals.MAX_RANGE + " items");
        }
        List<Object> out = new ArrayList<>(rows.size());
        for (List<Object> r : rows) out.add(Tuple.copyOf(r));
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
            out.add(Tuple.copyOf(row));
        }
        return out;
    }

    /** Ansible's flatten: nested lists (levels deep, -1 for all) into one; None, 'None' and 'null' dropped with skip_nulls. */
    static void flatten(List<Object> l, long levels, boolean skipNulls, List<Object> out) {
        for (Object o : l) {
            if (skipNulls && (o == null || "None".equals(o) || "null".equals(o))) continue;
            if (o instanceof List<?> inner && levels != 0) flatten(new ArrayList<>(inner), levels < 0 ? -1 : levels - 1, skipNulls, out);
            else out.add(o);
        }
    }
}
