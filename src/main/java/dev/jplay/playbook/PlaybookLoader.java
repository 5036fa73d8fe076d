package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Loads a playbook and everything it pulls in statically (imports, roles, role dependencies), validating as it
 * goes: YAML, keywords, actions, module arguments, files of imports and literal includes, handler references.
 * The first error is thrown as a {@link SourceException} with file:line:col, before any host is contacted.
 * The same loader then serves the run's dynamic includes ({@link #includeTasks}, {@link #includeRole}).
 */
public final class PlaybookLoader {
    private final TreeLoader tree;
    private final Consumer<String> warn;
    private final AtomicInteger ids = new AtomicInteger();

    /** {@code vault} decrypts vault-encrypted playbook, tasks and role files. */
    public PlaybookLoader(ModuleRegistry registry, List<Path> rolesPath, ImportRenderer renderer, Consumer<String> warn, Decrypter vault) {
        this.warn = warn;
        TaskParser parser = new TaskParser(registry, this::nextId);
        this.tree = new TreeLoader(parser, new RoleFinder(rolesPath), renderer, warn, this::nextId, vault);
    }

    private String nextId() {
        return "t" + ids.incrementAndGet();
    }

    public Playbook load(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new SourceException("the playbook: " + file + " could not be found", Loc.of(file.toString()));
        }
        List<Play> plays = new ArrayList<>();
        loadInto(abs, Map.of(), Set.of(), List.of(), plays, new HashSet<>(), Loc.of(file.toString()));
        return new Playbook(abs, List.copyOf(plays));
    }

    /**
     * The one-task play of an ad-hoc command ({@code jplay adhoc PATTERN -m MODULE -a ARGS}), built and validated
     * like a playbook: {@code args} is {@code k=v} / free-form text, or a JSON object when it is enclosed in braces.
     */
    public Playbook adhoc(String pattern, String module, String args, Path cwd) {
        return adhoc(pattern, module, args, cwd, Map.of());
    }

    /** An ad-hoc play whose task also has {@code taskKeywords} (the console's {@code register: _}). */
    public Playbook adhoc(String pattern, String module, String args, Path cwd, Map<String, Object> taskKeywords) {
        Object parsed = args == null ? null : args.strip();
        if (parsed instanceof String s && s.startsWith("{") && s.endsWith("}")) {
            try {
                parsed = dev.jplay.data.Json.parse(s);
            } catch (IllegalArgumentException e) {
                parsed = s;
            }
        }
        Map<String, Object> task = new LinkedHashMap<>();
        task.put(module, parsed);
        task.putAll(taskKeywords);
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("name", "Ansible Ad-Hoc");
        play.put("hosts", pattern);
        play.put("gather_facts", false);
        play.put("tasks", List.of(task));
        Path file = cwd.toAbsolutePath().resolve("__adhoc_playbook__");
        return new Playbook(file, List.of(play(play, file, Map.of(), Set.of(), List.of())));
    }

    private void loadInto(Path file, Map<String, Object> importVars, Set<String> importTags, List<Object> importWhen,
                          List<Play> plays, Set<Path> stack, Loc from) {
        if (!stack.add(file)) throw new SourceException("import_playbook loop: " + file + " imports itself", from);
        Object data = tree.yaml(file);
        if (data == null) throw new SourceException("Empty playbook, nothing to do: " + file, Loc.of(file.toString()));
        for (Object o : Raw.listOfMaps(data, "a playbook", Loc.of(file.toString()))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ds = (Map<String, Object>) o;
            if (ds.containsKey("import_playbook") || ds.containsKey("ansible.builtin.import_playbook")) {
                importPlaybook(file, ds, importVars, importTags, importWhen, plays, stack);
            } else {
                plays.add(play(ds, file, importVars, importTags, importWhen));
            }
        }
        stack.remove(file);
    }

    private void importPlaybook(Path file, Map<String, Object> ds, Map<String, Object> importVars, Set<String> importTags,
                                List<Object> importWhen, List<Play> plays, Set<Path> stack) {
        String key = ds.containsKey("import_playbook") ? "import_playbook" : "ansible.builtin.import_playbook";
        Raw.onlyKeys(ds, Keys.union(Keys.IMPORT_PLAYBOOK, Set.of(key)), "import_playbook");
        String target = Py.str(ds.get(key));
        if (dev.jplay.template.Templar.isTemplate(target)) {
            throw new SourceException("import_playbook paths cannot use templates here", Raw.valueLoc(ds, key));
        }
        Path p = file.getParent().resolve(target).normalize();
        if (!Files.isRegularFile(p)) throw new SourceException("the playbook: " + target + " could not be found", Raw.valueLoc(ds, key));
        Map<String, Object> vars = new LinkedHashMap<>(importVars);
        vars.putAll(Raw.map(ds.get("vars"), "vars", Raw.keyLoc(ds, "vars")));
        Set<String> tags = new LinkedHashSet<>(importTags);
        tags.addAll(Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")));
        List<Object> when = new ArrayList<>(importWhen);
        when.addAll(Raw.list(ds.get("when")));
        loadInto(p, vars, tags, when, plays, stack, Raw.keyLoc(ds, key));
    }

    private Play play(Map<String, Object> ds, Path file, Map<String, Object> importVars, Set<String> importTags, List<Object> importWhen) {
        Loc loc = Raw.loc(ds);
        for (String k : ds.keySet()) {
            if (Keys.PLAY.contains(k)) continue;
            String hint = Keys.closest(k, Keys.PLAY).map(s -> "did you mean '" + s + "'?")
                    .orElse(Keys.TASK.contains(k) || k.contains(".") ? "tasks go under 'tasks:' in a play" : null);
            throw new SourceException("'" + k + "' is not a valid attribute for a Play", Raw.keyLoc(ds, k), hint);
        }
        if (ds.get("hosts") == null) {
            throw new SourceException("the field 'hosts' is required but was not set", loc, "e.g.  hosts: all");
        }
        Object hosts = ds.get("hosts") instanceof List<?> l ? String.join(",", l.stream().map(Py::str).toList()) : ds.get("hosts");
        Map<String, Object> vars = new LinkedHashMap<>(importVars);
        vars.putAll(Raw.map(ds.get("vars"), "vars", Raw.keyLoc(ds, "vars")));
        Set<String> tags = new LinkedHashSet<>(importTags);
        tags.addAll(Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")));
        Keywords kw = Keywords.from(ds);
        Path dir = file.getParent();
        LoadContext base = new LoadContext(kw, List.copyOf(importWhen), Set.copyOf(tags), Map.of(), null, dir, false, Map.of(), vars, dir);
        PlayParts parts = new PlayParts();
        List<TaskNode> pre = tree.tasks(ds.get("pre_tasks"), "pre_tasks", Raw.keyLoc(ds, "pre_tasks"), base, parts);
        List<TaskNode> roles = new ArrayList<>();
        for (Object entry : Raw.list(ds.get("roles"))) {
            RoleRequest req = RoleRequest.fromEntry(entry, Raw.keyLoc(ds, "roles"), true);
            LoadContext rc = req.entry() == null ? base : TreeLoader.entryContext(req.entry(), base);
            String name = dev.jplay.template.Templar.isTemplate(req.name()) ? tree.renderName(req.name(), base, req.loc()) : req.name();
            roles.addAll(tree.role(req.rendered(name), rc, parts).nodes());
        }
        List<TaskNode> tasks = tree.tasks(ds.get("tasks"), "tasks", Raw.keyLoc(ds, "tasks"), base, parts);
        List<TaskNode> post = tree.tasks(ds.get("post_tasks"), "post_tasks", Raw.keyLoc(ds, "post_tasks"), base, parts);
        List<Task> handlers = new ArrayList<>(parts.roleHandlers);
        for (TaskNode n : tree.tasks(ds.get("handlers"), "handlers", Raw.keyLoc(ds, "handlers"), base.asHandlers(true), parts)) {
            TreeLoader.flattenHandlers(n, handlers);
        }
        Play play = new Play(nextId(), ds.get("name"), hosts, loc, kw, Set.copyOf(tags), List.copyOf(importWhen), vars,
                Raw.list(ds.get("vars_files")), prompts(ds), ds.get("gather_facts"), ds.get("gather_subset"), ds.get("serial"),
                ds.get("max_fail_percentage"), ds.get("strategy"), ds.get("order"), ds.get("force_handlers"), pre, roles, tasks,
                post, List.copyOf(handlers), List.copyOf(parts.roles), dir, file);
        HandlerCheck.check(play);
        return play;
    }

    private static List<VarsPrompt> prompts(Map<String, Object> ds) {
        List<VarsPrompt> out = new ArrayList<>();
        for (Object o : Raw.listOfMaps(ds.get("vars_prompt"), "vars_prompt", Raw.keyLoc(ds, "vars_prompt"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) o;
            Raw.onlyKeys(p, Keys.VARS_PROMPT, "vars_prompt entry");
            if (p.get("name") == null) throw new SourceException("vars_prompt entries need a 'name'", Raw.loc(p));
            String name = Py.str(p.get("name"));
            out.add(new VarsPrompt(name, p.get("prompt") == null ? null : Py.str(p.get("prompt")),
                    p.get("private") == null || dev.jplay.modules.ArgConverter.toBool(p.get("private")), p.get("default"),
                    Boolean.TRUE.equals(p.get("confirm")), p.get("encrypt"), p.get("salt"), p.get("salt_size"),
                    Boolean.TRUE.equals(p.get("unsafe"))));
        }
        return out;
    }

    /** The tasks of an {@code include_tasks} loaded at run time, and the file they came from. */
    public record IncludedTasks(Path file, List<TaskNode> tasks) {}

    /** Loads the tasks of a dynamic {@code include_tasks} for run time; {@code params} are the include's vars. */
    public IncludedTasks includeTasks(Task include, String file, Map<String, Object> params) {
        LoadContext ctx = contextOf(include).withIncludeParams(params);
        Path p = tree.resolveTaskFile(file, ctx, include.loc());
        return new IncludedTasks(p.toAbsolutePath(), tree.file(p, ctx, new PlayParts()));
    }

    /**
     * A role loaded by {@code include_role} at run time: its blocks and handlers, the role (for deduplication of its
     * handlers), and whether it was made public (its vars and defaults then join the play's).
     */
    public record IncludedRole(List<TaskNode> tasks, List<Task> handlers, Role role, boolean publicVars) {}

    /**
     * Loads a role for {@code include_role} with rendered arguments; {@code params} are the include's loop variables
     * (include params), which with the task's vars also become the role's vars and identity, as in Ansible.
     */
    public IncludedRole includeRole(Task include, Map<String, Object> args, Map<String, Object> params) {
        LoadContext ctx = contextOf(include).withIncludeParams(params);
        Map<String, Object> vars = new LinkedHashMap<>(include.vars());
        vars.putAll(params);
        RoleRequest req = RoleRequest.fromArgs(args, vars, include.loc(), false);
        PlayParts parts = new PlayParts();
        TreeLoader.LoadedRole loaded = tree.role(req, ctx, parts);
        return new IncludedRole(loaded.nodes(), List.copyOf(parts.roleHandlers), loaded.role(), req.publicVars());
    }

    private LoadContext contextOf(Task include) {
        LoadContext ctx = tree.includeContexts.get(include.id());
        if (ctx == null) throw new IllegalStateException("task " + include.id() + " is not an include of this playbook");
        return ctx;
    }

    Consumer<String> warnings() {
        return warn;
    }
}
