package dev.jplay.playbook;

import dev.jplay.data.KeyValue;
import dev.jplay.data.Py;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.template.Templar;
import dev.jplay.source.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private final TemplateChecks checks;
    private final List<SourceException> advisories = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** {@code vault} decrypts vault-encrypted playbook, tasks and role files. */
    public PlaybookLoader(ModuleRegistry registry, List<Path> rolesPath, ImportRenderer renderer, Consumer<String> warn, Decrypter vault) {
        this(registry, rolesPath, renderer, warn, vault, new Templar());
    }

    /** As above; {@code templar} checks the templates (syntax, filter, test and lookup names) while loading. */
    public PlaybookLoader(ModuleRegistry registry, List<Path> rolesPath, ImportRenderer renderer, Consumer<String> warn, Decrypter vault,
                          Templar templar) {
        this(registry, new RolePaths(rolesPath, List.of()), renderer, warn, vault, templar);
    }

    /**
     * Where roles are found: the configured {@code roles_path}, and the {@code ansible_collections} directories
     * holding collection roles ({@code namespace.collection.role}), searched in order.
     */
    public record RolePaths(List<Path> rolesPath, List<Path> collections) {}

    /** As above, collection roles found in {@code roles}' collections. */
    public PlaybookLoader(ModuleRegistry registry, RolePaths roles, ImportRenderer renderer, Consumer<String> warn, Decrypter vault,
                          Templar templar) {
        this.warn = warn;
        this.checks = new TemplateChecks(templar, registry, advisories::add);
        TaskParser parser = new TaskParser(registry, this::nextId, warn, checks, templar);
        this.tree = new TreeLoader(parser, new RoleFinder(roles.rolesPath(), roles.collections()), renderer, warn, this::nextId, vault);
    }

    /** When the template a problem was found in is evaluated (see {@link TemplateChecks.Stage}). */
    TemplateChecks.Stage stage(SourceException problem) {
        return checks.stage(problem);
    }

    /** Template findings that fail only if evaluated (a var never used, a branch never taken): warnings before the run. */
    List<SourceException> advisories() {
        return List.copyOf(advisories);
    }

    private String nextId() {
        return "t" + ids.incrementAndGet();
    }

    /**
     * The playbook {@code file} (relative to {@code cwd}) as a normalized absolute path: a missing one, or one that is
     * not a file, is Ansible's error (exit 1), named as written.
     */
    public static Path playbookFile(Path file, Path cwd) {
        Path abs = cwd.resolve(file).toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new SourceException("the playbook: " + file + " could not be found", Loc.of(file.toString()), null, null, Kind.ERROR);
        }
        if (!Files.isRegularFile(abs)) {
            throw new SourceException("the playbook: " + file + " does not appear to be a file", Loc.of(file.toString()), null, null, Kind.ERROR);
        }
        return abs;
    }

    public Playbook load(Path file) {
        Path abs = playbookFile(file, Path.of(""));
        List<Play> plays = new ArrayList<>();
        loadInto(abs, Map.of(), Set.of(), List.of(), plays, List.of(), Loc.of(file.toString()));
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
        Playbook pb = new Playbook(file, List.of(play(play, file, Map.of(), Set.of(), List.of(), List.of(file.toString()))));
        Validation.check(List.of(pb), this, Validation.Reach.ALL, warn);
        return pb;
    }

    private void loadInto(Path file, Map<String, Object> importVars, Set<String> importTags, List<Object> importWhen,
                          List<Play> plays, List<String> chain, Loc from) {
        if (chain.contains(file.toString())) {
            throw new SourceException("import_playbook loop: " + String.join(" -> ", chain.subList(chain.indexOf(file.toString()), chain.size()))
                    + " -> " + file, from, "a playbook cannot import itself, directly or not", null, Kind.ERROR);
        }
        if (chain.size() >= TreeLoader.MAX_DEPTH) {
            throw new SourceException("import_playbook nested more than " + TreeLoader.MAX_DEPTH + " levels deep (the limit)", from, null, null, Kind.ERROR);
        }
        List<String> inner = new ArrayList<>(chain);
        inner.add(file.toString());
        Object data = tree.yaml(file);
        Loc at = Loc.of(file.toString());
        if (data == null) throw new SourceException("Empty playbook, nothing to do: " + file, at);
        if (!(data instanceof List<?> entries)) {
            throw new SourceException("A playbook must be a list of plays, got " + Raw.kind(data) + " instead: " + file, at,
                    "start each play with '- hosts: ...'");
        }
        if (entries.isEmpty()) throw new SourceException("A playbook must contain at least one play: " + file, at);
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map)) {
                Loc itemAt = entries instanceof dev.jplay.source.YamlList yl ? yl.itemLoc(i) : at;
                throw new SourceException("playbook entries must be either valid plays or 'import_playbook' statements, got "
                        + Raw.kind(entries.get(i)), itemAt, "a play is a mapping, e.g.  - hosts: all");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> ds = (Map<String, Object>) entries.get(i);
            if (ds.containsKey("import_playbook") || ds.containsKey("ansible.builtin.import_playbook")) {
                importPlaybook(file, ds, importVars, importTags, importWhen, plays, inner);
            } else {
                plays.add(play(ds, file, importVars, importTags, importWhen, inner));
            }
        }
    }

    private void importPlaybook(Path file, Map<String, Object> ds, Map<String, Object> importVars, Set<String> importTags,
                                List<Object> importWhen, List<Play> plays, List<String> chain) {
        String key = ds.containsKey("import_playbook") ? "import_playbook" : "ansible.builtin.import_playbook";
        Raw.onlyKeys(ds, Keys.union(Keys.IMPORT_PLAYBOOK, Set.of(key)), "PlaybookInclude");
        Object raw = ds.get(key);
        if (raw == null) throw new SourceException("import_playbook needs a playbook file name", Raw.keyLoc(ds, key));
        List<String> words = ActionArgs.words(Py.str(raw), Raw.valueLoc(ds, key));
        String target = words.get(0);
        if (Templar.isTemplate(target)) {
            throw new SourceException("import_playbook paths cannot use templates here", Raw.valueLoc(ds, key));
        }
        Path p = file.getParent().resolve(target).normalize();
        if (!Files.isRegularFile(p)) {
            throw new SourceException("Unable to retrieve file contents: Could not find or access '" + target + "'",
                    Raw.valueLoc(ds, key), "searched: " + p, null, Kind.ERROR);
        }
        Map<String, Object> vars = new LinkedHashMap<>(importVars);
        vars.putAll(Raw.vars(ds, "PlaybookInclude"));
        for (String w : words.subList(1, words.size())) vars.putAll(KeyValue.parse(w, false));
        Set<String> tags = new LinkedHashSet<>(importTags);
        tags.addAll(Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")));
        List<Object> when = new ArrayList<>(importWhen);
        when.addAll(Raw.list(ds.get("when")));
        loadInto(p, vars, tags, when, plays, chain, Raw.keyLoc(ds, key));
    }

    private Play play(Map<String, Object> ds, Path file, Map<String, Object> importVars, Set<String> importTags, List<Object> importWhen,
                      List<String> chain) {
        Loc loc = Raw.loc(ds);
        PlayChecks.keys(ds);
        Object hosts = PlayChecks.hosts(ds);
        for (TemplateChecks.Finding f : checks.text(Py.str(hosts), Raw.valueLoc(ds, "hosts"))) {
            if (f.certain()) throw f.error().as(Kind.ERROR);
        }
        PlayChecks.values(ds, warn);
        Map<String, Object> vars = new LinkedHashMap<>(importVars);
        vars.putAll(Raw.vars(ds, "Play"));
        checks.vars(vars, Raw.valueLoc(ds, "vars"));
        Set<String> tags = new LinkedHashSet<>(importTags);
        tags.addAll(Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")));
        Keywords kw = Keywords.from(ds);
        if (ds.containsKey("user")) kw = kw.with("remote_user", ds.get("user"));
        Path dir = file.getParent();
        LoadContext base = LoadContext.play(kw, List.copyOf(importWhen), Set.copyOf(tags), dir, vars, KeywordValues.check(ds), chain);
        PlayParts parts = new PlayParts();
        List<TaskNode> pre = tree.tasks(ds.get("pre_tasks"), "pre_tasks", Raw.keyLoc(ds, "pre_tasks"), base, parts);
        List<TaskNode> roles = new ArrayList<>();
        if (ds.get("roles") != null && !(ds.get("roles") instanceof List)) {
            throw new SourceException("A malformed role declaration was encountered: 'roles' must be a list, got " + Raw.kind(ds.get("roles")),
                    Raw.valueLoc(ds, "roles"), "e.g.  roles: [common, web]");
        }
        for (Object entry : Raw.list(ds.get("roles"))) {
            RoleRequest req = RoleRequest.fromEntry(entry, Raw.keyLoc(ds, "roles"), true);
            LoadContext rc = req.entry() == null ? base : TreeLoader.entryContext(req.entry(), base);
            roles.addAll(tree.role(req.rendered(tree.render(req.name(), base, req.loc())), rc, parts).nodes());
        }
        List<TaskNode> tasks = tree.tasks(ds.get("tasks"), "tasks", Raw.keyLoc(ds, "tasks"), base, parts);
        List<TaskNode> post = tree.tasks(ds.get("post_tasks"), "post_tasks", Raw.keyLoc(ds, "post_tasks"), base, parts);
        List<Task> handlers = new ArrayList<>(parts.roleHandlers);
        for (TaskNode n : tree.tasks(ds.get("handlers"), "handlers", Raw.keyLoc(ds, "handlers"), base.asHandlers(true), parts)) {
            TreeLoader.flattenHandlers(n, handlers);
        }
        VarsFilesCheck.check(ds, dir, tree::yaml);
        return new Play(nextId(), ds.get("name"), hosts, loc, kw, Set.copyOf(tags), List.copyOf(importWhen), vars,
                Raw.list(ds.get("vars_files")), prompts(ds), ds.get("gather_facts"), ds.get("gather_subset"), ds.get("serial"),
                ds.get("max_fail_percentage"), ds.get("strategy"), ds.get("order"), ds.get("force_handlers"), pre, roles, tasks,
                post, List.copyOf(handlers), List.copyOf(parts.roles), dir, file);
    }

    private static List<VarsPrompt> prompts(Map<String, Object> ds) {
        List<VarsPrompt> out = new ArrayList<>();
        for (Object o : Raw.listOfMaps(ds.get("vars_prompt"), "vars_prompt", Raw.keyLoc(ds, "vars_prompt"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) o;
            if (!p.containsKey("name")) { // Ansible's checks, in its order: the name first, then unknown keys
                throw new SourceException("Invalid vars_prompt data structure, missing 'name' key", Raw.loc(p));
            }
            for (String k : p.keySet()) {
                if (!Keys.VARS_PROMPT.contains(k)) {
                    throw new SourceException("Invalid vars_prompt data structure, found unsupported key '" + k + "'", Raw.keyLoc(p, k),
                            "a vars_prompt entry takes " + String.join(", ", new java.util.TreeSet<>(Keys.VARS_PROMPT)));
                }
            }
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
        return tree.includeAtRunTime(file, contextOf(include).withIncludeParams(params), include.loc());
    }

    /** The tasks a literal dynamic include loads, as loaded before the run (null when not known before the run). */
    List<TaskNode> preloaded(Task include) {
        return tree.preloaded.get(include.id());
    }

    /** Why a literal dynamic include cannot be loaded before the run (its file or role does not exist yet), or null. */
    SourceException unresolved(Task include) {
        return tree.unresolved.get(include.id());
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
        TreeLoader.LoadedRole loaded = tree.role(req, ctx, parts, true);
        return new IncludedRole(loaded.nodes(), List.copyOf(parts.roleHandlers), loaded.role(), req.publicVars());
    }

    private LoadContext contextOf(Task include) {
        LoadContext ctx = tree.includeContexts.get(include.id());
        if (ctx == null) throw new IllegalStateException("task " + include.id() + " is not an include of this playbook");
        return ctx;
    }
}
