package dev.jplay.template;

import dev.jplay.data.Tuple;
import dev.jplay.data.VaultText;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Jinja2's tests and Ansible's value tests: types, comparisons, regex, version, subset, truthy, uri ... */
final class Tests {
    private Tests() {}

    static Fn.Test get(String name) {
        return switch (name) {
            case "defined" -> (e, v, a) -> !(v instanceof Undefined);
            case "undefined" -> (e, v, a) -> v instanceof Undefined;
            case "none" -> (e, v, a) -> v == null;
            case "string" -> (e, v, a) -> v instanceof CharSequence;
            case "number" -> (e, v, a) -> PyOps.isNumber(v);
            case "integer" -> (e, v, a) -> PyOps.isInt(v) && !(v instanceof Boolean);
            case "float" -> (e, v, a) -> v instanceof Double;
            case "boolean" -> (e, v, a) -> v instanceof Boolean;
            case "true" -> (e, v, a) -> Boolean.TRUE.equals(v);
            case "false" -> (e, v, a) -> Boolean.FALSE.equals(v);
            case "mapping" -> (e, v, a) -> v instanceof Map;
            case "sequence" -> (e, v, a) -> v instanceof List || v instanceof CharSequence || v instanceof Map;
            case "iterable" -> (e, v, a) -> v instanceof Collection || v instanceof CharSequence || v instanceof Map;
            case "callable" -> (e, v, a) -> v instanceof PyCallable;
            case "escaped" -> (e, v, a) -> v instanceof Markup;
            case "filter" -> (e, v, a) -> v instanceof CharSequence s && Library.filter(s.toString()) != null;
            case "test" -> (e, v, a) -> v instanceof CharSequence s && Library.test(s.toString()) != null;
            case "sameas" -> (e, v, a) -> sameas(v, a.get(0, "other"));
            case "divisibleby" -> (e, v, a) -> PyOps.eq(PyOps.binary("%", v, a.get(0, "num")), 0L);
            case "even" -> (e, v, a) -> PyOps.eq(PyOps.binary("%", v, 2L), 0L);
            case "odd" -> (e, v, a) -> PyOps.eq(PyOps.binary("%", v, 2L), 1L);
            case "lower" -> (e, v, a) -> cased(PyOps.str(v), false);
            case "upper" -> (e, v, a) -> cased(PyOps.str(v), true);
            case "in" -> (e, v, a) -> PyOps.contains(a.get(0, "seq"), v);
            case "contains" -> (e, v, a) -> PyOps.contains(v, a.get(0, "value"));
            case "eq", "equalto", "==" -> (e, v, a) -> PyOps.eq(v, a.get(0, "other"));
            case "ne", "!=" -> (e, v, a) -> !PyOps.eq(v, a.get(0, "other"));
            case "lt", "lessthan", "<" -> (e, v, a) -> PyOps.compare("<", v, a.get(0, "other"));
            case "le", "<=" -> (e, v, a) -> PyOps.compare("<=", v, a.get(0, "other"));
            case "gt", "greaterthan", ">" -> (e, v, a) -> PyOps.compare(">", v, a.get(0, "other"));
            case "ge", ">=" -> (e, v, a) -> PyOps.compare(">=", v, a.get(0, "other"));
            case "truthy" -> (e, v, a) -> truthy(v, a.bool(0, "convert_bool", false));
            case "falsy" -> (e, v, a) -> !truthy(v, a.bool(0, "convert_bool", false));
            case "match" -> (e, v, a) -> regex(v, a, "match");
            case "search" -> (e, v, a) -> regex(v, a, "search");
            case "regex" -> (e, v, a) -> regex(v, a, a.str(3, "match_type", "search"));
            case "version", "version_compare" -> (e, v, a) -> Versions.test(v, a);
            case "any" -> (e, v, a) -> PyOps.iterate(v).stream().anyMatch(PyOps::truthy);
            case "all" -> (e, v, a) -> PyOps.iterate(v).stream().allMatch(PyOps::truthy);
            case "nan", "isnan" -> (e, v, a) -> v instanceof Double d && d.isNaN();
            case "subset", "issubset" -> (e, v, a) -> containsAll(a.get(0, "b"), v);
            case "superset", "issuperset" -> (e, v, a) -> containsAll(v, a.get(0, "b"));
            case "vault_encrypted" -> (e, v, a) -> v instanceof VaultText;
            case "uri" -> (e, v, a) -> uri(v, a.get(0, "schemes", null));
            case "url" -> (e, v, a) -> {
                if (!uri(v, a.get(0, "schemes", null))) return false;
                Object parts = HtmlFilters.UrlSplit.split(v, "");
                return parts instanceof Map<?, ?> m && (!"".equals(m.get("netloc")) || "file".equals(m.get("scheme")));
            };
            case "urn" -> (e, v, a) -> uri(v, List.of("urn"));
            default -> null;
        };
    }

    /** Python's {@code is}: the same object for containers; equal value and type for numbers, strings, None, booleans. */
    private static boolean sameas(Object v, Object other) {
        if (v == other) return true;
        if (v == null || other == null || v instanceof Collection || v instanceof Map || other instanceof Collection || other instanceof Map) return false;
        return v.getClass() == other.getClass() && v.equals(other);
    }

    /** {@code str.islower()} / {@code isupper()}: at least one cased character, and none of the other case. */
    private static boolean cased(String s, boolean upper) {
        boolean anyCased = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c)) {
                anyCased = true;
                if (upper ? !Character.isUpperCase(c) : !Character.isLowerCase(c)) return false;
            }
        }
        return anyCased;
    }

    /** Ansible's truthy test; convert_bool reads 'yes'/'no'/'on'/'off'/... as booleans first. */
    private static boolean truthy(Object v, boolean convert) {
        if (convert) {
            Boolean b = Booleans.ansible(v);
            if (b != null) return b;
        }
        return PyOps.truthy(v);
    }

    private static boolean regex(Object v, Fn.Args a, String type) {
        String s = PyOps.str(v);
        var p = PyRegex.compile(a.str(0, "pattern", ""), a.bool(1, "ignorecase", false), a.bool(2, "multiline", false));
        var m = p.matcher(s);
        return switch (type) {
            case "match" -> m.lookingAt();
            case "fullmatch" -> m.matches();
            default -> m.find();
        };
    }

    private static boolean containsAll(Object container, Object items) {
        List<Object> c = PyOps.iterate(container);
        for (Object o : PyOps.iterate(items)) if (!CollectionFilters.containsEq(c, o)) return false;
        return true;
    }

    /** Ansible's uri test: urlparse succeeds (and the scheme is one of {@code schemes} when given). */
    private static boolean uri(Object v, Object schemes) {
        if (!(v instanceof CharSequence)) return false;
        Object parts;
        try {
            parts = HtmlFilters.UrlSplit.split(v, "");
        } catch (EvalError e) {
            return false;
        }
        if (schemes == null || !PyOps.truthy(schemes)) return true;
        Object scheme = ((Map<?, ?>) parts).get("scheme");
        return schemes instanceof Tuple || schemes instanceof List || schemes instanceof CharSequence ? PyOps.contains(schemes, scheme) : false;
    }
}
