package dev.jplay.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Jinja2 and Ansible tests: {@code x is defined}, {@code r is failed}, {@code v is version('1.28', '>=')} ... */
final class Tests {
    private Tests() {}

    static void register(Map<String, Fn.Test> t) {
        t.put("defined", (e, v, a) -> !(v instanceof Undefined));
        t.put("undefined", (e, v, a) -> v instanceof Undefined);
        t.put("none", (e, v, a) -> v == null);
        t.put("string", (e, v, a) -> v instanceof CharSequence);
        t.put("number", (e, v, a) -> PyOps.isNumber(v));
        t.put("integer", (e, v, a) -> PyOps.isInt(v) && !(v instanceof Boolean));
        t.put("float", (e, v, a) -> v instanceof Double);
        t.put("boolean", (e, v, a) -> v instanceof Boolean);
        t.put("true", (e, v, a) -> Boolean.TRUE.equals(v));
        t.put("false", (e, v, a) -> Boolean.FALSE.equals(v));
        t.put("mapping", (e, v, a) -> v instanceof Map);
        t.put("sequence", (e, v, a) -> v instanceof List || v instanceof CharSequence || v instanceof Map);
        t.put("iterable", (e, v, a) -> v instanceof Collection || v instanceof CharSequence || v instanceof Map);
        t.put("callable", (e, v, a) -> v instanceof PyCallable);
        t.put("truthy", (e, v, a) -> PyOps.truthy(v));
        t.put("falsy", (e, v, a) -> !PyOps.truthy(v));
        t.put("in", (e, v, a) -> PyOps.contains(a.get(0, "seq"), v));
        t.put("contains", (e, v, a) -> PyOps.contains(v, a.get(0, "item")));
        t.put("match", (e, v, a) -> regex(v, a, "match"));
        t.put("search", (e, v, a) -> regex(v, a, "search"));
        t.put("regex", (e, v, a) -> regex(v, a, a.str(3, "match_type", "search")));
        t.put("version", (e, v, a) -> Versions.compare(PyOps.str(v), PyOps.str(a.get(0, "version")), a.str(1, "operator", "eq"),
                a.bool(2, "strict", false), a.str(3, "version_type", "loose")));
        t.put("version_compare", t.get("version"));
        t.put("failed", (e, v, a) -> result(v, "failed").get("failed") instanceof Boolean b && b);
        t.put("failure", t.get("failed"));
        t.put("succeeded", (e, v, a) -> !(result(v, "succeeded").get("failed") instanceof Boolean b && b));
        t.put("success", t.get("succeeded"));
        t.put("successful", t.get("succeeded"));
        t.put("changed", (e, v, a) -> changed(result(v, "changed")));
        t.put("change", t.get("changed"));
        t.put("skipped", (e, v, a) -> PyOps.truthy(result(v, "skipped").getOrDefault("skipped", false)));
        t.put("skip", t.get("skipped"));
        t.put("unreachable", (e, v, a) -> PyOps.truthy(result(v, "unreachable").getOrDefault("unreachable", false)));
        t.put("reachable", (e, v, a) -> !PyOps.truthy(result(v, "reachable").getOrDefault("unreachable", false)));
        t.put("finished", (e, v, a) -> PyOps.truthy(result(v, "finished").getOrDefault("finished", 1L)));
        t.put("subset", (e, v, a) -> containsAll(a.get(0, "b"), v));
        t.put("superset", (e, v, a) -> containsAll(v, a.get(0, "b")));
        t.put("file", (e, v, a) -> Files.isRegularFile(Path.of(PyOps.str(v))));
        t.put("directory", (e, v, a) -> Files.isDirectory(Path.of(PyOps.str(v))));
        t.put("link", (e, v, a) -> Files.isSymbolicLink(Path.of(PyOps.str(v))));
        t.put("exists", (e, v, a) -> Files.exists(Path.of(PyOps.str(v))));
        t.put("abs", (e, v, a) -> PyOps.str(v).startsWith("/"));
        t.put("equalto", (e, v, a) -> PyOps.eq(v, a.get(0, "other")));
        t.put("eq", t.get("equalto"));
        t.put("==", t.get("equalto"));
        t.put("ne", (e, v, a) -> !PyOps.eq(v, a.get(0, "other")));
        t.put("!=", t.get("ne"));
        t.put("lt", (e, v, a) -> PyOps.compare("<", v, a.get(0, "other")));
        t.put("le", (e, v, a) -> PyOps.compare("<=", v, a.get(0, "other")));
        t.put("gt", (e, v, a) -> PyOps.compare(">", v, a.get(0, "other")));
        t.put("ge", (e, v, a) -> PyOps.compare(">=", v, a.get(0, "other")));
        t.put("<", t.get("lt"));
        t.put("<=", t.get("le"));
        t.put(">", t.get("gt"));
        t.put(">=", t.get("ge"));
        t.put("lessthan", t.get("lt"));
        t.put("greaterthan", t.get("gt"));
        t.put("sameas", (e, v, a) -> v == a.get(0, "other") || (v != null && v.equals(a.get(0, "other")) && !(v instanceof CharSequence)));
        t.put("divisibleby", (e, v, a) -> PyOps.asLong(v) % PyOps.asLong(a.get(0, "num")) == 0);
        t.put("even", (e, v, a) -> PyOps.asLong(v) % 2 == 0);
        t.put("odd", (e, v, a) -> PyOps.asLong(v) % 2 != 0);
        t.put("lower", (e, v, a) -> PyOps.str(v).equals(PyOps.str(v).toLowerCase()));
        t.put("upper", (e, v, a) -> PyOps.str(v).equals(PyOps.str(v).toUpperCase()));
        t.put("any", (e, v, a) -> PyOps.iterate(v).stream().anyMatch(PyOps::truthy));
        t.put("all", (e, v, a) -> PyOps.iterate(v).stream().allMatch(PyOps::truthy));
    }

    private static boolean regex(Object v, Fn.Args a, String type) {
        String s = v instanceof Undefined u ? (String) PyOps.fail(u) : PyOps.str(v);
        var p = PyRegex.compile(a.str(0, "pattern", ""), a.bool(1, "ignorecase", false), a.bool(2, "multiline", false));
        var m = p.matcher(s);
        return type.equals("match") ? m.lookingAt() : type.equals("fullmatch") ? m.matches() : m.find();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Object v, String test) {
        if (v instanceof Undefined u) PyOps.fail(u);
        if (!(v instanceof Map)) throw new EvalError("The '" + test + "' test expects a dictionary");
        return (Map<String, Object>) v;
    }

    private static boolean changed(Map<String, Object> r) {
        if (r.get("results") instanceof List<?> l) {
            for (Object o : l) if (o instanceof Map<?, ?> m && PyOps.truthy(m.get("changed") == null ? false : m.get("changed"))) return true;
        }
        Object c = r.get("changed");
        return c != null && PyOps.truthy(c);
    }

    private static boolean containsAll(Object container, Object items) {
        List<Object> c = PyOps.iterate(container);
        for (Object o : PyOps.iterate(items)) if (!CollectionFilters.containsEq(c, o)) return false;
        return true;
    }
}
