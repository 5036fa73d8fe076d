package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Diff;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code file}: make a path absent, a directory, a symlink, a hard link, touch it, or set attributes of an existing
 * file. One probe reads the path (and the link source); one command applies the change and reads the result.
 */
public final class FileModule implements Module {
    private final ModuleSpec spec = Attrs.params(ModuleSpec.builder("file")
            .doc("Manage files and file properties",
                    "Sets attributes of files, directories and symlinks, or creates/removes them (state absent, directory, "
                    + "file, hard, link, touch).")
            .diff(true)
            .param(Param.of("path").path().required().aliases("dest", "name").doc("Path to manage."))
            .param(Param.of("state").str().choices("absent", "directory", "file", "hard", "link", "touch")
                    .doc("What the path should be (default: its current kind, or file)."))
            .param(Param.of("src").path().doc("Target of the link (state link or hard)."))
            .param(Param.of("recurse").bool().def(false).doc("Set attributes recursively (state directory)."))
            .param(Param.of("force").bool().def(false).doc("Replace a file or an empty directory with a link; link to a missing src."))
            .param(Param.of("follow").bool().def(true).doc("Follow symlinks when setting attributes."))
            .param(Param.of("access_time").str().doc("Access time to set: 'preserve', 'now', or a time in access_time_format "
                    + "(default: now for state touch, else preserve)."))
            .param(Param.of("modification_time").str().doc("Modification time to set: 'preserve', 'now', or a time in "
                    + "modification_time_format (default: now for state touch, else preserve)."))
            .param(Param.of("access_time_format").str().def("%Y%m%d%H%M.%S").doc("strptime format of access_time."))
            .param(Param.of("modification_time_format").str().def("%Y%m%d%H%M.%S").doc("strptime format of modification_time."))
            .param(Param.of("_diff_peek").str().doc("Internal.")))
            .returns("path", "the path", "state not link/hard").returns("dest", "the link path", "state link or hard")
            .returns("state", "the resulting kind", "success").returns("mode", "permissions, e.g. '0755'", "success")
            .performance("1 round trip when nothing changes, 2 when something does (1 more for state=file through a followed link, 2 "
                    + "more to set times on a path it creates)")
            .example("- ansible.builtin.file:\n    path: /srv/app\n    state: directory\n    owner: app\n    mode: '0755'")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ModuleResult invalid = Attrs.invalid(a);
        if (invalid != null) return invalid;
        String path = ShellDirs.trimSlash(a.str("path"));
        String src = a.str("src");
        boolean recurse = a.bool("recurse");
        String state = a.str("state");
        // an existing path's times are read in the same round trip (their own line first), when the task sets them
        String readTimes = readTimes(a, state, path);
        String after = readTimes + (recurse ? "find " + quote(path) + " -mindepth 1 ! -type l -printf '%y %m %u %g %U %G\\n' 2>/dev/null" : "");
        List<String> paths = src == null ? List.of(path) : List.of(path, linkSource(path, src));
        PathProbe.Result pr = PathProbe.run(ctx, paths, "", after);
        FileState st = pr.state(0);
        String tail = pr.tail();
        String timesRead = null;
        if (!readTimes.isEmpty()) {
            int nl = tail.indexOf('\n');
            timesRead = nl < 0 ? tail : tail.substring(0, nl);
            tail = nl < 0 ? "" : tail.substring(nl + 1);
        }
        if (state == null) state = st.exists() ? st.stateWord() : recurse ? "directory" : src != null ? "link" : "file";
        if (recurse && !state.equals("directory")) return ModuleResult.failed("recurse option requires state to be 'directory'");
        if (state.equals("absent")) return absent(ctx, path, st);
        FileStates.Wanted want;
        try {
            want = new FileStates.Wanted(Attrs.of(a), Timestamps.of(a, state), timesRead);
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
        return switch (state) {
            case "directory" -> FileStates.directory(ctx, path, st, want, recurse ? tail : null);
            case "touch" -> FileStates.touch(ctx, path, st, want);
            case "link", "hard" -> FileLinks.link(ctx, a, state.equals("hard"), path, st, pr.states().size() > 1 ? pr.state(1) : null,
                    want);
            default -> FileStates.file(ctx, path, st, want, a.bool("follow"));
        };
    }

    /** The snippet reading the path's times, when the task sets times on a path that may exist ("" otherwise). */
    private static String readTimes(ModuleArgs a, String state, String path) {
        if ("absent".equals(state)) return "";
        try {
            // an omitted state is never touch, the only state whose times default to now
            Timestamps times = Timestamps.of(a, state == null ? "file" : state);
            return times.preserve() ? "" : times.read(path);
        } catch (IllegalArgumentException e) {
            return ""; // reported after the probe, where Ansible reports it
        }
    }

    /** Where a relative link source is looked up: beside the link (inside it when it is a directory). */
    static String linkSource(String path, String src) {
        return src.startsWith("/") ? src : ShellDirs.join(ShellDirs.parent(path), src);
    }

    private static ModuleResult absent(ModuleContext ctx, String path, FileState st) throws ConnectionException {
        if (!st.exists()) return ModuleResult.ok().put("path", path).put("state", "absent");
        if (!ctx.check()) FileOps.run(ctx, "rm -rf -- " + quote(path));
        return ModuleResult.changed(true).put("path", path).diff(stateDiff(path, st.stateWord(), "absent", Map.of(), Map.of()))
                .put("state", "absent");
    }

    /** Ansible's file diff: {@code {path, state}} when the kind changes, plus changed attributes. */
    static Diff stateDiff(String path, String before, String after, Map<String, Object> attrsBefore, Map<String, Object> attrsAfter) {
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> af = new LinkedHashMap<>();
        b.put("path", path);
        af.put("path", path);
        if (!before.equals(after)) {
            b.put("state", before);
            af.put("state", after);
        }
        b.putAll(attrsBefore);
        af.putAll(attrsAfter);
        return new Diff(b, af, null, null);
    }
}
