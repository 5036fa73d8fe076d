package dev.jplay.cli;

import dev.jplay.console.Console;
import dev.jplay.console.Runner;
import dev.jplay.console.Settings;
import dev.jplay.exec.BecomeDefaults;
import dev.jplay.exec.Mode;
import dev.jplay.exec.RunOptions;
import dev.jplay.exec.RunPolicy;
import dev.jplay.exec.Selection;
import dev.jplay.inventory.Group;
import dev.jplay.inventory.Host;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.output.Callback;
import dev.jplay.output.Event;
import dev.jplay.output.Output;
import dev.jplay.output.Status;
import dev.jplay.playbook.Playbook;
import dev.jplay.source.SourceException;
import dev.jplay.vars.HostState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jplay console [PATTERN]}: the interactive ad-hoc shell, over one set of connections kept for the session. */
@Command(name = "console", sortOptions = false, customSynopsis = "jplay console [options] [PATTERN]",
        description = "An interactive shell for ad-hoc commands (like 'ansible-console').")
public final class ConsoleCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PATTERN", description = "Host pattern to start with (default all).")
    String pattern = "all";

    @Mixin
    ConnectionOptions conn = new ConnectionOptions();

    @Option(names = "--no-grouped", description = "Show each host's result on its own (default: identical results grouped).")
    boolean noGrouped;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        try (Wiring w = Wiring.create(conn, cwd, new Wiring.OutputMode("minimal", false), List.of())) {
            Session session = new Session(w, cwd);
            Settings s = new Settings(conn.forks != null ? conn.forks : 5, conn.become, conn.becomeUser != null ? conn.becomeUser : "root",
                    conn.becomeMethod != null ? conn.becomeMethod : "sudo", conn.check, conn.diff, conn.verbosity(), conn.taskTimeout,
                    conn.user, !noGrouped);
            Console console = new Console(session, pattern, s, System.out, cwd);
            return console.run(Path.of(System.getProperty("user.home"), ".jplay_console_history"));
        }
    }

    /**
     * The console's view of the engine: each command is an ad-hoc play run through the same loader and runner as
     * {@code jplay adhoc}, over the session's connections and hosts' states (facts, set_fact, {@code _}).
     */
    private final class Session implements Runner {
        private final Wiring w;
        private final Path cwd;
        private final Map<String, HostState> hostStates = new ConcurrentHashMap<>();
        private volatile Muted current;

        Session(Wiring w, Path cwd) {
            this.w = w;
            this.cwd = cwd;
        }

        @Override
        public Outcome run(Runner.Command c, Settings s) {
            w.resumeCommands(); // the console waits for a cancelled command to end before it starts the next
            Outcomes outcomes = new Outcomes();
            Muted out = new Muted(w.newOutput(s.verbosity(), s.grouped()));
            current = out;
            try {
                Playbook pb = w.loader().adhoc(c.pattern(), c.module(), c.args(), cwd, Map.of("register", "_"));
                int code = w.runner(options(c, s), new Output(List.of(outcomes, out))).keepingHostStates(hostStates).run(pb, w.loader()).exitCode();
                return new Outcome(code, outcomes.failed());
            } catch (SourceException e) {
                System.out.println(e.render());
                return new Outcome(ExitCodes.UNREACHABLE_OR_PARSE, List.of());
            } finally {
                out.close();
            }
        }

        private RunOptions options(Runner.Command c, Settings s) {
            RunOptions base = w.options(Selection.ALL.withLimit(c.only() == null ? conn.limit : String.join(",", c.only())), false, false, cwd);
            RunPolicy p = base.policy();
            BecomeDefaults b = base.become();
            return base.with(new Mode(s.check(), s.diff(), s.verbosity()))
                    .with(new RunPolicy(s.forks(), p.strategy(), p.anyErrorsFatal(), p.forceHandlers(), s.timeout() == null ? null : Duration.ofSeconds(s.timeout())))
                    .with(new BecomeDefaults(s.become(), s.becomeMethod(), s.becomeUser(), b.flags(), b.password()))
                    .with(base.connection().withRemoteUser(s.remoteUser() != null ? s.remoteUser() : base.connection().remoteUser()))
                    .withoutRetryFiles();
        }

        @Override
        public List<String> hosts(String p) {
            try {
                return HostSelection.select(w.inventory(), p, conn.limit, x -> { }).stream().map(Host::name).toList();
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        @Override
        public List<String> groups() {
            return w.inventory().groups().stream().map(Group::name).sorted().toList();
        }

        @Override
        public Collection<String> modules() {
            return w.registry().allNames();
        }

        @Override
        public String doc(String module) {
            Module m = w.registry().find(module);
            return m == null ? null : DocCommand.page(m.spec());
        }

        @Override
        public ModuleSpec spec(String module) {
            Module m = w.registry().find(module);
            return m == null ? null : m.spec();
        }

        @Override
        public void cancel() {
            Muted m = current;
            if (m != null) m.mute();
            w.cancelCommands();
        }
    }

    /** Which hosts a command did not succeed on, in the play's host order. */
    private static final class Outcomes implements Callback {
        private List<String> order = List.of();
        private final Set<String> failed = ConcurrentHashMap.newKeySet();

        @Override
        public void on(Event e) {
            if (e instanceof Event.PlayStarted p) order = p.hosts();
            if (e instanceof Event.HostResult r && !r.ignored() && (r.status() == Status.FAILED || r.status() == Status.UNREACHABLE)) {
                failed.add(r.host());
            }
        }

        List<String> failed() {
            List<String> out = new ArrayList<>(order.stream().filter(failed::contains).toList());
            failed.stream().filter(h -> !out.contains(h)).sorted().forEach(out::add);
            return out;
        }
    }

    /** The output of one command, silenced when the command is cancelled (its hosts then fail as their connections close). */
    private static final class Muted implements Callback {
        private final Output inner;
        private volatile boolean muted;

        Muted(Output inner) {
            this.inner = inner;
        }

        void mute() {
            muted = true;
        }

        @Override
        public void on(Event e) {
            if (!muted) inner.on(e);
        }

        @Override
        public boolean wantsLiveOutput() {
            return inner.wantsLiveOutput();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
