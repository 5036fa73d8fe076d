package dev.jplay.cli;

import dev.jplay.connection.Secret;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads passwords from files or the terminal; they stay {@link Secret}s and never reach argv or logs. */
final class Secrets {
    private Secrets() {}

    /** The first line of a password file (an executable file is run and its output used, as Ansible does). */
    static Secret fromFile(Path file) {
        try {
            if (Files.isExecutable(file) && !Files.isDirectory(file)) {
                Process p = new ProcessBuilder(file.toAbsolutePath().toString()).redirectErrorStream(false).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) throw new IllegalArgumentException("password script " + file + " failed");
                return Secret.of(out.strip());
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return Secret.of(nl < 0 ? text : text.substring(0, nl));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read password file " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted", e);
        }
    }

    /** Asks on the terminal without echo; null when there is no terminal. */
    static Secret ask(String prompt) {
        Console c = System.console();
        if (c == null) return null;
        char[] pw = c.readPassword("%s", prompt);
        return pw == null ? null : Secret.of(pw);
    }
}
