package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.util.Map;

/** The {@code file} module's states file, directory and touch. */
final class FileStates {
    private FileStates() {}

    static ModuleResult file(ModuleContext ctx, String path, FileState st, Attrs attrs, boolean follow) throws ConnectionException {
        if (!st.exists()) {
            return ModuleResult.failed("file (" + path + ") is absent, cannot continue").put("path", path).put("state", "absent");
        }
        if (st.isLink() && follow && st.followedType() == FileState.Type.ABSENT) {
            return ModuleResult.failed("file (" + path + ") is absent, cannot continue").put("path", path).put("state", "absent");
        }
        FileState target = st.isLink() && follow ? followed(ctx, path) : st;
        return applyAttrs(ctx, path, target, attrs, st.stateWord(), st.stateWord(), "");
    }

    private static FileState followed(ModuleContext ctx, String path) throws ConnectionException {
        String real = FileOps.run(ctx, "readlink -f -- " + quote(path)).out().strip();
        return PathProbe.one(ctx, real, false, false).state(0);
    }

    static ModuleResult directory(ModuleContext ctx, String path, FileState st, Attrs attrs, String tree) throws ConnectionException {
        FileState.Type kind = st.resolvedType();
        if (st.exists() && kind != FileState.Type.DIRECTORY) {
            return ModuleResult.failed(path + " already exists as a " + st.stateWord()).put("path", path);
        }
        if (!st.exists()) {
            String mode = Modes.given(attrs.mode()) ? Modes.octal(attrs.modeFor(st, true)) : null;
            ModuleResult r = ModuleResult.changed(true).put("path", path);
            r.diff(FileModule.stateDiff(path, "absent", "directory", Map.of(), Map.of()));
            if (ctx.check()) return r.put("state", "absent");
            String cmd = "mkdir -p -- " + quote(path) + owners(attrs, path) + (mode == null ? "" : " && chmod " + mode + " -- " + quote(path));
            return PathProbe.afterChange(ctx, cmd, path).addPathInfo(r);
        }
        boolean subChanged = tree != null && RecursiveAttrs.differs(tree, attrs);
        String extra = subChanged ? RecursiveAttrs.commands(path, attrs) : "";
        return applyAttrs(ctx, path, st, attrs, "directory", "directory", extra);
    }

    private static String owners(Attrs attrs, String path) {
        String s = "";
        if (attrs.owner() != null) s += " && chown " + quote(attrs.owner()) + " -- " + quote(path);
        if (attrs.group() != null) s += " && chgrp " + quote(attrs.group()) + " -- " + quote(path);
        return s;
    }

    static ModuleResult touch(ModuleContext ctx, String path, FileState st, Attrs attrs) throws ConnectionException {
        ModuleResult r = ModuleResult.changed(true).put("path", path);
        r.diff(FileModule.stateDiff(path, st.exists() ? st.stateWord() : "absent", "touch", Map.of(), Map.of()));
        if (ctx.check()) return st.addPathInfo(r);
        Attrs.Plan plan = attrs.plan(st.exists() ? st : st.withAttrs(0644, null, null));
        String fix = st.exists() ? plan.commands() : "";
        String cmd = "touch -- " + quote(path) + (fix.isEmpty() ? "" : " && " + fix);
        if (!st.exists()) cmd += owners(attrs, path) + (Modes.given(attrs.mode())
                ? " && chmod " + Modes.octal(attrs.modeFor(st, false)) + " -- " + quote(path) : "");
        return PathProbe.afterChange(ctx, cmd, path).addPathInfo(r);
    }

    /** Sets attributes of an existing path (plus {@code extra} commands); reports the {path, state, mode...} diff. */
    static ModuleResult applyAttrs(ModuleContext ctx, String path, FileState st, Attrs attrs, String before, String after,
                                   String extra) throws ConnectionException {
        Attrs.Plan plan = attrs.plan(st);
        boolean changed = plan.changed() || !extra.isEmpty();
        ModuleResult r = ModuleResult.changed(changed).put("path", path);
        r.diff(FileModule.stateDiff(path, before, after, plan.before(), plan.after()));
        if (!changed || ctx.check()) return plan.result().addPathInfo(r);
        String cmd = String.join(" && ", java.util.stream.Stream.of(plan.commands(), extra).filter(s -> !s.isEmpty()).toList());
        return PathProbe.afterChange(ctx, cmd, path).addPathInfo(r);
    }
}
