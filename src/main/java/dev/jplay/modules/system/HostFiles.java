package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.FileAttrs;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Diff;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.nio.charset.StandardCharsets;

/**
 * Reading and rewriting small configuration files on the host (sysctl.conf, fstab, sources.list.d entries, ...):
 * a {@link Probe} snippet that prints a file (status 1 when it is missing), an atomic write through the
 * connection, and the {@code --diff} entry for a change.
 */
public final class HostFiles {
    private HostFiles() {}

    /** A snippet printing the file; its status is non-zero when the file does not exist. */
    public static String cat(String path) {
        String p = ShellCommand.quote(path);
        return "[ -f " + p + " ] && cat " + p;
    }

    /** Writes {@code content} atomically (keeping the replaced file's mode), creating the directory when needed. */
    public static void write(ModuleContext ctx, String path, String content, String newMode) throws ConnectionException {
        int slash = path.lastIndexOf('/');
        if (slash > 0) ctx.sh("mkdir -p " + ShellCommand.quote(path.substring(0, slash)));
        ctx.put(content.getBytes(StandardCharsets.UTF_8), path, new FileAttrs(newMode, null, null));
    }

    /** Adds a before/after diff of the file to {@code r} when the task runs with --diff. */
    public static ModuleResult diff(ModuleContext ctx, ModuleResult r, String path, String before, String after) {
        return ctx.diff() ? r.diff(Diff.text(path, before, after)) : r;
    }
}
