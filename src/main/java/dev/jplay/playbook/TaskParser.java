package dev.jplay.playbook;

import dev.jplay.data.KeyValue;
import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.ArgumentException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.python.AnsibleNames;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.template.Templar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns one task mapping into a {@link Task}: finds the action (module key, {@code action:}, {@code local_action:}),
 * reads its arguments as Ansible's ModuleArgsParser does ({@link ActionArgs}), reads loops and the other keywords,
 * and checks the arguments against the module's spec (values that are still templates are checked at run time).
 * Mistakes Ansible finds while loading are thrown; those it finds only when the task runs (an unknown module, bad
 * arguments) become the task's {@link Task#problems() problems}.
 */
final class TaskParser {
    /**
     * The action of a task as found in its mapping: {@code module} is the module's canonical name, or the name as
     * written when no module has it ({@code problem} says so) or when it is a template.
     */
    record Action(String key, String module, String written, Map<String, Object> args, Loc loc, boolean local,
                  Map<String, Object> located, SourceException problem) {}

    private final ModuleRegistry registry;
    private final Supplier<String> ids;
    private final Consumer<String> warn;

    private final TemplateChecks checks;
    private final Templar templar;

    TaskParser(ModuleRegistry registry, Supplier<String> ids, Consumer<String> warn, TemplateChecks checks, Templar templar) {
        this.registry = registry;
        this.ids = ids;
        this.warn = warn;
        this.checks = checks;
        this.templar = templar;
    }

    Action action(Map<String, Object> ds) {
        return action(ds, List.of());
    }

    /** The task's action; short module names are looked up in {@code collections} first (the play's, role's or task's). */
    Action action(Map<String, Object> ds, List<String> collections) {
        return action(ds, collections, null);
    }

    /** As {@link #action(Map, List)} for a task of {@code role} (null: none), whose plugin directories Ansible searches too. */
    Action action(Map<String, Object> ds, List<String> collections, RoleContext role) {
        List<String> candidates = new ArrayList<>();
        for (String k : ds.keySet()) if (!Keys.TASK.contains(k) && !k.startsWith("with_")) candidates.add(k);
        if (ds.containsKey("action") && ds.containsKey("local_action")) {
            throw new SourceException("action and local_action are mutually exclusive", Raw.keyLoc(ds, "local_action"));
        }
        String direct = ds.containsKey("action") ? "action" : ds.containsKey("local_action") ? "local_action" : null;
        if (direct != null) {
            if (!candidates.isEmpty()) rejectUnknown(ds, candidates, direct);
            return fromActionKeyword(ds, direct, collections);
        }
        if (candidates.isEmpty()) {
            throw new SourceException("no module/action detected in task.", Raw.loc(ds),
                    "a task needs exactly one module, e.g.  - ansible.builtin.debug: msg=hello");
        }
        if (candidates.size() > 1) rejectUnknown(ds, candidates, null);
        String key = candidates.get(0);
        Loc loc = Raw.keyLoc(ds, key);
        Module m = find(key, collections);
        if (m == null) {
            SourceException unknown = unknownModule(key, loc, Kind.PARSE);
            if (!ansibleResolves(key, collections) && !inRolePlugins(key, role)) throw unknown; // Ansible's load error, whether or not the task runs
            return new Action(key, key, key, ActionArgs.unparsed(ds.get(key)), loc, false, Map.of(), unknown);
        }
        Map<String, Object> args = ActionArgs.read(m.spec().name(), ds.get(key), ds, key, false);
        return new Action(key, m.spec().name(), key, args, loc, false, located(ds.get(key), ds), null);
    }

    /** {@code action: copy src=a dest=b}, {@code local_action: {module: copy, src: a}}, {@code action: "{{ module }}"}. */
    private Action fromActionKeyword(Map<String, Object> ds, String key, List<String> collections) {
        Object v = ds.get(key);
        Loc loc = Raw.valueLoc(ds, key);
        String name = ActionArgs.moduleOf(v, ds, key);
        Module m = Templar.isTemplate(name) ? null : find(name, collections);
        String canonical = m != null ? m.spec().name() : name;
        Map<String, Object> args = ActionArgs.read(canonical, v, ds, key, true);
        SourceException problem = m == null && !Templar.isTemplate(name) ? unknownModule(name, loc, Kind.TASK) : null;
        return new Action(key, canonical, name, args, loc, key.equals("local_action"), located(v, ds), problem);
    }

    /** The module {@code name} names, looked up in {@code collections} first when it is a short name; null when none has it. */
    private Module find(String name, List<String> collections) {
        if (!name.contains(".")) {
            for (String c : collections) {
                if (c.equals("ansible.builtin") || c.equals("ansible.legacy")) break;
                Module inCollection = registry.find(c + "." + name);
                if (inCollection != null) return inCollection;
            }
        }
        return registry.find(name);
    }

    /** Would Ansible resolve the action {@code name} (a module or action plugin jplay may lack), under {@code collections}? */
    private boolean ansibleResolves(String name, List<String> collections) {
        if (registry.ansibleResolves(name)) return true;
        if (name.contains(".")) return false;
        for (String c : collections) if (registry.ansibleResolves(c + "." + name)) return true;
        return false;
    }

    /** Is {@code name} a file in the {@code library/} or {@code action_plugins/} of {@code role} or a role above it? */
    private static boolean inRolePlugins(String name, RoleContext role) {
        if (role == null || name.contains(".")) return false;
        List<Role> roles = new ArrayList<>(role.parents());
        roles.add(role.role());
        for (Role r : roles) {
            for (String sub : List.of("library", "action_plugins")) if (AnsibleNames.hasFile(r.dir().resolve(sub), name)) return true;
        }
        return false;
    }

    /** The mapping whose keys locate argument errors: the inline argument mapping, else {@code args:}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> located(Object raw, Map<String, Object> ds) {
        if (raw instanceof Map<?, ?> m) return (Map<String, Object>) m;
        return ds.get("args") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
    }

    /**
     * Ansible's "couldn't resolve module/action": as a {@code module:} key it is a load error in Ansible (exit 4),
     * named by {@code action:} a task failure (exit 2). A module key that Ansible would not resolve either is thrown
     * while loading; one Ansible resolves but jplay lacks fails the task when it runs.
     */
    private SourceException unknownModule(String name, Loc loc, Kind kind) {
        String hint = Keys.closest(name, Keys.TASK).map(k -> "'" + k + "' is a task keyword; did you mean it?")
                .orElseGet(() -> {
                    List<String> s = registry.suggest(name);
                    return s.isEmpty() ? "check the spelling, or put external modules in modules/ or library/"
                            : "did you mean " + String.join(" or ", s.stream().map(x -> "'" + x + "'").toList()) + "?";
                });
        return new SourceException("couldn't resolve module/action '" + name + "'. This often indicates a misspelling, "
                + "missing collection, or incorrect module path.", loc, hint, null, kind);
    }

    /** Several non-keyword keys: name the one that is neither a module nor allowed, or report the conflict. */
    private void rejectUnknown(Map<String, Object> ds, List<String> candidates, String actionKeyword) {
        for (String k : candidates) {
            if (!registry.knows(k)) {
                String hint = Keys.closest(k, Keys.TASK).map(s -> "did you mean '" + s + "'?").orElse(null);
                throw new SourceException("'" + k + "' is not a valid attribute for a Task, nor a known module",
                        Raw.keyLoc(ds, k), hint);
            }
        }
        List<String> all = new ArrayList<>();
        if (actionKeyword != null) all.add(actionKeyword);
        all.addAll(candidates);
        throw new SourceException("conflicting action statements: " + String.join(", ", all),
                Raw.keyLoc(ds, candidates.get(candidates.size() - 1)), "a task runs exactly one module; split this into two tasks");
    }

    /** The static argument check against the spec (templated values wait for run time): a problem, or null. */
    SourceException checkArgs(Action a) {
        if (a.problem() != null) return a.problem();
        Module m = registry.find(a.module());
        if (m == null) return null; // a templated action: checked when its name is known
        if (a.args().containsKey(ActionArgs.VARIABLE)) return null; // arguments from a template: checked when it is rendered
        try {
            ArgConverter.check(m.spec(), a.args());
            if (a.module().equals("set_fact")) {
                SourceException bad = SetFactCheck.check(a);
                if (bad != null) return bad;
            }
            if ((a.module().equals("command") || a.module().equals("shell")) && noCommand(a.args())) {
                return new ReportedByRun("no command given", a.loc(), "e.g.  " + a.module() + ": echo hello");
            }
            return null;
        } catch (ArgumentException e) {
            Loc loc = e.param() != null ? dev.jplay.source.YamlMap.locOf(a.located(), e.param(), a.loc()) : a.loc();
            if (a.module().equals("meta") && "_raw_params".equals(e.param())) {
                return new SourceException("invalid meta action requested: " + Py.str(a.args().get("_raw_params")), loc,
                        "see: jplay doc meta", null, Kind.ERROR);
            }
            return new SourceException(e.getMessage(), loc, hintFor(m.spec(), e), null, Kind.TASK);
        }
    }

    private static boolean noCommand(Map<String, Object> args) {
        for (String k : List.of("_raw_params", "cmd", "argv")) {
            Object v = args.get(k);
            if (v != null && !(v instanceof CharSequence s && s.toString().isBlank()) && !(v instanceof List<?> l && l.isEmpty())) return false;
        }
        return true;
    }

    private static String hintFor(ModuleSpec spec, ArgumentException e) {
        if (e.param() == null || spec.paramsByName().containsKey(e.param())) return "see: jplay doc " + spec.name();
        return Keys.closest(e.param(), spec.paramsByName().keySet()).map(s -> "did you mean '" + s + "'?")
                .orElse("see: jplay doc " + spec.name());
    }

    /** Builds the task from its mapping under {@code ctx}; {@code problems} are the ones found so far. */
    Task task(Map<String, Object> ds, Action a, LoadContext ctx, List<SourceException> problems) {
        boolean include = a.module().equals("include_tasks") || a.module().equals("include_role");
        if (include) {
            for (String k : ds.keySet()) {
                if (k.equals(a.key()) || Keys.INCLUDE.contains(k) || k.startsWith("with_")) continue;
                throw new SourceException("'" + k + "' is not a valid attribute for a " + (a.module().equals("include_role")
                        ? "IncludeRole" : "TaskInclude") + " (a dynamic include runs once per host; put keywords for the "
                        + "included tasks under 'apply:')", Raw.keyLoc(ds, k));
            }
        }
        Loc loc = Raw.loc(ds);
        List<SourceException> all = new ArrayList<>(ctx.problems());
        all.addAll(problems);
        all.addAll(KeywordValues.check(ds));
        Keywords.environmentWarnings(ds, warn);
        Keywords own = Keywords.from(ds);
        if (a.local()) own = own.with("delegate_to", "localhost");
        for (String k : Keywords.TASK_ONLY) if (ds.get(k) != null) own = own.with(k, ds.get(k));
        String register = ds.get("register") == null ? null : Py.str(ds.get("register"));
        if (register != null && !Templar.isTemplate(register) && !Raw.isVariableName(register)) {
            throw new SourceException("Invalid variable name in 'register' specified: '" + register + "'", Raw.valueLoc(ds, "register"),
                    "use letters, digits and underscores, starting with a letter", null, Kind.ERROR);
        }
        Map<String, Object> vars = Raw.vars(ds, "Task");
        if (a.module().equals("include")) vars = oldIncludeVars(a, vars);
        LoadContext c = include
                ? ctx.withKeywords(own.under(ctx.keywords())).child(Keywords.NONE, Raw.list(ds.get("when")),
                        Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")), vars)
                : ctx.child(own, Raw.list(ds.get("when")), Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")), vars);
        List<String> listen = new ArrayList<>();
        if (ds.containsKey("listen")) {
            if (!ctx.handlers()) throw new SourceException("'listen' is not a valid attribute for a Task", Raw.keyLoc(ds, "listen"),
                    "'listen' is only valid on handlers");
            for (Object o : Raw.list(ds.get("listen"))) listen.add(Py.str(o));
        }
        String name = ds.get("name") == null ? null : Py.str(ds.get("name"));
        Loops.Read loop = Loops.read(ds);
        if (loop.problem() != null) all.add(loop.problem());
        if (loop.loop() != null && loop.loop().with() != null && !templar.has(dev.jplay.template.TemplateCheck.Kind.LOOKUP, loop.loop().with())) {
            String with = loop.loop().with();
            SourceException e = new SourceException("'with_" + with + "' is not a valid attribute for a Task: there is no lookup named '"
                    + with + "'", Raw.keyLoc(ds, "with_" + with), "use loop: or a with_<lookup> jplay knows", null, Kind.PARSE);
            if (!with.contains(".") && !Keys.ANSIBLE_LOOKUPS.contains(with)) throw e; // unknown to Ansible too: its load error
            all.add(e); // a lookup jplay lacks: the task fails if it runs
        }
        all.addAll(checks.task(ds, a, ctx));
        return new Task(ids.get(), name, a.module(), a.written(), a.args(), c.keywords(), c.when(), c.tags(), loop.loop(),
                register, Raw.list(ds.get("changed_when")), Raw.list(ds.get("failed_when")), Raw.list(ds.get("until")),
                ds.get("retries"), ds.get("delay"), Raw.list(c.keywords().get("notify")), c.vars(), ctx.includeParams(), loc,
                ctx.role(), ctx.dir(), ctx.handlers(), List.copyOf(listen), List.copyOf(all));
    }

    /** The arguments of an old-style {@code include} that are not vars of its tasks. */
    private static final Set<String> INCLUDE_ARGS = Set.of(KeyValue.RAW, "file", "apply");

    /**
     * {@code include: file.yml a=1}: {@code vars} and the k=v words, the vars of the included tasks (Ansible's old
     * include); the words are taken out of {@code a}'s args.
     */
    static Map<String, Object> oldIncludeVars(Action a, Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>(vars);
        for (var e : a.args().entrySet()) if (!INCLUDE_ARGS.contains(e.getKey())) out.put(e.getKey(), e.getValue());
        a.args().keySet().retainAll(INCLUDE_ARGS);
        return out;
    }
}
