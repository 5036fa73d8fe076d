package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code file} module's states file, directory and touch, and attribute/time changes of existing paths. */
final class FileStates {
    private FileStates() {}

    /**
     * What the task asks of the path besides its kind: attributes and times; {@code timesRead}: what
     * {@link Timestamps#read} printed for the path in the task's first round trip (null: not read).
     */
    record Wanted(Attrs attrs, Timestamps times, String timesRead) {
        /** The change of the existing path's times, planned from what the first round trip read. */
        Timestamps.Change timesChange(ModuleContext ctx, String path) throws ConnectionException {
            return timesRead == null ? times.plan(ctx, path) : times.plan(timesRead, path);
        }
    }

    static ModuleResult file(ModuleContext ctx, String path, FileState st, Wanted want, boolean follow) throws ConnectionException {
        if (!st.exists()) {
            return ModuleResult.failed("file (" + path + ") is absent, cannot continue").put("path", path).put("state", "absent");
        }
        if (st.isLink() && follow && st.followedType() == FileState.Type.ABSENT) {
            return ModuleResult.failed("file (" + path + ") is absent, cannot continue").put("path", path).put("state", "absent");
        }
        // as Ansible, a followed link's target is the path of the result and its diff
        FileState target = st.isLink() && follow ? PathProbe.resolved(ctx, path) : st;
        return applyAttrs(ctx, target.path(), target, want, target.stateWord(), target.stateWord(), "");
    }

    static ModuleResult directory(ModuleContext ctx, String path, FileState st, Wanted want, String tree) throws ConnectionException {
        FileState.Type kind = st.resolvedType();
        if (st.exists() && kind != FileState.Type.DIRECTORY) {
            return ModuleResult.failed(path + " already exists as a " + st.stateWord()).put("path", path);
        }
        if (!st.exists()) return createDirectory(ctx, path, want);
        boolean subChanged = tree != null && RecursiveAttrs.differs(tree, want.attrs());
        String extra = subChanged ? RecursiveAttrs.commands(path, want.attrs()) : "";
        return applyAttrs(ctx, path, st, want, "directory", "directory", extra);
    }

    /**
     * A missing directory and its missing parents, each given the task's mode, owner and group (as Ansible does:
     * {@code mode: '0700'} on {@code a/b/c} makes {@code a} and {@code a/b} 0700 too); then the times, if asked for.
     */
    private static ModuleResult createDirectory(ModuleContext ctx, String path, Wanted want) throws ConnectionException {
        Attrs attrs = want.attrs();
        ModuleResult r = ModuleResult.changed(true).put("path", path);
        if (ctx.check()) return r.diff(FileModule.stateDiff(path, "absent", "directory", Map.of(), Map.of())).put("state", "absent");
        String mode = Modes.given(attrs.mode()) ? Modes.octal(attrs.modeFor(FileState.absent(path), true)) : null;
        StringBuilder each = new StringBuilder();
        if (mode != null) each.append(" && chmod ").append(mode).append(" -- \"$d\"");
        if (attrs.owner() != null) each.append(" && chown ").append(quote(attrs.owner())).append(" -- \"$d\"");
        if (attrs.group() != null) each.append(" && chgrp ").append(quote(attrs.group())).append(" -- \"$d\"");
        String cmd = "p_=" + quote(path) + "; set --; while [ ! -e \"$p_\" ] && [ ! -L \"$p_\" ]; do set -- \"$p_\" \"$@\"; "
                + "p_=$(dirname -- \"$p_\"); done; for d in \"$@\"; do "
                // another host (or process) may make it meanwhile: as Ansible, a directory already there is no error
                + "{ mkdir -- \"$d\" 2>/dev/null || [ -d \"$d\" ] || mkdir -- \"$d\"; } && printf 'M %s\\n' \"$(stat -c %a -- \"$d\")\""
                + each + " || exit 1; done";
        PathProbe.Result done = PathProbe.change(ctx, cmd, path);
        FileState now = done.state(0);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        String made = done.exec().out().lines().filter(l -> l.startsWith("M ")).reduce((a, b) -> b).map(l -> l.substring(2).strip()).orElse(null);
        if (mode != null && made != null && Integer.parseInt(made, 8) != now.mode()) {
            before.put("mode", Modes.octal(Integer.parseInt(made, 8)));
            after.put("mode", now.modeString());
        }
        Timestamps.Change times = want.times().plan(ctx, path);
        if (times.changed()) FileOps.run(ctx, times.command());
        before.putAll(times.before());
        after.putAll(times.after());
        r.diff(FileModule.stateDiff(path, "absent", "directory", before, after));
        return now.addPathInfo(r);
    }

    private static String owners(Attrs attrs, String path) {
        String s = "";
        if (attrs.owner() != null) s += " && chown " + quote(attrs.owner()) + " -- " + quote(path);
        if (attrs.group() != null) s += " && chgrp " + quote(attrs.group()) + " -- " + quote(path);
        return s;
    }

    /**
     * {@code state: touch}: creates a missing file (in check mode just "changed", as Ansible reports it), else sets
     * the attributes and times, by default both times to now; with both times {@code preserve} an unchanged file is ok.
     */
    static ModuleResult touch(ModuleContext ctx, String path, FileState st, Wanted want) throws ConnectionException {
        Attrs attrs = want.attrs();
        if (st.exists()) return applyAttrs(ctx, path, st, want, st.stateWord(), "touch", "");
        if (ctx.check()) return ModuleResult.changed(true).put("dest", path);
        String cmd = "touch -- " + quote(path) + owners(attrs, path) + (Modes.given(attrs.mode())
                ? " && chmod " + Modes.octal(attrs.modeFor(st, false)) + " -- " + quote(path) : "");
        FileState now = PathProbe.afterChange(ctx, cmd, path);
        Timestamps times = want.times();
        if (!times.preserve() && !(Timestamps.NOW.equals(times.mtime()) && Timestamps.NOW.equals(times.atime()))) {
            Timestamps.Change c = times.plan(ctx, path);
            if (c.changed()) FileOps.run(ctx, c.command());
        }
        ModuleResult r = ModuleResult.changed(true).put("path", path);
        r.diff(FileModule.stateDiff(path, "absent", "touch", Map.of(), Map.of()));
        return now.addPathInfo(r);
    }

    /**
     * Sets attributes and times of an existing path (plus {@code extra} commands); reports the {path, state, mode,
     * mtime, atime ...} diff.
     */
    static ModuleResult applyAttrs(ModuleContext ctx, String path, FileState st, Wanted want, String before, String after,
                                   String extra) throws ConnectionException {
        Attrs.Plan plan = want.attrs().plan(st);
        Timestamps.Change times = want.timesChange(ctx, path);
        boolean changed = plan.changed() || !extra.isEmpty() || times.changed();
        Map<String, Object> b = new LinkedHashMap<>(plan.before());
        b.putAll(times.before());
        Map<String, Object> a = new LinkedHashMap<>(plan.after());
        a.putAll(times.after());
        ModuleResult r = ModuleResult.changed(changed).put("path", path);
        r.diff(FileModule.stateDiff(path, before, after, b, a));
        if (!changed || ctx.check()) return plan.result().addPathInfo(r);
        String cmd = String.join(" && ", Stream.of(plan.commands(), extra, times.command()).filter(s -> !s.isEmpty()).toList());
        return PathProbe.change(ctx, cmd, path, "").state(0).addPathInfo(r);
    }
}
