package dev.jplay.modules;

import dev.jplay.data.Json;
import dev.jplay.data.KeyValue;
import dev.jplay.data.Py;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeSet;

/**
 * Checks and converts raw task arguments against a {@link ModuleSpec} with Ansible's rules and messages.
 * {@link #check} is the static pass (before any host is contacted): it skips values that are still templates.
 * {@link #convert} is the run-time pass on templated values.
 */
public final class ArgConverter {
    private static final Set<String> TRUE = Set.of("yes", "on", "1", "true", "y", "t");
    private static final Set<String> FALSE = Set.of("no", "off", "0", "false", "n", "f");

    private ArgConverter() {}

    /** Static validation; throws {@link ArgumentException}. Template strings pass unchecked. */
    public static void check(ModuleSpec spec, Map<String, Object> raw) {
        process(spec, raw, true);
    }

    /** Full validation and conversion of templated arguments. */
    public static ModuleArgs convert(ModuleSpec spec, Map<String, Object> raw) {
        return new ModuleArgs(process(spec, raw, false, null));
    }

    /**
     * Every problem of templated arguments, as Ansible's ArgumentSpecValidator lists them for role argument specs
     * (a module reports only the first, see {@link #convert}): missing required ones, then each value that does not
     * convert or is not a choice, the combinations, and unsupported parameters last. Empty when they are valid.
     */
    public static List<ArgumentException> errors(ModuleSpec spec, Map<String, Object> raw) {
        List<ArgumentException> errors = new ArrayList<>();
        process(spec, raw, false, errors);
        return errors;
    }

    private static Map<String, Object> process(ModuleSpec spec, Map<String, Object> raw, boolean lenient) {
        return process(spec, raw, lenient, null);
    }

    /** {@code errors}: where problems go (all of them), or null to throw the first. */
    private static Map<String, Object> process(ModuleSpec spec, Map<String, Object> raw, boolean lenient, List<ArgumentException> errors) {
        if (spec.acceptsAnyArgs()) return new LinkedHashMap<>(raw);
        Map<String, Param> byName = spec.paramsByName();
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (var e : raw.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("_ansible_")) continue;
            Param p = byName.get(k);
            if (p == null) {
                unknown.add(k);
                continue;
            }
            if (out.containsKey(p.name()) && !k.equals(p.name())) {
                throw new ArgumentException("parameter '" + p.name() + "' is given twice (also as alias '" + k + "') for "
                        + spec.name(), p.name());
            }
            out.put(p.name(), e.getValue());
        }
        ArgumentException unsupported = null;
        if (!unknown.isEmpty()) {
            Set<String> supported = new TreeSet<>(byName.keySet());
            unsupported = new ArgumentException("Unsupported parameters for (" + spec.name() + ") module: " + String.join(", ", unknown)
                    + ". Supported parameters include: " + String.join(", ", supported) + ".", unknown.get(0));
            if (errors == null) throw unsupported;
        }
        Consumer<ArgumentException> report = errors == null ? e -> {
            throw e;
        } : errors::add;
        checkCombinations(spec, out, lenient, report);
        for (Param p : spec.params()) {
            Object v = out.get(p.name());
            if (v == null) {
                if (p.required() && !out.containsKey(p.name())) continue; // reported by checkCombinations
                if (p.keepsNull() && out.containsKey(p.name())) continue; // given as null on purpose
                if (p.defaultValue() != null) out.put(p.name(), p.defaultValue());
                else if (!out.containsKey(p.name())) out.put(p.name(), null);
                continue;
            }
            if (lenient && isTemplate(v)) continue;
            try {
                Object converted = convertValue(spec, p, p.type(), v, lenient);
                if (!p.choices().isEmpty()) checkChoices(spec, p, converted, lenient);
                out.put(p.name(), converted);
            } catch (ArgumentException e) {
                report.accept(e);
            }
        }
        if (unsupported != null) errors.add(unsupported);
        return out;
    }

    private static void checkCombinations(ModuleSpec spec, Map<String, Object> given, boolean lenient, Consumer<ArgumentException> report) {
        List<String> missing = new ArrayList<>();
        for (Param p : spec.params()) if (p.required() && given.get(p.name()) == null) missing.add(p.name());
        if (!missing.isEmpty()) {
            Collections.sort(missing); // Ansible's check_required_arguments lists them sorted
            report.accept(new ArgumentException("missing required arguments: " + String.join(", ", missing) + " (module " + spec.name() + ")", missing.get(0)));
        }
        for (List<String> group : spec.mutuallyExclusive()) {
            List<String> present = group.stream().filter(n -> given.get(n) != null).toList();
            if (present.size() > 1) {
                report.accept(new ArgumentException("parameters are mutually exclusive: " + String.join("|", group) + " (module " + spec.name() + ")", present.get(1)));
            }
        }
        for (List<String> group : spec.requiredOneOf()) {
            if (group.stream().noneMatch(n -> given.get(n) != null)) {
                report.accept(new ArgumentException("one of the following is required: " + String.join(", ", group) + " (module " + spec.name() + ")", null));
            }
        }
        for (List<String> group : spec.requiredTogether()) {
            long n = group.stream().filter(x -> given.get(x) != null).count();
            if (n > 0 && n < group.size()) {
                report.accept(new ArgumentException("parameters are required together: " + String.join(", ", group) + " (module " + spec.name() + ")", null));
            }
        }
        for (ModuleSpec.RequiredIf r : spec.requiredIf()) {
            Object v = given.get(r.key());
            if (v == null || (lenient && isTemplate(v))) continue;
            if (!Py.str(v).equals(Py.str(r.value()))) continue;
            List<String> absent = r.required().stream().filter(n -> given.get(n) == null).toList();
            boolean bad = r.anyOf() ? absent.size() == r.required().size() : !absent.isEmpty();
            if (bad) {
                report.accept(new ArgumentException(r.key() + " is " + Py.str(v) + " but " + (r.anyOf() ? "any" : "all")
                        + " of the following are missing: " + String.join(", ", absent) + " (module " + spec.name() + ")", absent.get(0)));
            }
        }
    }

    private static void checkChoices(ModuleSpec spec, Param p, Object v, boolean lenient) {
        List<Object> values = v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
        for (Object x : values) {
            if (lenient && isTemplate(x)) continue;
            boolean ok = p.choices().stream().anyMatch(c -> Py.str(c).equals(Py.str(x)));
            if (!ok) {
                throw new ArgumentException("value of " + p.name() + " must be one of: "
                        + String.join(", ", p.choices().stream().map(Py::str).toList()) + ", got: " + Py.str(x)
                        + " (module " + spec.name() + ")", p.name());
            }
        }
    }

    static boolean isTemplate(Object v) {
        if (v instanceof CharSequence s) {
            String str = s.toString();
            return str.contains("{{") || str.contains("{%");
        }
        if (v instanceof Map<?, ?> m) return m.values().stream().anyMatch(ArgConverter::isTemplate);
        if (v instanceof List<?> l) return l.stream().anyMatch(ArgConverter::isTemplate);
        return false;
    }

    private static Object convertValue(ModuleSpec spec, Param p, ParamType type, Object v, boolean lenient) {
        try {
            return switch (type) {
                case RAW -> v;
                case STR, PATH -> toStr(v);
                case BOOL -> toBool(v);
                case INT -> toInt(v);
                case FLOAT -> toFloat(v);
                case JSONARG -> v instanceof CharSequence ? v.toString() : Json.write(v);
                case DICT -> toDict(v);
                case LIST -> {
                    List<Object> l = toList(v);
                    if (p.elements() == null) yield l;
                    List<Object> conv = new ArrayList<>();
                    for (Object x : l) conv.add(x == null || (lenient && isTemplate(x)) ? x : convertValue(spec, p, p.elements(), x, lenient));
                    yield conv;
                }
            };
        } catch (IllegalArgumentException e) {
            throw new ArgumentException("argument '" + p.name() + "' is of type " + typeName(v) + " and we were unable to convert to "
                    + type.ansibleName() + ": " + e.getMessage() + " (module " + spec.name() + ")", p.name());
        }
    }

    /** Python's name of the type of {@code v} (str, int, dict ...), as Ansible's messages show it. */
    public static String typeName(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof CharSequence) return "str";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Double) return "float";
        if (v instanceof Number) return "int";
        if (v instanceof Map) return "dict";
        if (v instanceof List) return "list";
        return v.getClass().getSimpleName();
    }

    public static String toStr(Object v) {
        if (v instanceof Map || v instanceof List) throw new IllegalArgumentException("a " + typeName(v) + " cannot be a string");
        return Py.str(v);
    }

    public static Boolean toBool(Object v) {
        if (v instanceof Boolean b) return b;
        String s = Py.str(v).toLowerCase(Locale.ROOT).strip();
        if (v instanceof Number n && !(v instanceof Double)) {
            if (n.longValue() == 1) return true;
            if (n.longValue() == 0) return false;
        }
        if (TRUE.contains(s)) return true;
        if (FALSE.contains(s)) return false;
        throw new IllegalArgumentException("The value '" + Py.str(v) + "' is not a valid boolean. Valid booleans include: "
                + "'no', 'off', 'false', 'f', 'n', '0', 'yes', 'on', 'true', 't', 'y', '1'");
    }

    /**
     * An int keyword's value ({@code retries}, {@code delay}, {@code async} ...) as Ansible converts it, with Python's
     * {@code int()}: a float is truncated ({@code delay: 0.5} is 0), a string must be a whole number.
     */
    public static Long toKeywordInt(Object v) {
        return v instanceof Double d && !d.isNaN() && !d.isInfinite() ? (Long) d.longValue() : toInt(v);
    }

    public static Long toInt(Object v) {
        if (v instanceof Boolean) throw new IllegalArgumentException("a bool is not an int");
        if (v instanceof Double d) {
            if (d == Math.rint(d)) return d.longValue();
            throw new IllegalArgumentException(Py.str(v) + " cannot be converted to an int");
        }
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(Py.str(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + Py.str(v) + "' cannot be converted to an int");
        }
    }

    public static Double toFloat(Object v) {
        if (v instanceof Number n && !(v instanceof Boolean)) return n.doubleValue();
        try {
            return Double.parseDouble(Py.str(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + Py.str(v) + "' cannot be converted to a float");
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Object> toList(Object v) {
        if (v instanceof List<?> l) return (List<Object>) l;
        if (v instanceof CharSequence s) {
            if (s.length() == 0) return new ArrayList<>();
            return new ArrayList<>(Arrays.stream(s.toString().split(",", -1)).map(x -> (Object) x.strip()).toList());
        }
        if (v instanceof Map) throw new IllegalArgumentException("a dict is not a list");
        List<Object> l = new ArrayList<>();
        l.add(v);
        return l;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toDict(Object v) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        if (v instanceof CharSequence cs) {
            String s = cs.toString().strip();
            if (s.startsWith("{")) {
                Object parsed = Json.parse(s);
                if (parsed instanceof Map<?, ?> pm) return (Map<String, Object>) pm;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (String part : KeyValue.splitArgs(s)) {
                int eq = part.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("dictionary requested, could not parse JSON or key=value");
                out.put(part.substring(0, eq).strip(), KeyValue.unquote(part.substring(eq + 1)));
            }
            return out;
        }
        throw new IllegalArgumentException(typeName(v) + " cannot be converted to a dict");
    }
}
