package dev.jplay.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters, tests, lookups and global functions templates can use. Built once per {@link Templar}; read-only.
 * Collection-qualified names ({@code ansible.builtin.to_json}) resolve to the short ones.
 */
final class Library {
    /** Filters that accept an undefined value (everything else fails on one). */
    static final Set<String> UNDEFINED_OK = Set.of("default", "d", "mandatory");
    private static final List<String> PREFIXES = List.of("ansible.builtin.", "ansible.legacy.", "ansible.utils.",
            "ansible.netcommon.", "ansible.posix.", "community.general.");

    private final Map<String, Fn.Filter> filters = new HashMap<>();
    private final Map<String, Fn.Test> tests = new HashMap<>();
    private final Map<String, Fn.Lookup> lookups = new HashMap<>();
    private final Map<String, PyCallable> globals = new HashMap<>();

    Library() {
        CollectionFilters.register(filters);
        StringFilters.register(filters);
        DataFilters.register(filters);
        Tests.register(tests);
        Lookups.register(lookups);
        globals.put("range", (env, args, kw) -> range(args));
        globals.put("dict", (env, args, kw) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            if (!args.isEmpty()) {
                for (Object pair : PyOps.iterate(args.get(0))) {
                    List<Object> kv = PyOps.iterate(pair);
                    m.put(PyOps.keyString(kv.get(0)), kv.get(1));
                }
            }
            m.putAll(kw);
            return m;
        });
        globals.put("namespace", (env, args, kw) -> new Namespace(kw));
        globals.put("lookup", (env, args, kw) -> lookup(env, args, kw, false));
        globals.put("query", (env, args, kw) -> lookup(env, args, kw, true));
        globals.put("q", globals.get("query"));
    }

    static String shortName(String name) {
        for (String p : PREFIXES) if (name.startsWith(p)) return name.substring(p.length());
        return name;
    }

    Fn.Filter filter(String name) {
        return filters.get(shortName(name));
    }

    Fn.Test test(String name) {
        return tests.get(shortName(name));
    }

    boolean has(TemplateCheck.Kind kind, String name) {
        String n = shortName(name);
        return switch (kind) {
            case FILTER -> filters.containsKey(n);
            case TEST -> tests.containsKey(n);
            case LOOKUP -> lookups.containsKey(n);
        };
    }

    /** "did you mean 'x'?" for an unknown name, or null. */
    String suggest(TemplateCheck.Kind kind, String name) {
        java.util.Collection<String> names = switch (kind) {
            case FILTER -> filters.keySet();
            case TEST -> tests.keySet();
            case LOOKUP -> lookups.keySet();
        };
        return dev.jplay.source.Suggest.closest(shortName(name), names).map(s -> "did you mean '" + s + "'?").orElse(null);
    }

    Object global(String name) {
        return globals.get(name);
    }

    /** {@code lookup(name, *terms, wantlist=False, errors='strict', **kw)}. */
    Object lookup(Env env, List<Object> args, Map<String, Object> kw, boolean alwaysList) {
        if (args.isEmpty()) throw new EvalError("lookup requires the lookup name");
        String name = shortName(PyOps.str(args.get(0)));
        Fn.Lookup l = lookups.get(name);
        if (l == null) throw new EvalError("lookup plugin (" + name + ") not found");
        Map<String, Object> rest = new LinkedHashMap<>(kw);
        boolean wantlist = alwaysList || (rest.containsKey("wantlist") && PyOps.truthy(rest.remove("wantlist")));
        rest.remove("wantlist");
        String errors = rest.containsKey("errors") ? PyOps.str(rest.remove("errors")) : "strict";
        List<Object> ran;
        try {
            ran = l.run(env, new ArrayList<>(args.subList(1, args.size())), rest);
        } catch (EvalError e) {
            if (errors.equals("ignore")) return alwaysList ? new ArrayList<>() : null;
            if (errors.equals("warn")) {
                env.warn("An unhandled exception occurred while running the lookup plugin '" + name + "'. " + e.getMessage());
                return alwaysList ? new ArrayList<>() : null;
            }
            throw new EvalError("An unhandled exception occurred while running the lookup plugin '" + name
                    + "'. Error was a " + "AnsibleError, original message: " + e.getMessage());
        }
        if (wantlist) return ran;
        if (ran.stream().allMatch(x -> x instanceof CharSequence)) return String.join(",", ran.stream().map(Object::toString).toList());
        return ran.size() == 1 ? ran.get(0) : ran;
    }

    List<Object> loop(Env env, String name, Object terms) {
        Fn.Lookup l = lookups.get(shortName(name));
        if (l == null) throw new EvalError("lookup plugin (" + name + ") not found");
        List<Object> t = terms instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(List.of(terms == null ? "" : terms));
        if (name.equals("dict") && !(terms instanceof List)) t = new ArrayList<>(List.of(terms));
        return l.run(env, t, Map.of());
    }

    Path findTemplate(Env env, String name) {
        return Lookups.find(env, name, "templates");
    }

    private static List<Object> range(List<Object> args) {
        long start = 0;
        long stop;
        long step = 1;
        if (args.size() == 1) {
            stop = PyOps.asLong(args.get(0));
        } else {
            start = PyOps.asLong(args.get(0));
            stop = PyOps.asLong(args.get(1));
            if (args.size() > 2) step = PyOps.asLong(args.get(2));
        }
        if (step == 0) throw new EvalError("range() arg 3 must not be zero");
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(i);
            if (out.size() > 1_000_000) throw new EvalError("range too big");
        }
        return out;
    }
}
