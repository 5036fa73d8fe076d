package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.util.List;
import java.util.Map;

/** {@code copy remote_src=yes}: a host file or tree copied to another host path, compared by sha1 first. */
final class RemoteCopy {
    private RemoteCopy() {}

    static ModuleResult run(ModuleContext ctx, ModuleArgs a, String src, String destArg) throws ConnectionException {
        String dest = destArg;
        String inDir = ShellDirs.join(dest, ShellDirs.base(src));
        PathProbe.Result pr = PathProbe.run(ctx, List.of(src, dest, inDir, ShellDirs.parent(dest)), "c", "");
        FileState from = pr.state(0);
        if (!from.exists()) return ModuleResult.failed("Source " + src + " not found");
        if (from.resolvedType() == FileState.Type.DIRECTORY) return tree(ctx, a, src, dest);
        FileState st = pr.state(1);
        if (st.resolvedType() == FileState.Type.DIRECTORY || dest.endsWith("/")) {
            dest = inDir;
            st = pr.state(2);
        } else if (!st.exists() && !pr.state(3).exists()) {
            return ModuleResult.failed("Destination directory " + ShellDirs.parent(dest) + " does not exist");
        }
        if (st.exists() && !a.bool("force")) {
            return ModuleResult.ok().msg("file already exists").put("src", src).put("dest", dest);
        }
        Attrs attrs = Attrs.of(a);
        boolean same = from.checksum() != null && from.checksum().equals(st.checksum());
        Attrs.Plan plan = same ? attrs.plan(st) : null;
        boolean changed = !same || plan.changed();
        if (changed && !ctx.check()) {
            if (same) FileOps.run(ctx, plan.commands());
            else copy(ctx, a, src, dest, st, attrs);
        }
        FileState now = changed && !ctx.check() ? PathProbe.one(ctx, dest, true, false).state(0) : same ? plan.result() : st;
        ModuleResult r = ModuleResult.changed(changed).put("dest", dest).put("src", src).put("checksum", from.checksum());
        return now.addPathInfo(r);
    }

    private static void copy(ModuleContext ctx, ModuleArgs a, String src, String dest, FileState st, Attrs attrs)
            throws ConnectionException {
        String tmp = ShellDirs.parent(dest) + "/." + ShellDirs.base(dest) + ".jplay-copy";
        var fa = attrs.forWrite(st);
        StringBuilder sb = new StringBuilder();
        if (a.bool("backup") && st.exists()) sb.append(Writer.backupCommand(dest)).append(" && ");
        sb.append("cp -- ").append(quote(src)).append(' ').append(quote(tmp));
        sb.append(" && chmod ").append(fa.mode() == null ? "0644" : fa.mode()).append(' ').append(quote(tmp));
        if (fa.owner() != null) sb.append(" && chown ").append(quote(fa.owner())).append(' ').append(quote(tmp));
        if (fa.group() != null) sb.append(" && chgrp ").append(quote(fa.group())).append(' ').append(quote(tmp));
        sb.append(" && mv -f -- ").append(quote(tmp)).append(' ').append(quote(dest));
        FileOps.run(ctx, sb.toString());
    }

    private static ModuleResult tree(ModuleContext ctx, ModuleArgs a, String src, String dest) throws ConnectionException {
        String root = src.endsWith("/") ? ShellDirs.trimSlash(dest) : ShellDirs.join(dest, ShellDirs.base(src));
        Map<String, Tree.Entry> from = Tree.remote(ctx, ShellDirs.trimSlash(src));
        Map<String, Tree.Entry> have = Tree.remote(ctx, root);
        from.remove("");
        TreeCopy.Plan plan = TreeCopy.plan(a, root, from, have);
        if (plan.changed() && !ctx.check()) {
            TreeCopy.makeDirs(ctx, root, plan.dirs(), a.get("directory_mode"));
            StringBuilder sb = new StringBuilder();
            for (String f : plan.files()) {
                sb.append("cp -- ").append(quote(ShellDirs.join(ShellDirs.trimSlash(src), f))).append(' ')
                  .append(quote(ShellDirs.join(root, f))).append(" && ");
            }
            FileOps.run(ctx, sb.append(plan.fixes()).append("true").toString());
        }
        return ModuleResult.changed(plan.changed()).put("dest", dest).put("src", src);
    }
}
