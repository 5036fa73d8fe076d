package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.Yaml;
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
 * before any host is contacted), and roles with their dependencies.
 */
final class TreeLoader {
    private final TaskParser parser;
    private final RoleFinder roleFinder;
    private final ImportRenderer renderer;
    private final Consumer<String> warn;
    private final Supplier<String> ids;
    /** For each dynamic include task: what the tasks it loads at run time inherit. */
    final Map<String, LoadContext> includeContexts = new ConcurrentHashMap<>();
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
        return parsed.computeIfAbsent(file.toAbsolutePath().normalize(), f -> Yaml.load(f, vault));
    }

    List<TaskNode> tasks(Object raw, String what, Loc loc, LoadContext ctx, PlayParts parts) {
        List<TaskNode> out = new ArrayList<>();
        for (Object o : Raw.listOfMaps(raw, what, loc)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ds = (Map<String, Object>) o;
            TaskNode n = node(ds, ctx, parts);
            if (n != null) out.add(n);
        }
        return out;
    }

    /** A tasks file: a list of tasks (an empty file is an empty list). */
    List<TaskNode> file(Path file, LoadContext ctx, PlayParts parts) {
        Object data = yaml(file);
        if (data == null) return List.of();
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
        TaskParser.Action a = parser.action(ds, collections(ds, ctx));
        switch (a.module()) {
            case "import_tasks":
                return importTasks(ds, a, ctx, parts);
            case "import_role":
                return importRole(ds, a, ctx, parts);
            case "include":
                warn.accept("\"include\" is deprecated, use include_tasks/import_tasks instead (" + a.loc() + ")");
                break;
            default:
                break;
        }
        parser.checkArgs(a, ds);
        Task t = parser.task(ds, a, ctx);
        if (t.isInclude()) registerInclude(t, ds, ctx, parts);
        return t;
    }

    private Block block(Map<String, Object> ds, LoadContext ctx, PlayParts parts) {
        Raw.onlyKeys(ds, Keys.BLOCK, "Block");
        LoadContext c = ctx.child(Keywords.from(ds), Raw.list(ds.get("when")), Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")),
                Raw.map(ds.get("vars"), "vars", Raw.keyLoc(ds, "vars")));
        Loc loc = Raw.loc(ds);
        return new Block(ids.get(), ds.get("name") == null ? null : Py.str(ds.get("name")),
                tasks(ds.get("block"), "block", Raw.keyLoc(ds, "block"), c, parts),
                tasks(ds.get("rescue"), "rescue", Raw.keyLoc(ds, "rescue"), c, parts),
                tasks(ds.get("always"), "always", Raw.keyLoc(ds, "always"), c, parts), loc, ctx.role(), Block.Kind.BLOCK);
    }

    /** The context an import or include passes to the tasks it brings in: its keywords, conditions, tags and vars. */
    private static LoadContext importContext(Map<String, Object> ds, LoadContext ctx) {
        return ctx.child(Keywords.from(ds), Raw.list(ds.get("when")), Raw.tags(ds.get("tags"), Raw.keyLoc(ds, "tags")),
                Raw.map(ds.get("vars"), "vars", Raw.keyLoc(ds, "vars")));
    }

    /** The context of a role entry: its keywords, conditions and tags (its other keys are role params). */
    static LoadContext entryContext(Map<String, Object> entry, LoadContext ctx) {
        return ctx.child(Keywords.from(entry), Raw.list(entry.get("when")), Raw.tags(entry.get("tags"), Raw.keyLoc(entry, "tags")), Map.of());
    }

    private Block importTasks(Map<String, Object> ds, TaskParser.Action a, LoadContext ctx, PlayParts parts) {
        Raw.onlyKeys(ds, Keys.union(Keys.TASK, java.util.Set.of(a.key())), "Task");
        String name = fileArg(a);
        Path file = resolveTaskFile(render(name, ctx, a.loc()), ctx, a.loc());
        return new Block(ids.get(), null, file(file, importContext(ds, ctx), parts), List.of(), List.of(), a.loc(), ctx.role(),
                Block.Kind.IMPORT);
    }

    private static String fileArg(TaskParser.Action a) {
        Object f = a.args().get("file") != null ? a.args().get("file") : a.args().get("_raw_params");
        if (f == null) throw new SourceException(a.module() + " needs a file name", a.loc(), "e.g.  " + a.module() + ": tasks/setup.yml");
        return Py.str(f);
    }

    String renderName(String text, LoadContext ctx, Loc loc) {
        return render(text, ctx, loc);
    }

    private String render(String text, LoadContext ctx, Loc loc) {
        return dev.jplay.template.Templar.isTemplate(text) ? renderer.render(text, ctx.playVars(), loc) : text;
    }

    /**
     * Where an imported or included tasks file is: the role's tasks dir, the current file's dir, the role dir, then
     * (in a role) the playbook's directory.
     */
    Path resolveTaskFile(String name, LoadContext ctx, Loc loc) {
        List<Path> tried = new ArrayList<>();
        Path p = Path.of(name);
        List<Path> candidates = new ArrayList<>();
        if (p.isAbsolute()) candidates.add(p);
        else {
            if (ctx.role() != null) candidates.add(ctx.role().dir().resolve("tasks").resolve(name));
            if (ctx.dir() != null) candidates.add(ctx.dir().resolve(name));
            if (ctx.role() != null) candidates.add(ctx.role().dir().resolve(name));
            if (ctx.role() != null && ctx.playbookDir() != null) {  // as Ansible's search stack ends: the playbook's directory
                candidates.add(ctx.playbookDir().resolve("tasks").resolve(name));
                candidates.add(ctx.playbookDir().resolve(name));
            }
        }
        for (Path c : candidates) {
            tried.add(c);
            if (Files.isRegularFile(c)) return c.normalize();
        }
        throw new SourceException("Could not find or access '" + name + "'", loc,
                "searched: " + String.join(", ", tried.stream().map(Path::toString).toList()));
    }

    private Block importRole(Map<String, Object> ds, TaskParser.Action a, LoadContext ctx, PlayParts parts) {
        Raw.onlyKeys(ds, Keys.union(Keys.TASK, java.util.Set.of(a.key())), "Task");
        RoleRequest req = RoleRequest.fromArgs(a.args(), Raw.map(ds.get("vars"), "vars", Raw.keyLoc(ds, "vars")), a.loc(), true);
        LoadContext c = importContext(ds, ctx);
        return new Block(ids.get(), null, role(req.rendered(render(req.name(), ctx, a.loc())), c, parts).nodes(), List.of(),
                List.of(), a.loc(), ctx.role(), Block.Kind.IMPORT);
    }

    /**
     * A dynamic include: remember what its tasks inherit (as in Ansible, the include is their parent: its own
     * {@code vars} reach them), and load its target now when it is literal.
     */
    private void registerInclude(Task t, Map<String, Object> ds, LoadContext ctx, PlayParts parts) {
        Keywords own = Keywords.from(ds);
        Map<String, Object> apply = Raw.map(t.args().get("apply"), "apply", Raw.keyLoc(ds, t.written()));
        LoadContext children = ctx.withKeywords(own.under(ctx.keywords())).child(Keywords.from(apply), Raw.list(apply.get("when")),
                Raw.tags(apply.get("tags"), t.loc()), t.vars());
        includeContexts.put(t.id(), children);
        if (t.loop() != null) return;
        if (t.action().equals("include_role")) {
            RoleRequest req = RoleRequest.fromArgs(t.args(), t.vars(), t.loc(), false);
            if (!dev.jplay.template.Templar.isTemplate(req.name())) role(req, children, new PlayParts());
            return;
        }
        Object f = t.args().get("file") != null ? t.args().get("file") : t.args().get("_raw_params");
        if (f == null) throw new SourceException(t.action() + " needs a file name", t.loc());
        if (!dev.jplay.template.Templar.isTemplate(f)) file(resolveTaskFile(Py.str(f), ctx, t.loc()), children, new PlayParts());
    }

    /** A loaded role: the role and its blocks (dependencies' first, then its own tasks as a {@link Block.Kind#ROLE} block). */
    record LoadedRole(Role role, List<TaskNode> nodes) {}

    /**
     * Loads a role and its dependencies. Every occurrence is loaded (deduplication happens per host at run time, as
     * in Ansible); handlers are collected once per role identity, and roles requested as public join the play's roles.
     */
    LoadedRole role(RoleRequest req, LoadContext ctx, PlayParts parts) {
        Path dir = roleFinder.find(req.name(), ctx.role(), req.loc(), ctx.playbookDir());
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
        Keywords roleKeywords = ctx.keywords().with("collections", roleCollections);
        LoadContext asParent = ctx.inRole(RoleContext.of(own, parents), dir.resolve("tasks")).withKeywords(roleKeywords);
        List<TaskNode> out = new ArrayList<>();
        List<Role> deps = new ArrayList<>();
        for (Object dep : Raw.list(meta.get("dependencies"))) {
            RoleRequest d = RoleRequest.fromEntry(dep, req.loc(), false);
            LoadContext dc = d.entry() == null ? asParent : entryContext(d.entry(), asParent);
            LoadedRole loaded = role(d.rendered(render(d.name(), ctx, req.loc())), dc, parts);
            deps.add(loaded.role());
            out.addAll(loaded.nodes());
        }
        Role role = new Role(own.name(), dir, key, own.defaults(), vars, own.params(), List.copyOf(deps), allowDup);
        RoleContext rc = RoleContext.of(role, parents);
        LoadContext inRole = ctx.inRole(rc, dir.resolve("tasks")).withKeywords(roleKeywords);
        Path tasks = roleFilePath(dir, "tasks", req.tasksFrom(), req.loc());
        List<TaskNode> body = new ArrayList<>();
        Map<String, Object> validation = RoleArgumentSpecs.validationTask(dir, meta, req.tasksFrom(), rc.name(), req.params(), req.loc());
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
        for (String ext : exts) {
            Path p = dir.resolve(sub).resolve(n + ext);
            if (Files.isRegularFile(p)) return p;
        }
        if (name != null && Files.isDirectory(dir.resolve(sub))) {
            throw new SourceException("Could not find specified file in role: " + sub + "/" + name, loc);
        }
        return null;
    }
}
