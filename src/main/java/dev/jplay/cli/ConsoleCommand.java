package dev.jplay.cli;

import dev.jplay.console.Console;
import dev.jplay.console.Runner;
import dev.jplay.console.Settings;
import dev.jplay.inventory.Group;
import dev.jplay.inventory.Host;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.output.Callback;
import dev.jplay.output.Event;
import dev.jplay.output.Output;
import dev.jplay.playbook.Playbook;
import dev.jplay.source.SourceException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jplay console [PATTERN]}: the interactive ad-hoc shell, over one set of connections kept for the session. */
@Command(name = "console", sortOptions = false, description = "An interactive shell for ad-hoc commands (like 'ansible-console').")
public final class ConsoleCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PATTERN", description = "Host pattern to start with (default all).")
    String pattern = "all";

    @Mixin
    ConnectionOptions conn = new ConnectionOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        try (Wiring w = Wiring.create(conn, cwd, new Wiring.OutputMode("minimal", false), List.of())) {
            Session session = new Session(w, cwd);
            String user = conn.user != null ? conn.user : System.getProperty("user.name");
            Settings s = new Settings(conn.forks != null ? conn.forks : 5, conn.become, conn.becomeUser != null ? conn.becomeUser : "root",
                    conn.check, conn.diff, conn.verbosity(), conn.taskTimeout, user);
            Console console = new Console(session, pattern, s, System.out);
            return console.run(Path.of(System.getProperty("user.home"), ".jplay_console_history"));
        }
    }

    /** The console's view of the engine: ad-hoc plays run through the same loader and runner as {@code jplay adhoc}. */
    private final class Session implements Runner {
        private final Wiring w;
        private final Path cwd;
        private volatile Muted current;

        Session(Wiring w, Path cwd) {
            this.w = w;
            this.cwd = cwd;
        }

        @Override
        public int run(String pattern, String module, String args, Settings s) {
            conn.forks = s.forks();
            conn.become = s.become();
            conn.becomeUser = s.becomeUser();
            conn.check = s.check();
            conn.diff = s.diff();
            conn.taskTimeout = s.timeout();
            conn.user = s.remoteUser();
            Muted out = new Muted(w.newOutput(s.verbosity()));
            current = out;
            try {
                Playbook pb = w.loader().adhoc(pattern, module, args, cwd);
                return w.runner(w.options(Set.of("all"), Set.of(), null, false, false, cwd), new Output(List.of(out))).run(pb, w.loader()).exitCode();
            } catch (SourceException e) {
                System.out.println(e.render());
                return ExitCodes.UNREACHABLE_OR_PARSE;
            } finally {
                out.close();
            }
        }

        @Override
        public List<String> hosts(String p) {
            try {
                return w.inventory().select(p, x -> { }).stream().map(Host::name).toList();
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        @Override
        public List<String> groups() {
            return w.inventory().groups().stream().map(Group::name).toList();
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
            w.dropConnections();
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
        public void close() {
            inner.close();
        }
    }
}
