package dev.jplay.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filters that apply other filters, tests or attributes: map, select, reject, selectattr, rejectattr, attr. */
final class HigherFilters {
    private HigherFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "map" -> HigherFilters::map;
            case "select" -> (e, v, a) -> select(e, v, a, true, false);
            case "reject" -> (e, v, a) -> select(e, v, a, false, false);
            case "selectattr" -> (e, v, a) -> select(e, v, a, true, true);
            case "rejectattr" -> (e, v, a) -> select(e, v, a, false, true);
            case "attr" -> (e, v, a) -> attr(v, PyOps.str(a.get(0, "name")));
            default -> null;
        };
    }

    /** Jinja2's {@code attr}: a Python attribute or method, never a dict key. */
    static Object attr(Object obj, String name) {
        if (obj instanceof Undefined) return obj;
        if (obj instanceof Attributes at) return at.attribute(name);
        if (PyMethods.isMethod(obj, name)) return new PyMethods.Bound(obj, name);
        if (obj instanceof Map) return Undefined.attribute(obj, "dict object", name);
        if (obj == null) return Undefined.item(null, name, "'None' has no attribute '" + name + "'");
        return Undefined.attribute(obj, PyOps.typeName(obj) + " object", name);
    }

    private static Object map(Env e, Object v, Fn.Args a) {
        List<Object> items = PyOps.iterate(v);
        List<Object> out = new ArrayList<>();
        if (a.positional().isEmpty() && a.keywords().containsKey("attribute")) {
            Map<String, Object> kw = new LinkedHashMap<>(a.keywords());
            String attr = PyOps.str(kw.remove("attribute"));
            boolean hasDefault = kw.containsKey("default");
            Object dflt = kw.remove("default");
            if (!kw.isEmpty()) throw new EvalError("Unexpected keyword argument '" + kw.keySet().iterator().next() + "'");
            for (Object o : items) {
                Object r = Attrs.get(e, o, attr);
                if (r instanceof Undefined && hasDefault) r = dflt;
                out.add(r);
            }
            return out;
        }
        if (a.positional().isEmpty()) throw EvalError.type("map() requires a filter name or attribute=");
        String filter = PyOps.str(a.positional().get(0));
        Fn.Filter f = Library.filter(filter);
        List<Object> rest = a.positional().subList(1, a.positional().size());
        for (Object o : items) out.add(e.filter(filter, f, o, rest, a.keywords(), -1));
        return out;
    }

    private static Object select(Env e, Object v, Fn.Args a, boolean keep, boolean byAttr) {
        List<Object> args = a.positional();
        if (byAttr && args.isEmpty()) throw EvalError.type("Missing parameter for attribute name");
        String attr = byAttr ? PyOps.str(args.get(0)) : null;
        List<Object> rest = byAttr ? args.subList(1, args.size()) : args;
        String test = rest.isEmpty() ? null : PyOps.str(rest.get(0));
        Fn.Test t = test == null ? null : Library.test(test);
        List<Object> testArgs = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
        List<Object> out = new ArrayList<>();
        for (Object o : PyOps.iterate(v)) {
            Object x = byAttr ? Attrs.get(e, o, attr) : o;
            boolean r = test == null ? PyOps.truthy(x) : e.test(test, t, x, testArgs, a.keywords(), -1);
            if (r == keep) out.add(o);
        }
        return out;
    }
}
