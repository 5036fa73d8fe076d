package dev.jplay.cli;

import dev.jplay.connection.ConnectionDefaults;
import dev.jplay.connection.Connections;
import dev.jplay.connection.Secret;
import dev.jplay.connection.ShellWords;
import dev.jplay.connection.Target;
import dev.jplay.data.Py;
import dev.jplay.exec.BecomeDefaults;
import dev.jplay.exec.FactCache;
import dev.jplay.exec.FactOptions;
import dev.jplay.exec.Mode;
import dev.jplay.exec.PlaybookRunner;
import dev.jplay.exec.Prompter;
import dev.jplay.exec.RunOptions;
import dev.jplay.exec.RunPolicy;
import dev.jplay.exec.Selection;
import dev.jplay.inventory.Inventory;
import dev.jplay.modules.BuiltinModules;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.modules.external.ExternalModules;
import dev.jplay.modules.python.AnsibleNames;
import dev.jplay.modules.python.AnsibleRoots;
import dev.jplay.modules.python.PythonModules;
import dev.jplay.output.Callbacks;
import dev.jplay.output.Event;
import dev.jplay.output.Output;
import dev.jplay.playbook.ImportRenderer;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.PlaybookLoader;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.template.Scope;
import dev.jplay.template.Templar;
import dev.jplay.template.TemplateContext;
import dev.jplay.vault.Vault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds a run's parts from the command line and the configuration: output, inventory, modules (built-in and
 * external), templates, loader, connections, passwords and the {@link RunOptions}. Closing it closes connections
 * and output.
 */
final class Wiring implements AutoCloseable {
    private final ConnectionOptions conn;
    private final Settings settings;
    private final Path cwd;
    private final Output output;
    private final Inventory inventory;
    private final List<String> inventorySources;
    /** Set up with every role's library in name order; {@link #orderRoleLibraries} puts them in load order. */
    private ModuleRegistry registry;
    private final ModuleDirs moduleDirs;
    private final PythonModules python;
    /** Module names the plugin filter file takes away (module_blacklist). */
    private final Set<String> filtered;
    private final Templar templar;
    private final PlaybookLoader loader;
    private final Connections connections = new Connections(Path.of(System.getProperty("user.home")), System.getenv("SSH_AUTH_SOCK"),
            key -> System.console() == null ? null : Secrets.ask("Enter passphrase for key '" + key + "': "));
    private final Map<String, Object> extraVars;
    private final Map<String, Loc> extraVarsAt = new java.util.LinkedHashMap<>();
    private final Secret becomePassword;
    private final Secret connectionPassword;
    private final Vault vault;

    private final Callbacks.Options outputOptions;
    private final Thread cancelOnExit = new Thread(this::interrupted, "jplay-cancel");

    private Wiring(ConnectionOptions conn, Settings settings, Path cwd, List<Path> playbookDirs, Callbacks.Options outputOptions,
                   OutputMode mode) {
        this.conn = conn;
        this.outputOptions = outputOptions;
        Output output = Callbacks.create(outputOptions);
        this.settings = settings;
        this.cwd = cwd;
        this.output = output;
        connections.persistentShell(settings.persistentShell());
        // building the SSH configuration takes ~0.1 s of CPU: start it while the playbooks load, unless no host
        // will be contacted (--syntax-check, --list-*)
        if (mode.contactsHosts()) connections.warmUp();
        // SIGINT/SIGTERM: kill what runs on the hosts before the JVM goes, start nothing new (no command outlives an
        // interrupted run)
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        // as Ansible at -v: which configuration is in effect
        output.on(new Event.Verbose(settings.configFile() == null ? "No config file found; using defaults"
                : "Using " + settings.configFile() + " as config file", 1, null));
        Consumer<String> warn = w -> output.on(new Event.Warning(w));
        this.templar = new Templar(warn, settings.jinja2Extensions(), settings.setting());
        // asked in ansible-playbook's order: connection and become passwords, then vault secrets
        this.becomePassword = password(conn.becomePasswordFile, conn.askBecomePass || settings.becomeAskPass(), "BECOME password: ");
        this.connectionPassword = password(conn.connectionPasswordFile, conn.askPass || settings.askPass(), "SSH password: ");
        this.vault = VaultSecrets.load(conn.vault, settings, cwd, warn);
        this.extraVars = ExtraVars.parse(conn.extraVars, cwd, vault, extraVarsAt);
        List<String> sources = conn.inventory.isEmpty() ? settings.inventory() : conn.inventory;
        this.inventorySources = List.copyOf(sources);
        this.inventory = Inventory.load(sources, cwd, inventorySetup(output, settings), vault);
        // like Ansible: a playbook's adjacent library/ and its roles' library/ first, then -M, the configured
        // library, ./library, ./modules (see ModuleDirs)
        List<Path> roleDirs = new ArrayList<>(playbookDirs.stream().map(d -> d.resolve("roles")).toList());
        settings.rolesPath().forEach(p -> roleDirs.add(cwd.resolve(p)));
        List<Path> after = new ArrayList<>(conn.modulePath);
        after.addAll(settings.library());
        after.add(cwd.resolve("library"));
        after.add(cwd.resolve("modules"));
        this.moduleDirs = new ModuleDirs(playbookDirs.stream().map(d -> d.resolve("library")).toList(), roleDirs, after);
        this.python = pythonModules(settings, playbookDirs, cwd);
        String filterFile = settings.string("PLUGIN_FILTERS_CFG");
        this.filtered = PluginFilter.load(filterFile == null ? null : cwd.resolve(filterFile), warn);
        List<Path> dirs = moduleDirs.inNameOrder();
        this.registry = registry(dirs, pluginDirs(dirs, playbookDirs, roleDirs, settings, cwd));
        this.loader = new PlaybookLoader(registry, new PlaybookLoader.RolePaths(settings.rolesPath(), python.roots().collections()), renderer(),
                warn, vault, templar);
    }

    private ModuleRegistry registry(List<Path> dirs, List<Path> pluginDirs) {
        return new ModuleRegistry(BuiltinModules.all()).with(ExternalModules.scan(dirs, python))
                .withFallback(python::find, Set.copyOf(settings.pythonModules()))
                .withAnsibleNames(new AnsibleNames(python.roots(), pluginDirs)::resolves).withFilter(filtered);
    }

    /**
     * Puts the roles' {@code library/} directories in the order Ansible adds them, the order the playbooks load
     * their roles (a role's dependencies before it), so the first role of a play wins a module name two roles have.
     */
    void orderRoleLibraries(List<Playbook> loaded) {
        List<Path> dirs = moduleDirs.inLoadOrder(loaded);
        if (!dirs.equals(moduleDirs.inNameOrder())) {
            List<Path> playbookDirs = loaded.stream().map(pb -> pb.file().getParent()).toList();
            registry = registry(dirs, pluginDirs(dirs, playbookDirs, moduleDirs.roleDirs(), settings, cwd));
        }
    }

    /** Where Ansible finds modules and action plugins by file: the module directories, then the action plugin ones. */
    private static List<Path> pluginDirs(List<Path> moduleDirs, List<Path> playbookDirs, List<Path> roleDirs, Settings settings, Path cwd) {
        List<Path> dirs = new ArrayList<>(moduleDirs);
        playbookDirs.forEach(d -> dirs.add(d.resolve("action_plugins")));
        dirs.addAll(ExternalModules.roleSubdirs(roleDirs, "action_plugins"));
        if (settings.setting().apply("DEFAULT_ACTION_PLUGIN_PATH").orElse(null) instanceof List<?> l) {
            l.forEach(p -> dirs.add(cwd.resolve(String.valueOf(p))));
        }
        return dirs.stream().distinct().toList();
    }

    /** How the inventory loads (plugins enabled, group names) and reports (warnings, -vvv notes) as configured. */
    static Inventory.Setup inventorySetup(Output output, Settings settings) {
        return new Inventory.Setup(w -> output.on(new Event.Warning(w)), (level, m) -> output.on(new Event.Verbose(m, level, null)),
                settings.inventoryPlugins(), settings.string("TRANSFORM_INVALID_GROUP_CHARS"));
    }

    /** Ansible Python modules from the collections and ansible-core this controller has (Ansible's search order). */
    static PythonModules pythonModules(Settings settings, List<Path> playbookDirs, Path cwd) {
        List<Path> configured = settings.collectionsPaths().stream().map(cwd::resolve).toList();
        return new PythonModules(AnsibleRoots.find(configured, playbookDirs, settings.collectionsScanSysPath(), System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    /**
     * Which stdout callback a command wants ({@code callback} null means the configured one), whether it will
     * contact hosts (false for --syntax-check and listings: no SSH set-up then), and {@code grouped} and {@code tree}
     * as in {@link Callbacks.Options}.
     */
    record OutputMode(String callback, boolean profile, boolean contactsHosts, boolean grouped, Path tree) {
        /**
         * The {@code ansible} command's callback: {@code minimal}, or the configured stdout callback when
         * {@code bin_ansible_callbacks} ({@code ANSIBLE_LOAD_CALLBACK_PLUGINS}) is on and it is not {@code default}.
         */
        static final String ADHOC = "<adhoc>";

        OutputMode(String callback, boolean profile) {
            this(callback, profile, true, false, null);
        }

        OutputMode(String callback, boolean profile, boolean contactsHosts) {
            this(callback, profile, contactsHosts, false, null);
        }
    }

    /** {@code playbookDirs}: directories of the playbooks to run, whose {@code library/} holds modules too. */
    static Wiring create(ConnectionOptions conn, Path cwd, OutputMode mode, List<Path> playbookDirs) {
        Settings s = Settings.load(System.getenv(), cwd);
        boolean tty = System.console() != null;
        boolean color = s.color() != null ? s.color() : tty;
        int columns = columns();
        List<String> enabled = new ArrayList<>(s.callbacksEnabled());
        if (mode.profile()) enabled.add("profile_tasks");
        String stdout = mode.callback() == null ? s.stdoutCallback() : OutputMode.ADHOC.equals(mode.callback()) ? adhocCallback(s) : mode.callback();
        return new Wiring(conn, s, cwd, playbookDirs, new Callbacks.Options(stdout, enabled, conn.verbosity(), color, columns, s.displaySkipped(),
                s.displayOk(), System.out, System.err, mode.grouped(), mode.tree(),
                Boolean.TRUE.equals(s.setting().apply("SHOW_CUSTOM_STATS").orElse(false))), mode);
    }

    static String adhocCallback(Settings s) {
        boolean load = Boolean.TRUE.equals(s.setting().apply("DEFAULT_LOAD_CALLBACK_PLUGINS").orElse(false));
        return load && !"default".equals(s.stdoutCallback()) ? s.stdoutCallback() : "minimal";
    }

    /** The terminal width ({@code COLUMNS}), else 80 as Ansible uses without a terminal. */
    private static int columns() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 80 : Math.max(20, Integer.parseInt(c.strip()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    private static Secret password(Path file, boolean ask, String prompt) {
        if (file != null) return Secrets.fromFile(file);
        return ask ? Secrets.ask(prompt) : null;
    }

    /** Renders templated import paths and role names with play vars and extra vars (extra vars win). */
    private ImportRenderer renderer() {
        return (text, playVars, loc) -> {
            Map<String, Object> vars = new LinkedHashMap<>(playVars);
            vars.putAll(extraVars);
            try {
                return Py.str(templar.template(text, new TemplateContext(Scope.of(vars), List.of(cwd), loc)));
            } catch (SourceException e) {
                throw new SourceException("cannot resolve '" + text + "' while loading: " + e.getMessage(), loc,
                        "static imports can only use play vars and extra vars; use include_tasks for run-time values");
            }
        };
    }

    /** The {@code -e} variables; {@code at}: where each is written (an {@code @file}'s line, else the argument). */
    Map<String, Object> extraVars() {
        return extraVars;
    }

    Loc extraVarAt(String name) {
        return extraVarsAt.getOrDefault(name, Loc.of("-e"));
    }

    Inventory inventory() {
        return inventory;
    }

    /** The inventory sources as given ({@code -i} or the configuration): paths or host lists. */
    List<String> inventorySources() {
        return inventorySources;
    }

    PlaybookLoader loader() {
        return loader;
    }

    Output output() {
        return output;
    }

    /** Renders a play-level value (play names and patterns in listings) with the extra vars. */
    String renderPlayLevel(Object raw) {
        if (!Templar.isTemplate(raw)) return Py.str(raw);
        try {
            return Py.str(templar.template(raw, TemplateContext.of(Scope.of(extraVars))));
        } catch (SourceException e) {
            return Py.str(raw);
        }
    }

    /**
     * The run's options: the {@code selection} and the command's own {@code --force-handlers}/{@code --flush-cache},
     * everything else from the shared flags over the configuration; {@code playbookDir} is where {@code .retry} files
     * go unless configured otherwise.
     */
    RunOptions options(Selection selection, boolean forceHandlers, boolean flushCache, Path playbookDir) {
        return new RunOptions(selection, new Mode(conn.check, conn.diff, conn.verbosity()), connectionDefaults(), becomeDefaults(),
                policy(forceHandlers), facts(flushCache), extraVars, retryDir(playbookDir), cwd);
    }

    private ConnectionDefaults connectionDefaults() {
        List<String> sshArgs = new ArrayList<>();
        if (settings.sshArgs() != null) sshArgs.addAll(ShellWords.split(settings.sshArgs()));
        if (conn.sshCommonArgs != null) sshArgs.addAll(ShellWords.split(conn.sshCommonArgs));
        if (conn.sshExtraArgs != null) sshArgs.addAll(ShellWords.split(conn.sshExtraArgs));
        List<String> keys = new ArrayList<>();
        if (conn.privateKey != null) keys.add(conn.privateKey.toString());
        else if (settings.privateKeyFile() != null) keys.add(settings.privateKeyFile());
        Target.HostKeyPolicy hostKeys = conn.acceptNewHostKeys ? Target.HostKeyPolicy.ACCEPT_NEW
                : settings.hostKeyChecking() ? Target.HostKeyPolicy.STRICT : Target.HostKeyPolicy.OFF;
        return new ConnectionDefaults(conn.connection, conn.user != null ? conn.user : settings.remoteUser(), keys, sshArgs,
                connectionPassword, Duration.ofSeconds(conn.timeout != null ? conn.timeout : settings.timeout()), hostKeys);
    }

    private BecomeDefaults becomeDefaults() {
        return new BecomeDefaults(conn.become || settings.become() ? Boolean.TRUE : null,
                conn.becomeMethod != null ? conn.becomeMethod : settings.becomeMethod(),
                conn.becomeUser != null ? conn.becomeUser : settings.becomeUser(), settings.becomeFlags(), becomePassword);
    }

    private RunPolicy policy(boolean forceHandlers) {
        return new RunPolicy(conn.forks != null ? conn.forks : settings.forks(), settings.strategy(), settings.anyErrorsFatal(),
                forceHandlers || Boolean.TRUE.equals(settings.setting().apply("DEFAULT_FORCE_HANDLERS").orElse(null)), taskTimeout());
    }

    private FactOptions facts(boolean flushCache) {
        return new FactOptions(settings.gathering(), settings.gatherSubset(), factCache(), flushCache);
    }

    private Path retryDir(Path playbookDir) {
        if (!settings.retryFilesEnabled()) return null;
        return settings.retryFilesSavePath() != null ? settings.retryFilesSavePath() : playbookDir;
    }

    private FactCache factCache() {
        try {
            return FactCache.of(settings.cachePlugin(), settings.cacheConnection(), settings.cacheTimeout(), settings.cachePrefix());
        } catch (IllegalArgumentException e) {
            throw new dev.jplay.source.SourceException(e.getMessage(), settings.configFile() == null ? null
                    : Loc.of(settings.configFile().toString()));
        }
    }

    private Duration taskTimeout() {
        int t = conn.taskTimeout != null ? conn.taskTimeout : settings.taskTimeout();
        return t > 0 ? Duration.ofSeconds(t) : null;
    }

    PlaybookRunner runner(RunOptions o) {
        return runner(o, output);
    }

    /** A fresh output like the configured one with another verbosity and grouping (the console changes them between commands). */
    Output newOutput(int verbosity, boolean grouped) {
        return Callbacks.create(outputOptions.withVerbosity(verbosity).withGrouped(grouped));
    }

    /**
     * Kills what runs on the hosts now, each command with its process group, and starts nothing more until {@link
     * #resumeCommands}; connections stay open (the console's Ctrl-C).
     */
    void cancelCommands() {
        connections.cancel();
    }

    /** Commands start again after {@link #cancelCommands}. */
    void resumeCommands() {
        connections.resume();
    }

    ModuleRegistry registry() {
        return registry;
    }

    PlaybookRunner runner(RunOptions o, Output out) {
        return runner(o, out, Prompter.NONE);
    }

    /** A runner whose prompts (pause, vars_prompt, --step) are answered by {@code prompter}. */
    PlaybookRunner runner(RunOptions o, Output out, Prompter prompter) {
        return new PlaybookRunner(o, inventory, out, connections, registry, templar, prompter, vault);
    }

    /**
     * SIGINT/SIGTERM while commands run: say so as Ansible does, kill them on the hosts without reporting each, and
     * start nothing new on any host.
     */
    private void interrupted() {
        output.silence();
        System.err.println("ERROR! User interrupted execution");
        connections.interrupt();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cancelOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: it cancels what still runs
        }
        connections.close();
        output.close();
    }
}
