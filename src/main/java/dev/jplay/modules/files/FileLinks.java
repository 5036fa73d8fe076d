package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.util.Map;

/** The {@code file} module's states link and hard, with Ansible's refusals and messages. */
final class FileLinks {
    private FileLinks() {}

    static ModuleResult link(ModuleContext ctx, ModuleArgs a, boolean hard, String path, FileState st, FileState source,
                             FileStates.Wanted want) throws ConnectionException {
        String src = a.str("src");
        boolean force = a.bool("force");
        String state = hard ? "hard" : "link";
        if (src == null && !st.exists()) return ModuleResult.failed("src is required for creating new " + (hard ? "hardlinks" : "symlinks"));
        if (src != null && source != null && !source.exists() && (hard || !force)) {
            String abs = FileModule.linkSource(path, src);
            return ModuleResult.failed(hard ? "src does not exist" : "src file does not exist, use \"force=yes\" if you really want to create the link: "
                    + abs).put("path", path).put("src", src);
        }
        String prev = st.exists() ? st.stateWord() : "absent";
        if (st.isDir() && !force) {
            return ModuleResult.failed("refusing to convert from directory to " + (hard ? "hard link" : "symlink") + " for " + path)
                    .put("path", path);
        }
        if (!hard && (prev.equals("file") || prev.equals("hard")) && !force) {
            return ModuleResult.failed("refusing to convert from " + prev + " to symlink for " + path).put("path", path);
        }
        boolean same = hard ? st.isFile() && source != null && st.inode() == source.inode()
                : st.isLink() && (src == null || src.equals(st.linkTarget()));
        Attrs attrs = want.attrs();
        if (same) {
            ModuleResult r = FileStates.applyAttrs(ctx, path, st, want, prev, state, "");
            return withDest(r, path, src == null ? st.linkTarget() : src);
        }
        Map<String, Object> before = st.isLink() ? Map.of("src", st.linkTarget()) : Map.of();
        ModuleResult r = ModuleResult.changed(true);
        r.diff(FileModule.stateDiff(path, prev, state, before, before.isEmpty() ? Map.of() : Map.of("src", src)));
        if (ctx.check()) return withDest(r, path, src);
        String rm = st.isDir() ? "rmdir -- " + quote(path) + " && " : "";
        String cmd = rm + "ln " + (hard ? "-f" : "-sfn") + " -- " + quote(hard ? FileModule.linkSource(path, src) : src) + " " + quote(path);
        if (attrs.owner() != null) cmd += " && chown -h " + quote(attrs.owner()) + " -- " + quote(path);
        if (attrs.group() != null) cmd += " && chgrp -h " + quote(attrs.group()) + " -- " + quote(path);
        FileState now = PathProbe.afterChange(ctx, cmd, path);
        Timestamps.Change times = want.times().plan(ctx, path);
        if (times.changed()) FileOps.run(ctx, times.command());
        return now.addPathInfo(withDest(r, path, src));
    }

    private static ModuleResult withDest(ModuleResult r, String path, String src) {
        return r.put("dest", path).put("src", src);
    }
}
