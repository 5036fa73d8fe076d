package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.util.List;

/**
 * Puts one file's bytes at {@code dest} on the host, for copy (content or a controller file) and template:
 * one probe (dest, dest/basename when dest is a directory, the parent), a sha1 comparison so that unchanged files
 * are never sent, then the shared {@link Writer} path and the attributes. Returns Ansible's copy result keys.
 */
final class ContentCopy {
    private ContentCopy() {}

    /** The bytes to place: {@code label} is the src reported back, {@code basename} names the file inside a dest dir. */
    record Source(byte[] data, String label, String basename, Integer mode) {}

    static ModuleResult run(ModuleContext ctx, ModuleArgs a, Source src, String destArg) throws ConnectionException {
        ModuleResult bad = Writer.checkValidate(a.str("validate"));
        if (bad != null) return bad;
        String dest = destArg;
        boolean trailing = dest.endsWith("/");
        if (trailing) {
            if (src.basename() == null) return ModuleResult.failed("can not use content with a dir as dest");
            dest = ShellDirs.join(dest, src.basename());
        }
        String inDir = src.basename() == null ? dest : ShellDirs.join(dest, src.basename());
        String flags = ctx.diff() ? "cb" : "c";
        PathProbe.Result pr = PathProbe.run(ctx, List.of(dest, inDir, ShellDirs.parent(dest)), flags, "");
        FileState st = pr.state(0);
        if (st.resolvedType() == FileState.Type.DIRECTORY) {
            if (src.basename() == null) return ModuleResult.failed("can not use content with a dir as dest");
            dest = inDir;
            st = pr.state(1);
        }
        if (!st.exists() && !pr.state(2).exists()) {
            if (ctx.check()) return wouldCreate(ctx, src, dest);
            if (!trailing) {
                return ModuleResult.failed("Destination directory " + ShellDirs.parent(dest) + " does not exist")
                        .put("checksum", Texts.sha1(src.data()));
            }
            makeDirs(ctx, ShellDirs.parent(dest), a.get("directory_mode"));
        }
        return place(ctx, a, src, dest, st, pr.content(dest));
    }

    /**
     * Check mode, with the destination's directory missing (an earlier task would have created it): changed, as
     * Ansible's copy action reports from the checksums alone, before the module would look at the directory.
     */
    private static ModuleResult wouldCreate(ModuleContext ctx, Source src, String dest) {
        ModuleResult r = ModuleResult.changed(true);
        if (ctx.diff()) r.diff(Texts.diff(null, src.label() == null ? dest : src.label(), null, src.data()));
        return r;
    }

    private static void makeDirs(ModuleContext ctx, String dir, Object dirMode) throws ConnectionException {
        String m = Modes.given(dirMode) ? " -m " + quote(dirMode instanceof Number n ? Modes.octal(n.intValue()) : dirMode.toString()) : "";
        ExecResult r = ctx.sh("mkdir -p" + m + " -- " + quote(dir));
        if (!r.ok()) throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot create " + dir + ": " + r.err().strip());
    }

    private static ModuleResult place(ModuleContext ctx, ModuleArgs a, Source src, String dest, FileState st, byte[] before)
            throws ConnectionException {
        String sum = Texts.sha1(src.data());
        if (a.has("checksum") && !a.str("checksum").equalsIgnoreCase(sum)) {
            return ModuleResult.failed("Copied file does not match the expected checksum. Transfer failed.").put("checksum", sum)
                    .put("expected_checksum", a.str("checksum"));
        }
        Attrs attrs = attrsFor(a, src);
        if (st.exists() && !a.bool("force")) {
            return ModuleResult.ok().msg("file already exists").put("src", src.label()).put("dest", dest);
        }
        if (sum.equals(st.checksum())) {
            Attrs.Plan plan = attrs.plan(st);
            if (plan.changed() && !ctx.check()) FileOps.run(ctx, plan.commands());
            return result(plan.changed(), dest, src, sum, plan.result());
        }
        ModuleResult r;
        if (ctx.check()) {
            int m = attrs.modeFor(st, false);
            FileState would = st.exists() ? st.withAttrs(m, a.str("owner"), a.str("group")) : st;
            r = result(true, dest, src, sum, would);
        } else {
            Writer.Written w = Writer.write(ctx, dest, src.data(), st, attrs, a.bool("backup"), a.str("validate"));
            if (w.failure() != null) return w.failure();
            r = result(true, dest, src, sum, PathProbe.one(ctx, dest, false, false).state(0));
            if (w.backup() != null) r.put("backup_file", w.backup());
        }
        if (ctx.diff()) {
            r.diff(Texts.diff(st.exists() ? dest : null, src.label() == null ? dest : src.label(), st.exists() ? before : null, src.data()));
        }
        return r;
    }

    /** The task's attributes; {@code mode: preserve} takes the source file's mode. */
    private static Attrs attrsFor(ModuleArgs a, Source src) {
        Object mode = a.get("mode");
        if (mode != null && "preserve".equals(mode.toString())) mode = src.mode() == null ? null : Modes.octal(src.mode());
        return new Attrs(mode, a.str("owner"), a.str("group"));
    }

    private static ModuleResult result(boolean changed, String dest, Source src, String sum, FileState st) {
        ModuleResult r = ModuleResult.changed(changed).put("dest", dest);
        if (src.label() != null) r.put("src", src.label());
        r.put("md5sum", Texts.md5(src.data())).put("checksum", sum);
        return st.addPathInfo(r);
    }
}
