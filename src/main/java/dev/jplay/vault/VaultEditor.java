package dev.jplay.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.utils.Signals;

/**
 * Runs the user's editor ({@code $EDITOR}, else {@code vi}) on a private plain-text copy: a {@code 0700} directory
 * with a {@code 0600} file, shredded afterwards in every case: when the editor exits, when it cannot be run,
 * when Ctrl-C reaches jplay while the editor runs (the edit is then dropped), and when the process is terminated.
 */
public final class VaultEditor {
    private final List<String> command;

    /** {@code command}: the editor and its arguments; the file name is appended. */
    public VaultEditor(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** Edits {@code plaintext} in a file named {@code *suffix}; returns the new text, or null when interrupted. */
    public byte[] edit(byte[] plaintext, String suffix) {
        Path dir = null;
        Path file = null;
        Thread cleanup = null;
        AtomicBoolean interrupted = new AtomicBoolean();
        Object previous = Signals.register("INT", () -> interrupted.set(true));
        try {
            dir = Files.createTempDirectory("jplay-vault-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            file = Files.createFile(dir.resolve("edit" + suffix), PosixFilePermissions.asFileAttribute(VaultFiles.PRIVATE));
            Path f = file;
            Path d = dir;
            cleanup = new Thread(() -> remove(f, d), "jplay-vault-shred");
            Runtime.getRuntime().addShutdownHook(cleanup);
            Files.write(file, plaintext);
            List<String> cmd = new ArrayList<>(command);
            cmd.add(file.toString());
            int rc = run(cmd);
            // the editor shares the terminal: Ctrl-C may end it (128 + SIGINT) before jplay's own handler has run
            if (interrupted.get() || rc == 128 + 2) {
                interrupted.set(true);
                return null;
            }
            if (rc != 0) throw new IllegalStateException("The editor " + String.join(" ", command) + " exited with " + rc + "; nothing was saved");
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Unable to edit in a private temporary file: " + e.getMessage(), e);
        } finally {
            // after a Ctrl-C, the JVM may look its handler up only now: restoring the default one here would exit 130
            // before the caller says the file was left as it was (the shutdown hook below still shreds the copy)
            if (!interrupted.get()) Signals.unregister("INT", previous);
            remove(file, dir);
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            }
        }
    }

    private static int run(List<String> cmd) throws IOException {
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Unable to execute the command \"" + String.join(" ", cmd) + "\": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the editor ran", e);
        }
    }

    private static void remove(Path file, Path dir) {
        if (file != null) VaultFiles.shred(file);
        if (dir == null) return;
        try (var leftovers = Files.list(dir)) {
            // editors leave swap and backup files beside the one they edit: plain text too
            leftovers.forEach(VaultFiles::shred);
        } catch (IOException ignored) {
            // already gone
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // not empty: a file appeared after the listing; the directory stays private
        }
    }

    /** Equal texts mean the user changed nothing and the vault file stays as it is. */
    public static boolean changed(byte[] before, byte[] after) {
        return !Arrays.equals(before, after);
    }
}
