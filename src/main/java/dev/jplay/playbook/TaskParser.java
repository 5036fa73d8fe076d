package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.ArgumentException;
import dev.jplay.modules.KeyValue;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns one task mapping into a {@link Task}: finds the action (module key, {@code action:}, {@code local_action:}),
 * parses {@code k=v} and free-form arguments, merges {@code args:}, reads loops and the other keywords, and checks
 * the arguments against the module's spec (values that are still templates are checked at run time).
 */
final class TaskParser {
    /** The action of a task as found in its mapping. */
    record Action(String key, String module, String written, Map<String, Object> args, Loc loc, boolean local, Map<String, Object> located) {}

    private final ModuleRegistry registry;
    private final Supplier<String> ids;

    TaskParser(ModuleRegistry registry, Supplier<String> ids) {
        this.registry = registry;
        this.ids = ids;
    }

    Action action(Map<String, Object> ds) {
        return action(ds, List.of());
    }

    /** The task's action; short module names are looked up in {@code collections} first (the play's, role's or task's). */
    Action action(Map<String, Object> ds, List<String> collections) {
        List<String> candidates = new ArrayList<>();
        for (String k : ds.keySet()) if (!Keys.TASK.contains(k) && !k.startsWith("with_")) candidates.add(k);
        String direct = ds.containsKey("action") ? "action" : ds.containsKey("local_action") ? "local_action" : null;
        if (direct != null && ds.containsKey("action") && ds.containsKey("local_action")) {
            throw new SourceException("action and local_action are mutually exclusive", Raw.keyLoc(ds, "local_action"));
        }
        if (direct != null) {
            if (!candidates.isEmpty()) rejectUnknown(ds, candidates, true);
            return fromActionKeyword(ds, direct, collections);
        }
        if (candidates.isEmpty()) {
            throw new SourceException("no module/action detected in task", Raw.loc(ds),
                    "a task needs exactly one module, e.g.  - ansible.builtin.debug: msg=hello");
        }
        if (candidates.size() > 1) rejectUnknown(ds, candidates, false);
        String key = candidates.get(0);
        Module m = resolve(key, Raw.keyLoc(ds, key), collections);
        return new Action(key, m.spec().name(), key, args(m.spec(), ds.get(key), ds, key), Raw.keyLoc(ds, key), false, located(ds.get(key), ds));
    }

    private Action fromActionKeyword(Map<String, Object> ds, String key, List<String> collections) {
        Object v = ds.get(key);
        Loc loc = Raw.valueLoc(ds, key);
        String name;
        Object rest;
        if (v instanceof CharSequence s) {
            String text = s.toString().strip();
            int sp = text.indexOf(' ');
            name = sp < 0 ? text : text.substring(0, sp);
            rest = sp < 0 ? null : text.substring(sp + 1).strip();
        } else if (v instanceof Map<?, ?> m && m.get("module") instanceof CharSequence mod) {
            name = mod.toString();
            Map<String, Object> r = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                if (!"module".equals(k)) r.put(String.valueOf(k), x);
            });
            rest = r;
        } else {
            throw new SourceException(key + " must be 'module args' or a mapping with 'module:'", loc);
        }
        Module m = resolve(name, loc, collections);
        return new Action(key, m.spec().name(), name, args(m.spec(), rest, ds, key), loc, key.equals("local_action"), located(v, ds));
    }

    /** The mapping whose keys locate argument errors: the inline argument mapping, else {@code args:}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> located(Object raw, Map<String, Object> ds) {
        if (raw instanceof Map<?, ?> m) return (Map<String, Object>) m;
        return ds.get("args") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
    }

    private Module resolve(String name, Loc loc, List<String> collections) {
        if (!name.contains(".")) {
            for (String c : collections) {
                if (c.equals("ansible.builtin") || c.equals("ansible.legacy")) break;
                Module inCollection = registry.find(c + "." + name);
                if (inCollection != null) return inCollection;
            }
        }
        Module m = registry.find(name);
        if (m != null) return m;
        Set<String> keywordHints = Keys.TASK;
        String hint = Keys.closest(name, keywordHints).map(k -> "'" + k + "' is a task keyword; did you mean it?")
                .orElseGet(() -> {
                    List<String> s = registry.suggest(name);
                    return s.isEmpty() ? "check the spelling, or put external modules in modules/ or library/"
                            : "did you mean " + String.join(" or ", s.stream().map(x -> "'" + x + "'").toList()) + "?";
                });
        throw new SourceException("couldn't resolve module/action '" + name + "'. This often indicates a misspelling, "
                + "missing collection, or incorrect module path.", loc, hint);
    }

    /** Several non-keyword keys: name the one that is neither a module nor allowed, or report the conflict. */
    private void rejectUnknown(Map<String, Object> ds, List<String> candidates, boolean withActionKeyword) {
        for (String k : candidates) {
            if (!registry.knows(k)) {
                String hint = Keys.closest(k, Keys.TASK).map(s -> "did you mean '" + s + "'?").orElse(null);
                throw new SourceException("'" + k + "' is not a valid attribute for a Task, nor a known module",
                        Raw.keyLoc(ds, k), hint);
            }
        }
        String all = String.join(", ", withActionKeyword ? concat("action", candidates) : candidates);
        throw new SourceException("conflicting action statements: " + all, Raw.keyLoc(ds, candidates.get(candidates.size() - 1)),
                "a task runs exactly one module; split this into two tasks");
    }

    private static List<String> concat(String a, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(a);
        l.addAll(rest);
        return l;
    }

    /** Module arguments: {@code args:} first, then the inline ones over them (as Ansible merges them). */
    private Map<String, Object> args(ModuleSpec spec, Object raw, Map<String, Object> ds, String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object extra = ds.get("args");
        if (extra != null) out.putAll(Raw.map(extra, "args", Raw.keyLoc(ds, "args")));
        Loc loc = Raw.valueLoc(ds, key);
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        } else if (raw instanceof CharSequence || raw instanceof Number || raw instanceof Boolean) {
            String text = Py.str(raw);
            boolean freeForm = spec.freeForm() != null;
            Set<String> known = Keys.RAW_ACTIONS.contains(spec.name()) ? Keys.RAW_KV_KEYS : spec.paramsByName().keySet();
            KeyValue.Parsed p;
            try {
                p = KeyValue.parse(text, freeForm, known);
            } catch (IllegalArgumentException e) {
                throw new SourceException("this task '" + spec.name() + "' has extra params, which is only allowed for modules "
                        + "that take free-form text (command, shell, raw, script, include_tasks, meta, ...)", loc,
                        "write the arguments as key=value pairs or as a YAML mapping");
            }
            out.putAll(p.pairs());
            if (p.freeForm() != null) out.put("_raw_params", p.freeForm());
        } else if (raw != null) {
            throw new SourceException("the arguments of '" + key + "' must be a mapping or a key=value string, got " + Raw.kind(raw), loc);
        }
        return out;
    }

    /** Static argument check against the spec; templated values wait for run time. */
    void checkArgs(Action a, Map<String, Object> ds) {
        Module m = registry.find(a.module());
        try {
            ArgConverter.check(m.spec(), a.args());
        } catch (ArgumentException e) {
            Loc loc = e.param() != null ? dev.jplay.source.YamlMap.locOf(a.located(), e.param(), a.loc()) : a.loc();
            throw new SourceException(e.getMessage(), loc, hintFor(m.spec(), e));
        }
    }

    private static String hintFor(ModuleSpec spec, ArgumentException e) {
        if (e.param() == null || spec.paramsByName().containsKey(e.param())) return "see: jplay doc " + spec.name();
        return Keys.closest(e.param(), spec.paramsByName().keySet()).map(s -> "did you mean '" + s + "'?")
                .orElse("see: jplay doc " + spec.name());
    }

    /** Builds the task from its mapping under {@code ctx}. */
    Task task(Map<String, Object> ds, Action a, LoadContext ctx) {
        boolean include = a.module().equals("include_tasks") || a.module().equals("include_role");
        if (include) {
            for (String k : ds.keySet()) {
                if (k.equals(a.key()) || Keys.INCLUDE.contains(k) || k.startsWith("with_")) continue;
                throw new SourceException("'" + k + "' is not a valid attribute for " + a.module()
                        + " (a dynamic include runs once per host; put keywords for the included tasks under 'apply:')",
                        Raw.keyLoc(ds, k));
            }
        }
        Loc loc = Raw.loc(ds);
        Keywords own = Keywords.from(ds);
        if (a.local()) own = own.with("delegate_to", "localhost");
        for (String k : Keywords.TASK_ONLY) if (ds.get(k) != null) own = own.with(k, ds.get(k));
        String register = ds.get("register") == null ? null : Py.str(ds.get("register"));
        if (register != null && !Raw.isIdentifier(register)) {
            throw new SourceException("Invalid variable name in 'register' specified: '" + register + "'", Raw.valueLoc(ds, "register"),
                    "use letters, digits and underscores, starting with a letter");
        }
        Map<String, Object> vars = Raw.map(ds.get("vars"), "vars", Raw.keyLoc(ds, "vars"));
        LoadContext c = include
                ? ctx.withKeywords(own.under(ctx.keywords())).child(Keywords.NONE, Raw.list(ds.get("when")),
                        Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")), vars)
                : ctx.child(own, Raw.list(ds.get("when")), Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")), vars);
        List<String> listen = new ArrayList<>();
        if (ds.containsKey("listen")) {
            if (!ctx.handlers()) throw new SourceException("'listen' is only valid on handlers", Raw.keyLoc(ds, "listen"));
            for (Object o : Raw.list(ds.get("listen"))) listen.add(Py.str(o));
        }
        String name = ds.get("name") == null ? null : Py.str(ds.get("name"));
        return new Task(ids.get(), name, a.module(), a.written(), a.args(), c.keywords(), c.when(), c.tags(), loop(ds),
                register, Raw.list(ds.get("changed_when")), Raw.list(ds.get("failed_when")), Raw.list(ds.get("until")),
                ds.get("retries"), ds.get("delay"), Raw.list(c.keywords().get("notify")), c.vars(), ctx.includeParams(), loc,
                ctx.role(), ctx.dir(), ctx.handlers(), List.copyOf(listen));
    }

    private static Loop loop(Map<String, Object> ds) {
        String with = null;
        for (String k : ds.keySet()) {
            if (!k.startsWith("with_")) continue;
            if (with != null) throw new SourceException("only one with_<lookup> loop per task", Raw.keyLoc(ds, k));
            with = k;
        }
        if (with != null && ds.containsKey("loop")) {
            throw new SourceException("the 'loop' and '" + with + "' keywords cannot be used together", Raw.keyLoc(ds, with));
        }
        Loop.Control control = control(ds);
        if (with != null) return new Loop(with.substring(5), ds.get(with), control);
        if (ds.containsKey("loop")) {
            Object items = ds.get("loop");
            if (items instanceof Map) {
                throw new SourceException("Invalid data passed to 'loop', it requires a list, got a mapping", Raw.valueLoc(ds, "loop"),
                        "to loop over a dict use  loop: \"{{ mydict | dict2items }}\"");
            }
            return new Loop(null, items, control);
        }
        if (ds.containsKey("loop_control")) {
            throw new SourceException("loop_control without a loop", Raw.keyLoc(ds, "loop_control"));
        }
        return null;
    }

    private static Loop.Control control(Map<String, Object> ds) {
        if (!ds.containsKey("loop_control")) return Loop.Control.DEFAULT;
        Map<String, Object> lc = Raw.map(ds.get("loop_control"), "loop_control", Raw.keyLoc(ds, "loop_control"));
        Raw.onlyKeys(lc, Keys.LOOP_CONTROL, "loop_control");
        return new Loop.Control(lc.get("loop_var"), lc.get("index_var"), lc.get("label"), lc.get("pause"), lc.get("extended"));
    }
}
