package dev.jplay.cli;

import dev.jplay.connection.Secret;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads passwords from files or the terminal; they stay {@link Secret}s and never reach argv or logs. */
final class Secrets {
    private Secrets() {}

    /** The first line of a password file (an executable file is run and its output used, as Ansible does). */
    static Secret fromFile(Path file) {
        if (isScript(file)) return Secret.of(scriptOutput(List.of(file.toAbsolutePath().toString())).strip());
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return Secret.of(nl < 0 ? text : text.substring(0, nl));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Is this password file a script to run rather than a file to read (executable, as in Ansible)? */
    static boolean isScript(Path file) {
        return Files.isExecutable(file) && !Files.isDirectory(file);
    }

    /** What a password script prints on stdout; its stderr goes to the user's terminal, its stdin is empty. */
    static String scriptOutput(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) throw new IllegalArgumentException("password script " + command.get(0) + " returned non-zero (" + rc + ")");
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run password script " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while running " + command.get(0), e);
        }
    }

    /** Asks for a line on the terminal, echoed; null when there is no terminal. */
    static String askLine(String prompt) {
        Console c = System.console();
        return c == null ? null : c.readLine("%s", prompt);
    }

    /** Asks on the terminal without echo; null when there is no terminal. */
    static Secret ask(String prompt) {
        Console c = System.console();
        if (c == null) return null;
        char[] pw = c.readPassword("%s", prompt);
        return pw == null ? null : Secret.of(pw);
    }
}
