package dev.jplay.template;

import dev.jplay.data.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Jinja2's filters on sequences: length, first, last, list, reverse, join, min, max, sum, sort, unique, batch, slice, groupby, dictsort, items. */
final class CollectionFilters {
    private CollectionFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "length", "count" -> (e, v, a) -> (long) PyOps.size(v);
            case "first" -> (e, v, a) -> {
                List<Object> l = PyOps.iterate(v);
                return l.isEmpty() ? Undefined.withMessage("No first item, sequence was empty.") : l.get(0);
            };
            case "last" -> (e, v, a) -> {
                List<Object> l = PyOps.iterate(v);
                return l.isEmpty() ? Undefined.withMessage("No last item, sequence was empty.") : l.get(l.size() - 1);
            };
            case "list" -> (e, v, a) -> e.own(PyOps.iterate(v));
            case "reverse" -> CollectionFilters::reverse;
            case "join" -> CollectionFilters::join;
            case "min" -> (e, v, a) -> extreme(e, v, a, -1);
            case "max" -> (e, v, a) -> extreme(e, v, a, 1);
            case "sum" -> (e, v, a) -> {
                String attr = a.str(0, "attribute", null);
                Object total = a.get(1, "start", 0L);
                for (Object o : PyOps.iterate(v)) total = PyOps.binary("+", total, attr == null ? o : Attrs.get(e, o, attr));
                return total;
            };
            case "sort" -> CollectionFilters::sort;
            case "unique" -> (e, v, a) -> {
                Object cs = a.get(0, "case_sensitive", null);
                String attr = a.str(1, "attribute", null);
                return unique(e, v, PyOps.truthy(cs), attr, Boolean.FALSE.equals(cs) || attr != null);
            };
            case "batch" -> CollectionFilters::batch;
            case "slice" -> CollectionFilters::slice;
            case "groupby" -> CollectionFilters::groupby;
            case "dictsort" -> CollectionFilters::dictsort;
            case "items" -> (e, v, a) -> {
                if (v instanceof Undefined) return new ArrayList<>();
                if (!(v instanceof Map<?, ?> m)) throw EvalError.type("Can only get item pairs from a mapping.");
                List<Object> out = new ArrayList<>();
                m.forEach((k, x) -> out.add(Tuple.of(k, x)));
                return out;
            };
            case "random" -> Randoms::random;
            case "shuffle" -> Randoms::shuffle;
            default -> null;
        };
    }

    private static Object reverse(Env e, Object v, Fn.Args a) {
        if (v instanceof CharSequence s) return new StringBuilder(s).reverse().toString();
        if (!PyOps.iterable(v)) throw new EvalError("argument must be iterable");
        List<Object> l = PyOps.iterate(v);
        Collections.reverse(l);
        return l;
    }

    private static Object join(Env e, Object v, Fn.Args a) {
        String sep = a.str(0, "d", "");
        String attr = a.str(1, "attribute", null);
        List<String> parts = new ArrayList<>();
        for (Object o : PyOps.iterate(v)) parts.add(PyOps.str(attr == null ? o : Attrs.get(e, o, attr)));
        return String.join(sep, parts);
    }

    /** Jinja2's sort key: the attribute (dotted, or a comma-separated list of them), lower-cased strings unless case-sensitive. */
    static Object key(Env e, Object item, String attr, boolean caseSensitive) {
        if (attr != null && attr.contains(",")) {
            List<Object> keys = new ArrayList<>();
            for (String part : attr.split(",")) keys.add(key(e, item, part.strip(), caseSensitive));
            return keys;
        }
        Object k = attr == null ? item : Attrs.get(e, item, attr);
        return !caseSensitive && k instanceof CharSequence s ? s.toString().toLowerCase(Locale.ROOT) : k;
    }

    private static Object sort(Env e, Object v, Fn.Args a) {
        boolean reverse = a.bool(0, "reverse", false);
        boolean cs = a.bool(1, "case_sensitive", false);
        String attr = a.str(2, "attribute", null);
        List<Object> l = PyOps.iterate(v);
        List<Object[]> keyed = new ArrayList<>(l.size());
        for (Object o : l) keyed.add(new Object[] {key(e, o, attr, cs), o});
        Comparator<Object[]> c = (x, y) -> PyOps.order(x[0], y[0], "<");
        keyed.sort(reverse ? (x, y) -> c.compare(y, x) : c);
        List<Object> out = new ArrayList<>(l.size());
        for (Object[] k : keyed) out.add(k[1]);
        return out;
    }

    /** Python's max/min with a key: the first item wins ties; {@code item > best} (or {@code <}) compared. */
    private static Object extreme(Env e, Object v, Fn.Args a, int sign) {
        List<Object> l = PyOps.iterate(v);
        if (l.isEmpty()) return Undefined.withMessage("No aggregated item, sequence was empty.");
        boolean cs = a.bool(0, "case_sensitive", false);
        String attr = a.str(1, "attribute", null);
        Object best = l.get(0);
        Object bestKey = key(e, best, attr, cs);
        for (int i = 1; i < l.size(); i++) {
            Object k = key(e, l.get(i), attr, cs);
            if (PyOps.order(k, bestKey, sign > 0 ? ">" : "<") * sign > 0) {
                best = l.get(i);
                bestKey = k;
            }
        }
        return best;
    }

    static List<Object> unique(Env e, Object v, boolean caseSensitive, String attr) {
        return unique(e, v, caseSensitive, attr, false);
    }

    /**
     * Jinja2's unique, or Ansible's fallback when Jinja2's fails (an unhashable item: a dict or a list). The
     * fallback knows neither an attribute nor {@code case_sensitive=False}: with either, an unhashable item fails.
     */
    static List<Object> unique(Env e, Object v, boolean caseSensitive, String attr, boolean noFallback) {
        List<Object> out = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        for (Object o : PyOps.iterate(v)) {
            Object k = key(e, o, attr, caseSensitive);
            if (noFallback && !PyOps.hashable(k)) {
                throw new EvalError("Jinja2's unique filter failed and we cannot fall back to Ansible's version as it does not support "
                        + "the parameters supplied");
            }
            if (!containsEq(seen, k)) {
                seen.add(k);
                out.add(o);
            }
        }
        return out;
    }

    static boolean containsEq(List<Object> l, Object o) {
        for (Object x : l) if (PyOps.eq(x, o)) return true;
        return false;
    }

    private static Object batch(Env e, Object v, Fn.Args a) {
        Object n = a.get(0, "linecount");
        Object fill = a.get(1, "fill_with", null);
        List<Object> out = new ArrayList<>();
        List<Object> cur = new ArrayList<>();
        for (Object o : PyOps.iterate(v)) {
            if (PyOps.eq((long) cur.size(), n)) {
                out.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(o);
        }
        if (!cur.isEmpty()) {
            if (fill != null && PyOps.isInt(n)) while (cur.size() < PyOps.asLong(n)) cur.add(fill);
            out.add(cur);
        }
        return out;
    }

    private static Object slice(Env e, Object v, Fn.Args a) {
        List<Object> seq = PyOps.iterate(v);
        long slices = PyOps.index(a.get(0, "slices"));
        Object fill = a.get(1, "fill_with", null);
        if (slices == 0) throw new EvalError("integer division or modulo by zero");
        int per = (int) (seq.size() / slices);
        int extra = (int) (seq.size() % slices);
        List<Object> out = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < slices; i++) {
            int start = offset + i * per;
            if (i < extra) offset++;
            int end = offset + (i + 1) * per;
            List<Object> part = new ArrayList<>(seq.subList(Math.max(0, start), Math.min(seq.size(), Math.max(start, end))));
            if (fill != null && i >= extra) part.add(fill);
            out.add(part);
        }
        return out;
    }

    /** {@code groupby(attribute, default=None, case_sensitive=False)}: sorted groups of (grouper, list). */
    private static Object groupby(Env e, Object v, Fn.Args a) {
        String attr = a.str(0, "attribute", null);
        Object dflt = a.get(1, "default", null);
        boolean cs = a.bool(2, "case_sensitive", false);
        List<Object> items = PyOps.iterate(v);
        List<Object[]> keyed = new ArrayList<>();
        for (Object o : items) {
            Object k = Attrs.get(e, o, attr);
            if (k instanceof Undefined && dflt != null) k = dflt;
            keyed.add(new Object[] {!cs && k instanceof CharSequence s ? s.toString().toLowerCase(Locale.ROOT) : k, o, k});
        }
        keyed.sort((x, y) -> PyOps.order(x[0], y[0], "<"));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < keyed.size(); ) {
            Object k = keyed.get(i)[0];
            Object grouper = keyed.get(i)[2];
            List<Object> group = new ArrayList<>();
            while (i < keyed.size() && PyOps.eq(keyed.get(i)[0], k)) group.add(keyed.get(i++)[1]);
            out.add(new Group(grouper, group));
        }
        return out;
    }

    /** Jinja2's {@code _GroupTuple}: a (grouper, list) tuple with those two names as attributes. */
    static final class Group extends Tuple implements Attributes {
        Group(Object grouper, List<Object> list) {
            super(new Object[] {grouper, list});
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "grouper" -> get(0);
                case "list" -> get(1);
                default -> Undefined.attribute("tuple object", name);
            };
        }
    }

    /** {@code dictsort(case_sensitive=False, by='key', reverse=False)}: the (key, value) pairs, sorted. */
    private static Object dictsort(Env e, Object v, Fn.Args a) {
        boolean cs = a.bool(0, "case_sensitive", false);
        String by = a.str(1, "by", "key");
        boolean reverse = a.bool(2, "reverse", false);
        int pos = switch (by) {
            case "key" -> 0;
            case "value" -> 1;
            default -> throw new EvalError("You can only sort by either \"key\" or \"value\"");
        };
        if (!(v instanceof Map<?, ?> m)) throw new EvalError("'" + PyOps.typeName(v) + "' object has no attribute 'items'");
        List<Tuple> pairs = new ArrayList<>();
        m.forEach((k, x) -> pairs.add(Tuple.of(k, x)));
        Comparator<Tuple> c = (x, y) -> {
            Object p = x.get(pos);
            Object q = y.get(pos);
            if (!cs && p instanceof CharSequence s && q instanceof CharSequence t) {
                p = s.toString().toLowerCase(Locale.ROOT);
                q = t.toString().toLowerCase(Locale.ROOT);
            }
            return PyOps.order(p, q, "<");
        };
        pairs.sort(reverse ? c.reversed() : c);
        return new ArrayList<Object>(pairs);
    }
}
