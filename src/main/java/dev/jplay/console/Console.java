package dev.jplay.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The read-eval loop. A line is a built-in command, else a module call when its first word names a module
 * ({@code copy src=a dest=b}), else a shell command ({@code uptime | cut -c1-20}), run on the current pattern.
 */
public final class Console {
    static final List<String> BUILTINS = List.of("cd", "list", "forks", "become", "become_user", "remote_user", "check", "diff",
            "verbosity", "timeout", "help", "exit");

    private final Runner runner;
    private final PrintStream out;
    private String pattern;
    private Settings settings;
    private int lastExit;

    private Terminal terminal;

    public Console(Runner runner, String pattern, Settings settings, PrintStream out) {
        this.runner = runner;
        this.pattern = pattern;
        this.settings = settings;
        this.out = out;
    }

    /** Runs until {@code exit} or end of input; interactive (jline) when stdin is a terminal. Returns the last exit code. */
    public int run(Path history) throws IOException {
        if (System.console() == null) return runLines(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        out.println("Welcome to the jplay console. Type help or ? to list commands.\n");
        try (Terminal t = TerminalBuilder.builder().system(true).build()) {
            terminal = t;
            LineReader reader = LineReaderBuilder.builder().terminal(t).appName("jplay")
                    .completer(new ConsoleCompleter(runner)).variable(LineReader.HISTORY_FILE, history).build();
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return lastExit;
                }
                if (!handle(line)) {
                    reader.getHistory().save();
                    return lastExit;
                }
            }
        } finally {
            terminal = null;
        }
    }

    /** Non-interactive: one command per line from {@code in}, echoed after the prompt. */
    public int runLines(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            out.println(prompt() + line);
            if (!handle(line)) break;
        }
        return lastExit;
    }

    String prompt() {
        int n = runner.hosts(pattern).size();
        String who = settings.become() ? settings.becomeUser() : settings.remoteUser();
        return who + "@" + pattern + " (" + n + ")[f:" + settings.forks() + "]" + (settings.become() ? "# " : "$ ");
    }

    /** Handles one line; false means exit. */
    boolean handle(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) return true;
        int sp = line.indexOf(' ');
        String word = sp < 0 ? line : line.substring(0, sp);
        String rest = sp < 0 ? "" : line.substring(sp + 1).strip();
        switch (word) {
            case "exit", "quit", "EOF" -> {
                return false;
            }
            case "cd" -> cd(rest);
            case "list" -> list(rest);
            case "forks", "serial" -> setInt(rest, "forks", n -> settings = settings.withForks(Math.max(1, n)));
            case "verbosity" -> setInt(rest, "verbosity", n -> settings = settings.withVerbosity(n));
            case "timeout" -> setInt(rest, "timeout", n -> settings = settings.withTimeout(n <= 0 ? null : n));
            case "become" -> setBool(rest, "become", b -> settings = settings.withBecome(b));
            case "check" -> setBool(rest, "check", b -> settings = settings.withCheck(b));
            case "diff" -> setBool(rest, "diff", b -> settings = settings.withDiff(b));
            case "become_user" -> {
                if (rest.isEmpty()) out.println("Please specify a user, e.g. `become_user jenkins`");
                else settings = settings.withBecomeUser(rest);
            }
            case "remote_user" -> {
                if (rest.isEmpty()) out.println("Please specify a remote user, e.g. `remote_user root`");
                else settings = settings.withRemoteUser(rest);
            }
            case "help", "?" -> help(rest);
            default -> execute(word, rest, line);
        }
        return true;
    }

    private void execute(String word, String rest, String line) {
        if (line.startsWith("!")) lastExit = guarded("shell", line.substring(1).strip());
        else if (runner.modules().contains(word)) lastExit = guarded(word, rest);
        else lastExit = guarded("shell", line);
    }

    /** Runs one command; on a terminal, Ctrl-C cancels it on all hosts and returns to the prompt at once. */
    private int guarded(String module, String args) {
        if (terminal == null) return runner.run(pattern, module, args, settings);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> runner.run(pattern, module, args, settings));
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> {
            out.println("\n[cancelled]");
            runner.cancel();
            run.complete(130);
        });
        try {
            return run.join();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    private void cd(String arg) {
        String p = arg.isEmpty() || arg.equals("/") || arg.equals("*") ? "all" : arg;
        if (runner.hosts(p).isEmpty()) {
            out.println("no host matched");
            return;
        }
        pattern = p;
    }

    private void list(String arg) {
        if (arg.equals("groups")) runner.groups().forEach(out::println);
        else runner.hosts(pattern).forEach(out::println);
    }

    private void setInt(String arg, String what, java.util.function.IntConsumer set) {
        try {
            set.accept(Integer.parseInt(arg));
        } catch (NumberFormatException e) {
            out.println("Usage: " + what + " <number>");
        }
    }

    private void setBool(String arg, String what, java.util.function.Consumer<Boolean> set) {
        String a = arg.toLowerCase(Locale.ROOT);
        if (Set.of("yes", "y", "true", "on", "1").contains(a)) set.accept(true);
        else if (Set.of("no", "n", "false", "off", "0").contains(a)) set.accept(false);
        else out.println("Please specify " + what + " yes|no (currently " + (current(what) ? "yes" : "no") + ")");
    }

    private boolean current(String what) {
        return switch (what) {
            case "become" -> settings.become();
            case "check" -> settings.check();
            default -> settings.diff();
        };
    }

    private void help(String topic) {
        if (!topic.isEmpty()) {
            String doc = runner.doc(topic);
            out.print(doc != null ? doc : "No help on " + topic + "\n");
            return;
        }
        out.println("""
                Commands:
                  cd [PATTERN]        change the target hosts (no argument: all)
                  list [groups]       the target hosts, or all groups
                  forks N             run on N hosts at once
                  become yes|no       escalate privileges (become_user USER to choose whom)
                  remote_user USER    log in as USER
                  check yes|no        dry run;  diff yes|no  show changes
                  verbosity N, timeout N
                  help MODULE         the module's documentation
                  exit                leave (or Ctrl-D)
                Anything else runs on the target hosts: MODULE ARGS (e.g. copy src=a dest=/tmp/a), or a shell
                command (!CMD always runs CMD with the shell module). Ctrl-C cancels a running command.""");
    }
}
