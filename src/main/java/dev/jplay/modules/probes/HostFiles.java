package dev.jplay.modules.probes;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.FileAttrs;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Diff;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.nio.charset.StandardCharsets;

/**
 * Reading and rewriting small configuration files on the host (sysctl.conf, fstab, sources.list.d entries, ...):
 * a {@link Probes} snippet that prints a file (status 1 when it is missing), an atomic write through the
 * connection, and the {@code --diff} entry for a change.
 */
public final class HostFiles {
    private HostFiles() {}

    /** A snippet printing the file; its status is non-zero when the file does not exist. */
    public static String cat(String path) {
        String p = ShellCommand.quote(path);
        return "[ -f " + p + " ] && cat " + p;
    }

    /**
     * Writes {@code content} atomically with mode {@code mode} (null keeps the replaced file's mode); when the
     * directory is missing it is created and the write retried, so the usual case costs one transfer.
     */
    public static void write(ModuleContext ctx, String path, String content, String mode) throws ConnectionException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        FileAttrs attrs = new FileAttrs(mode, null, null);
        try {
            ctx.put(data, path, attrs);
        } catch (ConnectionException e) {
            int slash = path.lastIndexOf('/');
            if (e.kind() != ConnectionException.Kind.TRANSFER || slash <= 0) throw e;
            ctx.sh("mkdir -p " + ShellCommand.quote(path.substring(0, slash)));
            ctx.put(data, path, attrs);
        }
    }

    /** Adds a before/after diff of the file to {@code r} when the task runs with --diff. */
    public static ModuleResult diff(ModuleContext ctx, ModuleResult r, String path, String before, String after) {
        return ctx.diff() ? r.diff(Diff.text(path, before, after)) : r;
    }
}
