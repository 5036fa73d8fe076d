package dev.jplay.playbook;

import dev.jplay.data.KeyValue;
import dev.jplay.data.Py;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.source.Yaml;
import dev.jplay.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Loads task lists: tasks, blocks, static imports ({@code import_tasks}, {@code import_role}) expanded in place,
 * dynamic includes kept as tasks (their files are parsed once here when their path is literal, so errors show
 * before any host is contacted: as problems of the include, since Ansible meets them only if the include runs),
 * and roles with their dependencies. Cycles of imports and role dependencies are errors naming the chain; an
 * include that includes itself is loaded at run time, at most {@link #MAX_DEPTH} levels deep.
 */
final class TreeLoader {
    /** How deep imports, includes and role dependencies may nest (a deeper chain is an error naming it). */
    static final int MAX_DEPTH = 100;

    private final TaskParser parser;
    private final RoleFinder roleFinder;
    private final ImportRenderer renderer;
    private final Consumer<String> warn;
    private final Supplier<String> ids;
    /** For each dynamic include task: what the tasks it loads at run time inherit. */
    final Map<String, LoadContext> includeContexts = new ConcurrentHashMap<>();
    /** For each dynamic include task with a literal target: its tasks as loaded now (for validation). */
    final Map<String, List<TaskNode>> preloaded = new ConcurrentHashMap<>();
    /**
     * For each dynamic include whose literal target does not exist yet: why (a warning, never an error before the run:
     * an earlier task may create the file, as Ansible allows).
     */
    final Map<String, SourceException> unresolved = new ConcurrentHashMap<>();
    private final Map<Path, Object> parsed = new ConcurrentHashMap<>();
    private final Decrypter vault;

    TreeLoader(TaskParser parser, RoleFinder roleFinder, ImportRenderer renderer, Consumer<String> warn, Supplier<String> ids,
               Decrypter vault) {
        this.vault = vault;
        this.parser = parser;
        this.roleFinder = roleFinder;
        this.renderer = renderer;
        this.warn = warn;
        this.ids = ids;
    }

    Object yaml(Path file) {
        return parsed.computeIfAbsent(file.toAbsolutePath().normalize(), f -> Yaml.load(f, vault, warn));
    }

    List<TaskNode> tasks(Object raw, String what, Loc loc, LoadContext ctx, PlayParts parts) {
        List<TaskNode> out = new ArrayList<>();
        for (Object o : Raw.tasks(raw, what, loc)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ds = (Map<String, Object>) o;
            TaskNode n = node(ds, ctx, parts);
            if (n != null) out.add(n);
        }
        return out;
    }

    /** A tasks file: a list of tasks (an empty file is an empty list). */
    List<TaskNode> file(Path file, LoadContext ctx, PlayParts parts) {
        return file(file, ctx, parts, Kind.PARSE);
    }

    /** As {@link #file(Path, LoadContext, PlayParts)}; a file that is not a list is an error of {@code kind}. */
    private List<TaskNode> file(Path file, LoadContext ctx, PlayParts parts, Kind kind) {
        Object data = yaml(file);
        if (data == null) return List.of();
        if (!(data instanceof List)) {
            throw new SourceException("included task files must contain a list of tasks", Yaml.rootLoc(file, vault),
                    "start each task with '- '", null, kind);
        }
        return tasks(data, "a tasks file", Loc.of(file.toString()), ctx.inDir(file.toAbsolutePath().getParent()), parts);
    }

    private TaskNode node(Map<String, Object> ds, LoadContext ctx, PlayParts parts) {
        if (ds.containsKey("block")) return block(ds, ctx, parts);
        if (ds.containsKey("import_playbook")) {
            throw new SourceException("import_playbook can only be used at the top level of a playbook", Raw.keyLoc(ds, "import_playbook"));
        }
        for (String k : List.of("rescue", "always")) {
            if (ds.containsKey(k)) throw new SourceException("'" + k + "' is only valid in a block", Raw.keyLoc(ds, k),
                    "put the tasks under 'block:' and add '" + k + ":' beside it");
        }
        TaskParser.Action a = parser.action(ds, collections(ds, ctx), ctx.role());
        switch (a.module()) {
            case "import_tasks":
                return importTasks(ds, a, ctx, parts);
            case "import_role":
                return importRole(ds, a, ctx, parts);
            case "include":
                warn.accept("\"include\" is deprecated, use include_tasks/import_tasks instead (" + a.loc() + ")");
                if (isStatic(ds, a, ctx)) return includeStatically(ds, a, ctx, parts);
                break;
            default:
                break;
        }
        List<SourceException> problems = new ArrayList<>();
        SourceException argProblem = parser.checkArgs(a);
        if (argProblem != null) {
            if (Keys.LOADED_DIRECTIVES.contains(a.module())) throw argProblem.as(Kind.PARSE); // Ansible checks these while loading
            problems.add(argProblem);
        }
        Task t = parser.task(ds, a, ctx, problems);
        return t.isInclude() ? registerInclude(t, ds, ctx) : t;
    }

    private Block block(Map<String, Object> ds, LoadContext ctx, PlayParts parts) {
        Raw.onlyKeys(ds, Keys.BLOCK, "Block");
        for (String k : List.of("block", "rescue", "always")) {
            if (ds.get(k) != null && !(ds.get(k) instanceof List)) {
                throw new SourceException("A malformed block was encountered while loading a block: '" + k + "' must be a list of tasks, got "
                        + Raw.kind(ds.get(k)), Raw.valueLoc(ds, k), "start each task with '- '");
            }
        }
        LoadContext c = ctx.child(Keywords.from(ds), Raw.list(ds.get("when")), Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")),
                Raw.vars(ds, "Block"), KeywordValues.check(ds));
        Keywords.environmentWarnings(ds, warn);
        Loc loc = Raw.loc(ds);
        return new Block(ids.get(), ds.get("name") == null ? null : Py.str(ds.get("name")),
                tasks(ds.get("block"), "block", Raw.keyLoc(ds, "block"), c, parts),
                tasks(ds.get("rescue"), "rescue", Raw.keyLoc(ds, "rescue"), c, parts),
                tasks(ds.get("always"), "always", Raw.keyLoc(ds, "always"), c, parts), loc, ctx.role(), Block.Kind.BLOCK);
    }

    /** The context an import passes to the tasks it brings in: its keywords, conditions and tags, and {@code vars}. */
    private static LoadContext importContext(Map<String, Object> ds, Map<String, Object> vars, LoadContext ctx) {
        return ctx.child(Keywords.from(ds), Raw.list(ds.get("when")), Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")), vars,
                KeywordValues.check(ds));
    }

    /** The context of a role entry: its keywords, conditions and tags (its other keys are role params). */
    static LoadContext entryContext(Map<String, Object> entry, LoadContext ctx) {
        return ctx.child(Keywords.from(entry), Raw.list(entry.get("when")), Raw.tags(entry.get("tags"), Raw.keyLoc(entry, "tags")),
                Map.of(), KeywordValues.check(entry));
    }

    private Block importTasks(Map<String, Object> ds, TaskParser.Action a, LoadContext ctx, PlayParts parts) {
        Raw.onlyKeys(ds, Keys.union(Keys.TASK, java.util.Set.of(a.key())), "Task");
        noLoop(ds, a);
        LoadContext outer = importContext(ds, Raw.vars(ds, "Task"), ctx);
        SourceException bad = parser.checkArgs(a);
        if (bad != null) throw bad.as(Kind.PARSE);
        String name = fileArg(a);
        Path file = importedFile(render(name, ctx, a.loc()), ctx, a.loc());
        String link = file.toString();
        LoadContext inner = enter(outer, link, a.loc(), a.module() + " loop");
        return new Block(ids.get(), null, file(file, inner, parts), List.of(), List.of(), a.loc(), ctx.role(),
                Block.Kind.IMPORT);
    }

    /**
     * Whether an old-style {@code include} is static, as Ansible decides: its file is literal, it has no loop, and no
     * dynamic include is above it.
     */
    private static boolean isStatic(Map<String, Object> ds, TaskParser.Action a, LoadContext ctx) {
        Object f = Task.includeFile(a.args());
        if (ctx.dynamic() || f == null || Templar.isTemplate(f)) return false;
        return ds.keySet().stream().noneMatch(k -> k.equals("loop") || k.startsWith("with_"));
    }

    /**
     * A static {@code include}: its tasks in place, as an import's, with its keywords, conditions and tags; its
     * {@code k=v} words are their vars and its own {@code vars} their include params (above set_fact), as in Ansible.
     */
    private Block includeStatically(Map<String, Object> ds, TaskParser.Action a, LoadContext ctx, PlayParts parts) {
        SourceException bad = parser.checkArgs(a);
        if (bad != null) throw bad.as(Kind.PARSE);
        Map<String, Object> own = Raw.vars(ds, "Task");
        Map<String, Object> vars = TaskParser.oldIncludeVars(a, own);
        Path file = importedFile(render(fileArg(a), ctx, a.loc()), ctx, a.loc());
        LoadContext c = importContext(ds, vars, ctx).withIncludeParams(own);
        return new Block(ids.get(), null, file(file, enter(c, file.toString(), a.loc(), "include loop"), parts), List.of(), List.of(),
                a.loc(), ctx.role(), Block.Kind.IMPORT);
    }

    private static void noLoop(Map<String, Object> ds, TaskParser.Action a) {
        for (String k : ds.keySet()) {
            if (k.equals("loop") || k.startsWith("with_")) {
                throw new SourceException("You cannot use loops on '" + a.module() + "' statements. You should use '"
                        + a.module().replace("import", "include") + "' instead.", Raw.keyLoc(ds, k));
            }
        }
    }

    /**
     * The context one level deeper, into {@code link}: a cycle (a file or role already being loaded above) is an
     * error naming the chain, and so is a chain deeper than {@link #MAX_DEPTH}.
     */
    private static LoadContext enter(LoadContext ctx, String link, Loc loc, String what) {
        if (ctx.chain().contains(link)) {
            throw new SourceException(what + ": " + ctx.chainText(link), loc, "a file or role cannot import itself, directly or not",
                    null, Kind.ERROR);
        }
        if (ctx.chain().size() >= MAX_DEPTH) {
            throw new SourceException("imports, includes and roles nested more than " + MAX_DEPTH + " levels deep (the limit): "
                    + ctx.chainText(link), loc, null, null, Kind.ERROR);
        }
        return ctx.via(link);
    }

    /** The file an import or include names: its free-form text, else its {@code file} (as Ansible's check_options). */
    private static String fileArg(TaskParser.Action a) {
        Object f = Task.includeFile(a.args());
        if (f == null) {
            throw new SourceException("No file specified for " + a.module(), a.loc(), "e.g.  " + a.module() + ": tasks/setup.yml");
        }
        return Py.str(f);
    }

    /** {@code text} rendered with the play's vars when it is a template (a name an import or role entry gives). */
    String render(String text, LoadContext ctx, Loc loc) {
        return Templar.isTemplate(text) ? renderer.render(text, ctx.playVars(), loc) : text;
    }

    /** A statically imported file: missing is an error here, as in Ansible ("Unable to retrieve file contents"). */
    private Path importedFile(String name, LoadContext ctx, Loc loc) {
        Path p = findTaskFile(name, ctx);
        if (p != null) return p;
        throw new SourceException("Unable to retrieve file contents: Could not find or access '" + name + "'", loc, searched(name, ctx),
                null, Kind.ERROR);
    }

    /**
     * Where an imported or included tasks file is: the role's tasks dir, the current file's dir, the role dir, then
     * (in a role) the playbook's directory.
     */
    Path resolveTaskFile(String name, LoadContext ctx, Loc loc) {
        Path p = findTaskFile(name, ctx);
        if (p != null) return p;
        throw notFound(name, ctx, loc);
    }

    /** A dynamic include's missing file: the task fails when it runs. */
    private static SourceException notFound(String name, LoadContext ctx, Loc loc) {
        return new SourceException("Could not find or access '" + name + "' on the Ansible Controller.", loc, searched(name, ctx), null,
                Kind.TASK);
    }

    private static String searched(String name, LoadContext ctx) {
        return "searched: " + String.join(", ", candidates(name, ctx).stream().map(Path::toString).toList());
    }

    private static Path findTaskFile(String name, LoadContext ctx) {
        for (Path c : candidates(name, ctx)) if (Files.isRegularFile(c)) return c.normalize();
        return null;
    }

    private static List<Path> candidates(String name, LoadContext ctx) {
        Path p = Path.of(name);
        List<Path> candidates = new ArrayList<>();
        if (p.isAbsolute()) {
            candidates.add(p);
        } else {
            if (ctx.role() != null) candidates.add(ctx.role().dir().resolve("tasks").resolve(name));
            if (ctx.dir() != null) candidates.add(ctx.dir().resolve(name));
            if (ctx.role() != null) candidates.add(ctx.role().dir().resolve(name));
            if (ctx.role() != null && ctx.playbookDir() != null) {  // as Ansible's search stack ends: the playbook's directory
                candidates.add(ctx.playbookDir().resolve("tasks").resolve(name));
                candidates.add(ctx.playbookDir().resolve(name));
            }
        }
        return candidates;
    }

    private Block importRole(Map<String, Object> ds, TaskParser.Action a, LoadContext ctx, PlayParts parts) {
        Raw.onlyKeys(ds, Keys.union(Keys.TASK, java.util.Set.of(a.key())), "Task");
        noLoop(ds, a);
        SourceException bad = parser.checkArgs(a);
        if (bad != null) throw bad.as(Kind.PARSE);
        RoleRequest req = RoleRequest.fromArgs(a.args(), Raw.map(ds.get("vars"), "vars", Raw.keyLoc(ds, "vars")), a.loc(), true);
        LoadContext c = importContext(ds, Raw.vars(ds, "Task"), ctx);
        return new Block(ids.get(), null, role(req.rendered(render(req.name(), ctx, a.loc())), c, parts).nodes(), List.of(),
                List.of(), a.loc(), ctx.role(), Block.Kind.IMPORT);
    }

    /**
     * A dynamic include: remembers what its tasks inherit (as in Ansible, the include is their parent: its own
     * {@code vars} reach them as include params, its old-style {@code k=v} words as task vars), and loads its target now when it is literal, so that its
     * mistakes are known before any host is contacted. They are problems of the include (Ansible meets them only if
     * it runs); a target that includes itself is left to run time.
     */
    private Task registerInclude(Task t, Map<String, Object> ds, LoadContext ctx) {
        Keywords own = Keywords.from(ds);
        Map<String, Object> apply = Raw.map(t.args().get("apply"), "apply", Raw.keyLoc(ds, t.written()));
        LoadContext children = ctx.withKeywords(own.under(ctx.keywords())).child(Keywords.from(apply), Raw.list(apply.get("when")),
                Raw.tags(apply.get("tags"), t.loc()), t.vars(), KeywordValues.check(apply))
                .withIncludeParams(Raw.vars(ds, "Task")) // the include's own vars: include params, above set_fact (Ansible)
                .underDynamicInclude();
        includeContexts.put(t.id(), children);
        if (t.loop() != null && Templar.isTemplate(t.args())) return t;
        try {
            List<TaskNode> loaded = preload(t, children);
            if (loaded != null) preloaded.put(t.id(), loaded);
            return t;
        } catch (SourceException e) {
            return t.withProblems(List.of(e));
        }
    }

    /** The tasks a literal include loads, or null when its target is a template or is already being loaded above it. */
    private List<TaskNode> preload(Task t, LoadContext children) {
        if (t.action().equals("include_role")) {
            RoleRequest req = RoleRequest.fromArgs(t.args(), t.vars(), t.loc(), false);
            if (Templar.isTemplate(req.name()) || Templar.isTemplate(java.util.Arrays.asList(req.tasksFrom(), req.varsFrom(),
                    req.defaultsFrom(), req.handlersFrom()))) {
                return null;
            }
            Path dir;
            try {
                dir = roleFinder.find(req.name(), children.role(), req.loc(), children.playbookDir());
            } catch (SourceException e) {
                unresolved.put(t.id(), e.as(Kind.TASK));
                return null;
            }
            if (children.chain().contains(roleLink(dir, req.tasksFrom()))) return null;
            return role(req, children, new PlayParts()).nodes();
        }
        Object f = Task.includeFile(t.args());
        if (f == null) throw new SourceException("No file specified for " + t.action(), t.loc());
        if (Templar.isTemplate(f)) return null;
        String name = Py.str(f);
        Path file = findTaskFile(name, children);
        if (file == null) {
            if (t.action().equals("include") && t.loop() == null) {
                importedFile(name, children, t.loc()); // Ansible loads a literal 'include' statically: missing is an error
            }
            unresolved.put(t.id(), notFound(name, children, t.loc()));
            return null;
        }
        if (children.chain().contains(file.toString())) return null;
        return file(file, enter(children, file.toString(), t.loc(), "include loop"), new PlayParts(), Kind.TASK);
    }

    /** The tasks of a dynamic include at run time and the file they came from; {@code ctx} is the include's context with its params. */
    PlaybookLoader.IncludedTasks includeAtRunTime(String file, LoadContext ctx, Loc loc) {
        Path p = resolveTaskFile(file, ctx, loc);
        return new PlaybookLoader.IncludedTasks(p.toAbsolutePath(), file(p, deeper(ctx, p.toString(), loc), new PlayParts()));
    }

    /** One level deeper at run time: recursion is allowed (it may end on a condition), up to {@link #MAX_DEPTH}. */
    static LoadContext deeper(LoadContext ctx, String link, Loc loc) {
        if (ctx.chain().size() >= MAX_DEPTH) {
            throw new SourceException("includes nested more than " + MAX_DEPTH + " levels deep (the limit): " + ctx.chainText(link), loc,
                    "does an include include itself without a condition that ends it?", null, Kind.ERROR);
        }
        return ctx.via(link);
    }

    /**
     * A role in the chain of what is being loaded, with the tasks file it loads: as in Ansible, a role may import itself
     * with another {@code tasks_from} (that ends); only the same role and tasks file again is a loop.
     */
    static String roleLink(Path dir, String tasksFrom) {
        return "role " + dir + (tasksFrom == null ? "" : " (tasks_from " + tasksFrom + ")");
    }

    /** A loaded role: the role and its blocks (dependencies' first, then its own tasks as a {@link Block.Kind#ROLE} block). */
    record LoadedRole(Role role, List<TaskNode> nodes) {}

    /** Loads a role and its dependencies while loading the playbook (a dependency cycle is an error naming the chain). */
    LoadedRole role(RoleRequest req, LoadContext ctx, PlayParts parts) {
        return role(req, ctx, parts, false);
    }

    /**
     * Loads a role and its dependencies. Every occurrence is loaded (deduplication happens per host at run time, as
     * in Ansible); handlers are collected once per role identity, and roles requested as public join the play's roles.
     * {@code atRunTime} for {@code include_role} while running, where a role may include itself (the recursion may end
     * on a condition), up to {@link #MAX_DEPTH} levels.
     */
    LoadedRole role(RoleRequest req, LoadContext ctx, PlayParts parts, boolean atRunTime) {
        List<Role> includers = ctx.role() == null ? List.of() : concat(ctx.role().includers(), ctx.role().role());
        return role(req, ctx, parts, atRunTime, includers);
    }

    /** As {@link #role(RoleRequest, LoadContext, PlayParts, boolean)}, reached through the {@code includers} given. */
    private LoadedRole role(RoleRequest req, LoadContext ctx, PlayParts parts, boolean atRunTime, List<Role> includers) {
        Path dir = roleFinder.find(req.name(), ctx.role(), req.loc(), ctx.playbookDir());
        String link = roleLink(dir, req.tasksFrom());
        if (!atRunTime && ctx.chain().contains(link)) {
            throw new SourceException("A recursion loop was detected with the roles specified. Make sure child roles do not have "
                    + "dependencies on parent roles: " + ctx.chainText(link).replace("role " + ctx.playbookDir() + "/roles/", "role "),
                    req.loc(), null, null, Kind.ERROR);
        }
        LoadContext entered = deeper(ctx, link, req.loc());
        Map<String, Object> meta = roleFile(dir, "meta", null);
        boolean allowDup = req.allowDuplicates() != null ? req.allowDuplicates() : Boolean.TRUE.equals(meta.get("allow_duplicates"));
        List<Role> parents = ctx.role() == null ? List.of() : concat(ctx.role().parents(), ctx.role().role());
        Map<String, Object> vars = new LinkedHashMap<>(req.entryVars());
        vars.putAll(roleFile(dir, "vars", req.varsFrom()));
        String key = req.key();
        Role own = new Role(req.displayName(dir), dir, key, roleFile(dir, "defaults", req.defaultsFrom()), vars, req.params(),
                List.of(), allowDup);
        // a role searches its own meta/main.yml collections, not the play's (as Ansible does)
        Object roleCollections = meta.get("collections") == null ? List.of() : meta.get("collections");
        Keywords roleKeywords = entered.keywords().with("collections", roleCollections);
        LoadContext asParent = entered.inRole(RoleContext.of(own, parents, includers), dir.resolve("tasks")).withKeywords(roleKeywords);
        Object depList = meta.get("dependencies");
        if (depList != null && !(depList instanceof List)) {
            throw new SourceException("Expected role dependencies to be a list.", Loc.of(dir.resolve("meta").toString()),
                    "e.g.  dependencies: [common]");
        }
        List<TaskNode> out = new ArrayList<>();
        List<Role> deps = new ArrayList<>();
        for (Object dep : Raw.list(depList)) {
            RoleRequest d = RoleRequest.fromEntry(dep, req.loc(), false);
            LoadContext dc = d.entry() == null ? asParent : entryContext(d.entry(), asParent);
            LoadedRole loaded = role(d.rendered(render(d.name(), ctx, req.loc())), dc, parts, false, includers);
            deps.add(loaded.role());
            out.addAll(loaded.nodes());
        }
        Role role = new Role(own.name(), dir, key, own.defaults(), vars, own.params(), List.copyOf(deps), allowDup);
        RoleContext rc = RoleContext.of(role, parents, includers);
        LoadContext inRole = entered.inRole(rc, dir.resolve("tasks")).withKeywords(roleKeywords);
        Path tasks = roleFilePath(dir, "tasks", req.tasksFrom(), req.loc());
        List<TaskNode> body = new ArrayList<>();
        Map<String, Object> validation = !req.validate() ? null
                : RoleArgumentSpecs.validationTask(dir, meta, req.tasksFrom(), RoleFinder.shortName(rc.name(), dir), req.params(), req.loc());
        if (validation != null) body.add(node(validation, inRole, parts));
        if (tasks != null) body.addAll(file(tasks, inRole, parts));
        out.add(new Block(ids.get(), null, body, List.of(), List.of(), req.loc(), rc, Block.Kind.ROLE));
        Path handlers = roleFilePath(dir, "handlers", req.handlersFrom(), req.loc());
        if (handlers != null && parts.rolesWithHandlers.add(key)) {
            for (TaskNode n : file(handlers, inRole.asHandlers(true), parts)) flattenHandlers(n, parts.roleHandlers);
        }
        if (req.publicVars()) parts.roles.add(role);
        return new LoadedRole(role, out);
    }

    /** The collections a task's short module names are searched in: its own {@code collections:}, else the inherited one. */
    private static List<String> collections(Map<String, Object> ds, LoadContext ctx) {
        Object c = ds.containsKey("collections") ? ds.get("collections") : ctx.keywords().values().get("collections");
        return Raw.list(c).stream().map(Py::str).toList();
    }

    static void flattenHandlers(TaskNode n, List<Task> into) {
        if (n instanceof Task t) into.add(t);
        else if (n instanceof Block b) for (TaskNode c : b.block()) flattenHandlers(c, into);
    }

    private static <T> List<T> concat(List<T> l, T x) {
        List<T> out = new ArrayList<>(l);
        out.add(x);
        return out;
    }

    /**
     * {@code dir/sub/NAME} loaded as a mapping: {@code main} when {@code name} is null (then missing is empty), else the
     * named file, which must exist. A directory {@code sub/NAME/} contributes all its files, merged in name order.
     */
    private Map<String, Object> roleFile(Path dir, String sub, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        Path folder = dir.resolve(sub).resolve(name == null ? "main" : name);
        if (Files.isDirectory(folder)) {
            for (Path p : sortedFiles(folder)) out.putAll(mapping(p, sub));
            return out;
        }
        Path p = roleFilePath(dir, sub, name, Loc.UNKNOWN);
        if (p != null) out.putAll(mapping(p, sub));
        return out;
    }

    private Map<String, Object> mapping(Path p, String sub) {
        Object data = yaml(p);
        if (data == null) return Map.of();
        return Raw.map(data, sub + "/" + p.getFileName(), Loc.of(p.toString()));
    }

    private static List<Path> sortedFiles(Path folder) {
        try (var s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)$|[^.]*"))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new SourceException("cannot read " + folder + ": " + e.getMessage(), Loc.of(folder.toString()));
        }
    }

    /**
     * {@code dir/sub/name}, trying the extensions Ansible tries ({@code main.yml}, {@code .yaml}, {@code .json}, no
     * extension; a given name first as written); null when {@code sub/main} is absent, an error when a named file is.
     */
    static Path roleFilePath(Path dir, String sub, String name, Loc loc) {
        List<String> exts = name == null ? List.of(".yml", ".yaml", ".json", "") : List.of("", ".yml", ".yaml", ".json");
        String n = name == null ? "main" : name;
        Path expected = dir.resolve(sub).toAbsolutePath().normalize();
        for (String ext : exts) {
            Path p = dir.resolve(sub).resolve(n + ext);
            if (!Files.isRegularFile(p)) continue;
            if (!p.toAbsolutePath().normalize().startsWith(expected)) {
                throw new SourceException("Failed loading '" + p.toAbsolutePath().normalize() + "' for role (" + dir.getFileName()
                        + ") as it is not inside the expected role path: '" + expected + "'", loc,
                        "a role's " + sub + "_from names a file under its " + sub + "/ directory");
            }
            return p;
        }
        if (name != null && Files.isDirectory(dir.resolve(sub))) {
            throw new SourceException("Could not find specified file in role: " + sub + "/" + name, loc);
        }
        return null;
    }
}
