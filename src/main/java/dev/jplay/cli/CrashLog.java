package dev.jplay.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An internal error (a bug in jplay, not a mistake in the user's files): the user gets one line saying so and
 * where the details are, never a Java class name or stack trace; the details (command line, stack trace) go to
 * {@code $XDG_STATE_HOME/jplay/} (default {@code ~/.local/state/jplay/}), or the temp directory when that cannot be
 * written. Exit code 250, as ansible-playbook's for an unexpected exception. {@code JPLAY_DEBUG=1} also prints the
 * stack trace.
 */
final class CrashLog {
    private CrashLog() {}

    static int report(Throwable t, String[] args, PrintWriter err) {
        Path file = write(t, args);
        err.println("ERROR! Unexpected internal error: this is a bug in jplay, not in your files. "
                + (file != null ? "The details were written to " + file : "The details could not be written anywhere")
                + " (please include that file in a bug report).");
        if (System.getenv("JPLAY_DEBUG") != null) t.printStackTrace(err);
        err.flush();
        return ExitCodes.UNEXPECTED;
    }

    private static Path write(Throwable t, String[] args) {
        StringWriter text = new StringWriter();
        try (PrintWriter w = new PrintWriter(text)) {
            w.println(Version.text());
            w.println("command line: jplay " + String.join(" ", Secretless.args(args)));
            w.println("directory: " + Path.of("").toAbsolutePath());
            t.printStackTrace(w);
        }
        String name = "crash-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + ProcessHandle.current().pid() + ".log";
        for (Path dir : new Path[] {stateDir(), Path.of(System.getProperty("java.io.tmpdir"))}) {
            try {
                Files.createDirectories(dir);
                return Files.writeString(dir.resolve(name), text.toString(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                // try the next place
            }
        }
        return null;
    }

    private static Path stateDir() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("jplay");
    }

    /** Command-line words with the values of -e and password options left out (they may hold secrets). */
    static final class Secretless {
        private Secretless() {}

        static String[] args(String[] args) {
            String[] out = args.clone();
            for (int i = 0; i < out.length; i++) {
                String a = out[i];
                if ((a.equals("-e") || a.equals("--extra-vars")) && i + 1 < out.length) out[++i] = "(hidden)";
                else if (a.startsWith("-e") && a.length() > 2 || a.startsWith("--extra-vars=")) out[i] = "-e(hidden)";
            }
            return out;
        }
    }
}
