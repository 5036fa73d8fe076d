package dev.jplay.inventory;

import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.Yaml;
import dev.jplay.source.YamlMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The hosts and groups of a run. Loaded once; {@code add_host} and {@code group_by} may add to it while a play
 * runs, so it is thread-safe: readers see an immutable snapshot, additions replace it atomically.
 */
public final class Inventory {
    /** An immutable snapshot of hosts and groups. */
    record State(Map<String, Host> hosts, Map<String, Group> groups) {}

    /** What is derived from a snapshot once: group depths and parents, each host's groups, each group's hosts. */
    static final class Derived {
        private final State s;
        private final Map<String, Integer> depth = new HashMap<>();
        private final Map<String, Set<String>> parents = new HashMap<>();
        private final Map<String, List<String>> groupHosts = new LinkedHashMap<>();
        private final Map<String, List<Group>> hostGroups = new HashMap<>();

        Derived(State s) {
            this.s = s;
            for (Group g : s.groups().values()) {
                for (String c : g.children()) parents.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(g.name());
            }
            for (String g : s.groups().keySet()) depth(g, new LinkedHashSet<>());
        }

        private int depth(String g, Set<String> seen) {
            Integer d = depth.get(g);
            if (d != null) return d;
            if (!seen.add(g)) return 0;
            int max = 0;
            for (String p : parents.getOrDefault(g, Set.of())) max = Math.max(max, depth(p, seen) + 1);
            depth.put(g, max);
            return max;
        }

        List<String> groupHosts(String group) {
            List<String> cached = groupHosts.get(group);
            if (cached != null) return cached;
            LinkedHashSet<String> out = new LinkedHashSet<>();
            collect(group, out, new LinkedHashSet<>());
            List<String> l = List.copyOf(out);
            synchronized (groupHosts) {
                groupHosts.put(group, l);
            }
            return l;
        }

        private void collect(String group, Set<String> out, Set<String> seen) {
            Group g = s.groups().get(group);
            if (g == null || !seen.add(group)) return;
            out.addAll(g.hosts());
            for (String c : g.children()) collect(c, out, seen);
        }

        List<Group> groupsFor(String host) {
            List<Group> cached = hostGroups.get(host);
            if (cached != null) return cached;
            Set<String> names = new LinkedHashSet<>();
            for (Group g : s.groups().values()) if (g.hosts().contains(host)) ancestors(g.name(), names);
            names.add("all");
            List<Group> out = new ArrayList<>();
            for (String n : names) out.add(s.groups().get(n));
            out.sort(Comparator.comparingInt((Group g) -> depth.getOrDefault(g.name(), 0)).thenComparingInt(Group::priority)
                    .thenComparing(Group::name));
            List<Group> l = List.copyOf(out);
            synchronized (hostGroups) {
                hostGroups.put(host, l);
            }
            return l;
        }

        private void ancestors(String g, Set<String> out) {
            if (!out.add(g)) return;
            for (String p : parents.getOrDefault(g, Set.of())) ancestors(p, out);
        }
    }

    /** A snapshot and what is derived from it, replaced together. */
    private record Snapshot(State state, Derived derived) {}

    /** Where an inventory was loaded from, to load it again ({@code meta: refresh_inventory}). */
    private record Sources(List<String> sources, Setup setup, Decrypter vault) {}

    private volatile Snapshot snap;
    private final List<Path> sourceDirs;
    private final Path cwd;
    private final GroupNames groupNames;
    private final Sources sources;
    /** The add_host and group_by changes made while running, replayed on a refreshed inventory (as Ansible keeps them). */
    private final List<Consumer<Builder>> dynamic = new ArrayList<>();

    private Inventory(State state, List<Path> sourceDirs, Path cwd, GroupNames groupNames, Sources sources) {
        this.snap = new Snapshot(state, new Derived(state));
        this.groupNames = groupNames;
        this.sourceDirs = List.copyOf(sourceDirs);
        this.cwd = cwd;
        this.sources = sources;
    }

    /**
     * How sources load and where that reports: {@code warn} for warnings (also those of hosts and groups added while
     * a play runs), {@code verbose} for notes shown from a verbosity on (Ansible's {@code display.vvv}), the
     * inventory plugins enabled in the order they are tried ({@code enable_plugins}), and
     * {@code TRANSFORM_INVALID_GROUP_CHARS} ({@code never}, {@code always}, {@code ignore}, {@code silently}).
     */
    public record Setup(Consumer<String> warn, BiConsumer<Integer, String> verbose, List<String> plugins, String groupChars) {
        public Setup {
            plugins = plugins.stream().map(p -> p.replace("ansible.builtin.", "")).toList();
        }

        /** Warnings to {@code warn}, no notes, Ansible's defaults. */
        public static Setup of(Consumer<String> warn) {
            return new Setup(warn, (level, m) -> { }, List.of("host_list", "script", "auto", "yaml", "ini", "toml"), "never");
        }
    }

    /** {@link #load(List, Path, Setup, Decrypter)} with Ansible's defaults and no notes. */
    public static Inventory load(List<String> sources, Path cwd, Consumer<String> warn, Decrypter vault) {
        return load(sources, cwd, Setup.of(warn), vault);
    }

    /**
     * Loads {@code -i} sources in order: INI or YAML/JSON files, directories of them (with {@code group_vars/} and
     * {@code host_vars/} inside), or comma-separated host lists ({@code "a,b,"}, with {@code a[1:3]} ranges when
     * {@code advanced_host_list} comes before {@code host_list} in the enabled plugins); relative paths against
     * {@code cwd}. Warnings (e.g. an unparsable source skipped) go to the log. Errors are {@link SourceException}.
     * Vault-encrypted inventory files and group/host vars are decrypted with {@code vault}.
     */
    public static Inventory load(List<String> sources, Path cwd, Setup log, Decrypter vault) {
        Consumer<String> warn = log.warn();
        GroupNames names = new GroupNames(log.groupChars(), warn, log.verbose());
        Builder b = new Builder(names);
        List<Path> dirs = new ArrayList<>();
        int parsed = 0;
        for (String src : sources) {
            Path p = cwd.resolve(src);
            if (!Files.exists(p) && src.contains(",")) {
                if (HostList.parse(src, log, b)) parsed++;
                else warn.accept("Unable to parse " + src + " as an inventory source");
            } else if (Files.isDirectory(p)) {
                for (Path f : dirEntries(p)) source(f, b, vault, warn, dirs);
                dirs.add(p);
                parsed++;
            } else if (Files.isRegularFile(p)) {
                if (!source(p, b, vault, warn, dirs)) continue;
                dirs.add(p.toAbsolutePath().getParent());
                parsed++;
            } else if (!p.equals(Path.of("/etc/ansible/hosts"))) {
                // like Ansible: the default inventory may be missing without a word
                warn.accept("Unable to parse " + p + " as an inventory source");
            }
        }
        if (parsed == 0) warn.accept("No inventory was parsed, only implicit localhost is available");
        for (Path d : dirs) dirVars(d, b, vault);
        return new Inventory(b.freeze(), dirs, cwd, names, new Sources(List.copyOf(sources), log, vault));
    }

    /**
     * {@code meta: refresh_inventory}: loads the sources again (hosts and groups they no longer have are gone, new
     * ones appear), then replays the {@code add_host} and {@code group_by} changes made so far.
     */
    public synchronized void refresh() {
        Inventory fresh = load(sources.sources(), cwd, sources.setup(), sources.vault());
        Builder b = Builder.of(fresh.snap.state(), groupNames);
        for (Consumer<Builder> change : dynamic) change.accept(b);
        replace(b);
    }

    private static final Set<String> IGNORED = Set.of("~", ".orig", ".bak", ".cfg", ".retry", ".pyc", ".pyo", ".md", ".txt");

    private static List<Path> dirEntries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString();
                return !n.startsWith(".") && IGNORED.stream().noneMatch(n::endsWith);
            }).sorted().toList();
        } catch (IOException e) {
            throw new SourceException("cannot read inventory directory " + dir + ": " + e.getMessage(), Loc.of(dir.toString()));
        }
    }

    /**
     * Reads one inventory file into {@code b}: a plugin configuration for the constructed plugin works on the hosts
     * read so far ({@code dirs}: the directories of the sources read so far, for its {@code use_vars_plugins}); any
     * other file is tried first, and skipped with a warning when it cannot be parsed. False when it was skipped.
     */
    private static boolean source(Path f, Builder b, Decrypter vault, Consumer<String> warn, List<Path> dirs) {
        YamlMap config = pluginConfig(f, vault);
        if (config == null) {
            if (!parseable(f, vault, warn)) return false;
            parseFile(f, b, vault);
            return true;
        }
        List<Path> before = List.copyOf(dirs);
        try {
            Constructed.apply(config, f.toString(), b, (kind, name) -> {
                Map<String, Object> vars = new LinkedHashMap<>();
                for (Path d : before) vars.putAll(VarsDir.load(d.resolve(kind), name, vault));
                return vars;
            }, warn);
            return true;
        } catch (SourceException e) {
            warn.accept(unparsable(f, e));
            return false;
        }
    }

    /** The configuration of a YAML file that names the constructed plugin ({@code plugin: constructed}), else null. */
    private static YamlMap pluginConfig(Path f, Decrypter vault) {
        String lower = f.toString().toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(".yml") && !lower.endsWith(".yaml")) return null;
        try {
            return Yaml.load(f, vault) instanceof YamlMap m && Constructed.handles(m.get("plugin")) ? m : null;
        } catch (SourceException e) {
            return null; // reported by the ordinary parse
        }
    }

    private static String unparsable(Path f, SourceException e) {
        return "Unable to parse " + f + " as an inventory source: " + e.getMessage() + (e.loc().known() ? " (" + e.loc() + ")" : "");
    }

    /**
     * Can this file be read as an inventory? Like Ansible, a source that cannot be parsed is skipped with a warning
     * naming the mistake (and the run goes on without its hosts), not an error.
     */
    private static boolean parseable(Path f, Decrypter vault, Consumer<String> warn) {
        try {
            parseFile(f, new Builder(), vault);
            return true;
        } catch (SourceException e) {
            warn.accept(unparsable(f, e));
            return false;
        }
    }

    private static void parseFile(Path f, Builder b, Decrypter vault) {
        String name = f.toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json")) {
            YamlSource.parse(Yaml.load(f, vault), name, b);
            return;
        }
        IniSource.parse(Yaml.text(f, vault), name, b);
    }

    private static void dirVars(Path dir, Builder b, Decrypter vault) {
        for (Builder.G g : b.groups.values()) g.dirVars.putAll(VarsDir.load(dir.resolve("group_vars"), g.name, vault));
        for (Builder.H h : b.hosts.values()) h.dirVars.putAll(VarsDir.load(dir.resolve("host_vars"), h.name, vault));
    }

    /** All hosts in definition order. */
    public List<Host> hosts() {
        return List.copyOf(snap.state().hosts().values());
    }

    /** A host by name; {@code localhost}/{@code 127.0.0.1} give the implicit localhost when not defined; else null. */
    public Host host(String name) {
        Host h = snap.state().hosts().get(name);
        if (h != null || !Patterns.LOCALHOST.contains(name)) return h;
        return new Host(name, Map.of("ansible_connection", "local", "ansible_python_interpreter", controllerPython()), Map.of(), Loc.UNKNOWN, null);
    }

    /**
     * What Ansible gives the implicit localhost as {@code ansible_python_interpreter} (the Python running Ansible):
     * here the first {@code python3} on PATH, else {@code /usr/bin/python}.
     */
    static String controllerPython() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                java.nio.file.Path p = java.nio.file.Path.of(dir, "python3");
                if (java.nio.file.Files.isExecutable(p)) return p.toString();
            }
        }
        return "/usr/bin/python";
    }

    public Group group(String name) {
        return snap.state().groups().get(name);
    }

    public List<Group> groups() {
        return List.copyOf(snap.state().groups().values());
    }

    /**
     * Hosts matching an Ansible pattern ({@code all}, {@code *}, {@code a:b}, {@code a,b}, {@code a:&b}, {@code a:!b},
     * wildcards, {@code ~regex}, {@code g[0]}, {@code g[1:3]}, {@code g[-1]}, {@code @file}), in inventory order,
     * no duplicates. A part that matches nothing is reported through {@code warn}.
     */
    public List<Host> select(String pattern, Consumer<String> warn) {
        Snapshot sn = snap;
        List<Host> out = new ArrayList<>();
        for (String n : Patterns.select(sn.state(), sn.derived(), pattern, cwd, warn)) out.add(host(n));
        return out;
    }

    /**
     * The groups of a host including {@code all} and every ancestor, ordered for variable precedence: lowest first
     * (by depth, then {@code ansible_group_priority}, then name), so later ones win.
     */
    public List<Group> groupsFor(Host host) {
        Snapshot sn = snap;
        if (!sn.state().hosts().containsKey(host.name())) return List.of();
        return sn.derived().groupsFor(host.name());
    }

    /** {@code group_names}: the host's groups (with ancestors), sorted, without {@code all}. */
    public List<String> groupNames(Host host) {
        Set<String> names = new TreeSet<>();
        for (Group g : groupsFor(host)) if (!g.name().equals("all")) names.add(g.name());
        return List.copyOf(names);
    }

    /** The {@code groups} variable: every group name (with {@code all} and {@code ungrouped}) to its hosts. */
    public Map<String, List<String>> groupsVar() {
        Snapshot sn = snap;
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String g : sn.state().groups().keySet()) m.put(g, sn.derived().groupHosts(g));
        return m;
    }

    /** The directories of the inventory sources (for {@code inventory_dir} and {@code group_vars/} lookup). */
    public List<Path> sourceDirs() {
        return sourceDirs;
    }

    /**
     * {@code add_host}: adds (or updates) a host with groups and vars. True when the inventory changed (a new host,
     * new or different vars, a new group or membership), as Ansible reports {@code changed}.
     */
    public synchronized boolean addHost(String name, List<String> groups, Map<String, Object> vars) {
        Map<String, Object> v = new LinkedHashMap<>(vars);
        List<String> g = List.copyOf(groups);
        Consumer<Builder> add = b -> {
            b.host(name, null, Loc.UNKNOWN, null).vars.putAll(v);
            for (String group : g) b.host(name, group, Loc.UNKNOWN, null);
        };
        State before = snap.state();
        boolean changed = !before.hosts().containsKey(name);
        Builder b = Builder.of(before, groupNames);
        Map<String, Object> oldVars = new LinkedHashMap<>(b.host(name, null, Loc.UNKNOWN, null).vars);
        add.accept(b);
        if (!b.host(name, null, Loc.UNKNOWN, null).vars.equals(oldVars)) changed = true;
        for (String group : g) {
            Group existing = before.groups().get(group);
            if (existing == null || !existing.hosts().contains(name)) changed = true;
        }
        if (changed) record(b, add);
        return changed;
    }

    /**
     * {@code group_by}: puts a host into a group (created under {@code parents}, default {@code all}). True when the
     * inventory changed (a new parent group, a new parent/child edge, or the host was not in the group yet).
     */
    public synchronized boolean addToGroup(String host, String group, List<String> parents) {
        Snapshot sn = snap;
        Builder b = Builder.of(sn.state(), groupNames);
        String name = b.group(group).name;
        Group existing = sn.state().groups().get(name);
        List<String> ps = List.copyOf(parents);
        boolean changed = existing == null || !sn.derived().groupHosts(name).contains(host);
        for (String p : ps) {
            Group parent = sn.state().groups().get(p);
            if (parent == null || existing == null || !parent.children().contains(name)) changed = true;
        }
        if (!changed) return false;
        putInGroup(b, host, name, existing != null, ps, !sn.derived().groupHosts(name).contains(host));
        record(b, r -> {
            if (!r.hosts.containsKey(host)) return; // a host the refreshed sources dropped stays out, as in Ansible
            putInGroup(r, host, name, r.groups.containsKey(name), ps, true);
        });
        return true;
    }

    /**
     * group_by's change, made the same way when it happens and on a refreshed inventory: the group under its parents
     * (a new group without other parents hangs under all when frozen, after the source's groups, as Ansible), and the
     * host in it unless {@code addHost} is false (it is there already, through a child group).
     */
    private static void putInGroup(Builder b, String host, String group, boolean existed, List<String> parents, boolean addHost) {
        for (String p : parents) if (!p.equals("all") || existed) b.group(p).children.add(group);
        if (addHost) b.host(host, group, Loc.UNKNOWN, null);
    }

    /** Makes {@code b} the inventory, and replays {@code replay} after each refresh. */
    private void record(Builder b, Consumer<Builder> replay) {
        replace(b);
        dynamic.add(replay);
    }

    private void replace(Builder b) {
        State s = b.freeze();
        snap = new Snapshot(s, new Derived(s));
    }
}
