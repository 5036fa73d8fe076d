package dev.jplay.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The read-eval loop. A line is a built-in command, else a module call when its first word names a module
 * ({@code copy src=a dest=b}), else a shell command ({@code uptime | cut -c1-20}), run on the current pattern.
 * Lines reach the hosts exactly as typed: no history expansion ({@code !}) and no backslash processing.
 */
public final class Console {
    static final List<String> BUILTINS = Stream.concat(Stream.of("cd", "list", "retry", "save", "help", "exit"),
            SettingsCommands.NAMES.stream()).toList();

    /** How long Ctrl-C waits for the cancelled command to end before the prompt comes back anyway. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(2);

    private final Runner runner;
    private final PrintStream out;
    private final SettingsCommands settingsCommands;
    private final SessionLog log = new SessionLog();
    private final Path cwd;
    private String pattern;
    private Settings settings;
    private int worstExit;
    private Runner.Command last;
    private SessionLog.Entry lastEntry;
    private Runner.Outcome lastOutcome;
    private Terminal terminal;
    /** A cancelled command that had not ended when the prompt came back: the next one starts after it. */
    private CompletableFuture<Runner.Outcome> unfinished;

    public Console(Runner runner, String pattern, Settings settings, PrintStream out, Path cwd) {
        this.runner = runner;
        this.pattern = pattern;
        this.settings = settings;
        this.out = out;
        this.cwd = cwd;
        this.settingsCommands = new SettingsCommands(out);
    }

    /** Runs until {@code exit} or end of input; interactive (jline) when stdin is a terminal. Returns the worst exit code. */
    public int run(Path history) throws IOException {
        if (System.console() == null) return runLines(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        out.println("Welcome to the jplay console. Type help or ? to list commands.\n");
        try (Terminal t = TerminalBuilder.builder().system(true).build()) {
            attach(t);
            LineReader reader = LineReaderBuilder.builder().terminal(t).appName("jplay")
                    .completer(new ConsoleCompleter(runner)).variable(LineReader.HISTORY_FILE, history)
                    // the line goes to the hosts as typed: no !-expansion, no backslash removal (history keys still work)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    reader.getHistory().save();
                    return worstExit;
                }
                if (!handle(line)) {
                    reader.getHistory().save();
                    return worstExit;
                }
            }
        } finally {
            attach(null);
        }
    }

    /** Commands run from now on are cancelled by Ctrl-C on {@code t} (null: not on a terminal, nothing to cancel them). */
    void attach(Terminal t) {
        terminal = t;
    }

    /** Non-interactive: one command per line from {@code in}, echoed after the prompt. */
    public int runLines(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            out.println(prompt() + line);
            if (!handle(line)) break;
        }
        return worstExit;
    }

    /** {@code user@pattern (hosts)[f:forks check diff become:user]$}, {@code #} when commands run as root through become. */
    String prompt() {
        int n = runner.hosts(pattern).size();
        String who = settings.remoteUser() != null ? settings.remoteUser() : System.getProperty("user.name");
        StringBuilder flags = new StringBuilder("f:").append(settings.forks());
        if (settings.check()) flags.append(" check");
        if (settings.diff()) flags.append(" diff");
        if (settings.become() && !settings.rootBecome()) flags.append(" become:").append(settings.becomeUser());
        return who + "@" + pattern + " (" + n + ")[" + flags + "]" + (settings.rootBecome() ? "# " : "$ ");
    }

    /** Handles one line; false means exit. */
    boolean handle(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) return true;
        if (line.startsWith("!")) {
            execute(line, "shell", line.substring(1).strip());
            return true;
        }
        int sp = line.indexOf(' ');
        String word = sp < 0 ? line : line.substring(0, sp);
        String rest = sp < 0 ? "" : line.substring(sp + 1).strip();
        switch (word) {
            case "exit", "quit", "EOF" -> {
                return false;
            }
            case "cd" -> cd(rest);
            case "list" -> list(rest);
            case "help", "?" -> help(rest);
            case "retry" -> retry();
            case "save" -> save(rest);
            default -> {
                if (SettingsCommands.NAMES.contains(word)) {
                    SettingsCommands.Result r = settingsCommands.apply(word, rest, settings);
                    settings = r.settings();
                    if (r.error()) failed(1);
                } else if (runner.modules().contains(word)) {
                    execute(line, word, rest);
                } else {
                    execute(line, "shell", line);
                }
            }
        }
        return true;
    }

    private void failed(int code) {
        worstExit = Math.max(worstExit, code);
    }

    private void execute(String line, String module, String args) {
        last = new Runner.Command(pattern, null, module, args);
        lastEntry = new SessionLog.Entry(line, pattern, module, args, settings);
        lastOutcome = guarded(last);
        failed(lastOutcome.exitCode());
        if (lastOutcome.exitCode() == 0) log.add(lastEntry);
    }

    private void retry() {
        if (last == null) {
            out.println("No command to retry yet");
            return;
        }
        if (lastOutcome.failedHosts().isEmpty()) {
            out.println(lastOutcome.exitCode() == 130 ? "The last command was cancelled; run it again to retry"
                    : "Nothing to retry: the last command succeeded on every host");
            return;
        }
        out.println("retrying on " + String.join(", ", lastOutcome.failedHosts()));
        Runner.Command again = new Runner.Command(last.pattern(), lastOutcome.failedHosts(), last.module(), last.args());
        lastOutcome = guarded(again);
        failed(lastOutcome.exitCode());
        if (lastOutcome.exitCode() == 0) log.add(lastEntry);
    }

    /**
     * Runs one command; on a terminal, Ctrl-C cancels it: its processes on the hosts are killed, and the prompt
     * comes back once the command has ended (at most {@link #CANCEL_WAIT} after the kill).
     * <p>
     * The signal handler only says that Ctrl-C was pressed; this thread decides and cancels. A command ended by the
     * kill is then always reported as cancelled (when the handler cancelled itself, the command could end before it
     * said so, and the console took the killed command for one that had ended on its own), and a cancel can never
     * reach the next command.
     */
    private Runner.Outcome guarded(Runner.Command c) {
        Settings s = settings;
        if (terminal == null) return safely(c, s);
        if (unfinished != null) unfinished.handle((o, e) -> o).join();
        unfinished = null;
        // the handler first: a Ctrl-C as the command starts cancels it too
        CompletableFuture<Void> interrupted = new CompletableFuture<>();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, sig -> interrupted.complete(null));
        CompletableFuture<Runner.Outcome> run = CompletableFuture.supplyAsync(() -> safely(c, s));
        try {
            CompletableFuture.anyOf(run, interrupted).join();
            // Ctrl-C too late: the command had already ended on its own and its result is shown
            if (run.isDone()) return run.join();
            runner.cancel();
            try {
                run.get(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // the command's end is no longer reported; its hosts' processes were killed
            } catch (TimeoutException e) {
                unfinished = run;
            }
            out.println("\n[cancelled]");
            return Runner.Outcome.CANCELLED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Runner.Outcome.CANCELLED;
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    /** A command that fails unexpectedly (a bug) is reported and the session goes on. */
    private Runner.Outcome safely(Runner.Command c, Settings s) {
        try {
            return runner.run(c, s);
        } catch (RuntimeException e) {
            out.println("ERROR! Unexpected Exception, this is probably a bug: " + e);
            return new Runner.Outcome(250, List.of());
        }
    }

    private void cd(String arg) {
        // as ansible-console: no argument selects "*", "/" or "*" select "all"
        String p = arg.isEmpty() ? "*" : arg.equals("/") || arg.equals("*") ? "all" : arg;
        if (runner.hosts(p).isEmpty()) {
            out.println("no host matched");
            failed(1);
            return;
        }
        pattern = p;
    }

    private void list(String arg) {
        if (arg.isEmpty()) runner.hosts(pattern).forEach(out::println);
        else if (arg.equals("groups")) runner.groups().forEach(out::println);
        else {
            out.println("Invalid option passed to \"list\"\n" + Help.page("list"));
            failed(1);
        }
    }

    private void save(String file) {
        if (file.isEmpty()) {
            out.println(Help.page("save"));
            failed(1);
            return;
        }
        if (log.isEmpty()) {
            out.println("Nothing to save: no command has succeeded yet");
            return;
        }
        Path target = cwd.resolve(file);
        try {
            Files.writeString(target, log.playbook(), StandardCharsets.UTF_8);
            out.println("saved " + log.size() + (log.size() == 1 ? " command to " : " commands to ") + target);
        } catch (IOException e) {
            out.println("cannot write " + target + ": " + e.getMessage());
            failed(1);
        }
    }

    private void help(String topic) {
        if (topic.isEmpty()) {
            out.print(Help.OVERVIEW);
            return;
        }
        String page = Help.page(topic);
        if (page == null) page = runner.doc(topic);
        if (page == null) {
            out.println(topic + " is not a valid command, use ? to list all valid commands.");
            return;
        }
        out.print(page.endsWith("\n") ? page : page + "\n");
    }
}
