package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.FileAttrs;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recursive copy of a directory tree: both trees are listed with their checksums (one command on the host), then
 * only missing or different files are sent, missing directories made in one command and modes fixed in another.
 * {@code src/} copies the directory's contents into dest; {@code src} copies the directory itself.
 */
final class TreeCopy {
    private TreeCopy() {}

    /** What to do: directories to create, files to send (relative paths) and attribute commands. */
    record Plan(List<String> dirs, List<String> files, StringBuilder fixes) {
        boolean changed() {
            return !dirs.isEmpty() || !files.isEmpty() || fixes.length() > 0;
        }
    }

    static ModuleResult fromController(ModuleContext ctx, ModuleArgs a, Path local, boolean contentsOnly, String dest)
            throws ConnectionException {
        String root = contentsOnly ? ShellDirs.trimSlash(dest) : ShellDirs.join(dest, local.getFileName().toString());
        Map<String, Tree.Entry> src = Tree.local(local);
        Map<String, Tree.Entry> have = Tree.remote(ctx, root);
        Plan plan = plan(a, root, src, have);
        if (plan.changed() && !ctx.check()) {
            makeDirs(ctx, root, plan.dirs(), a.get("directory_mode"));
            Attrs attrs = Attrs.of(a);
            for (String f : plan.files()) {
                String path = ShellDirs.join(root, f);
                Tree.Entry old = have.get(f);
                int mode = Modes.given(attrs.mode()) ? Modes.resolve(attrs.mode(), old == null ? 0644 : old.mode(), false)
                        : old == null ? -1 : old.mode();
                ctx.put(src.get(f).local(), path, new FileAttrs(mode < 0 ? null : Modes.octal(mode), a.str("owner"), a.str("group")));
            }
            if (plan.fixes().length() > 0) FileOps.run(ctx, plan.fixes() + "true");
        }
        return ModuleResult.changed(plan.changed()).put("dest", ShellDirs.trimSlash(dest) + "/").put("src", local.toString());
    }

    /** Compares the wanted tree with the host's. */
    static Plan plan(ModuleArgs a, String root, Map<String, Tree.Entry> src, Map<String, Tree.Entry> have) {
        Plan p = new Plan(new ArrayList<>(), new ArrayList<>(), new StringBuilder());
        if (!have.containsKey("")) p.dirs().add("");
        Attrs attrs = Attrs.of(a);
        for (var e : src.entrySet()) {
            Tree.Entry old = have.get(e.getKey());
            if (e.getValue().dir()) {
                if (old == null) p.dirs().add(e.getKey());
            } else if (old == null || (a.bool("force") && !e.getValue().sum().equals(old.sum()))) {
                p.files().add(e.getKey());
            } else if (Modes.given(attrs.mode()) && Modes.resolve(attrs.mode(), old.mode(), false) != old.mode()) {
                p.fixes().append("chmod ").append(Modes.octal(Modes.resolve(attrs.mode(), old.mode(), false))).append(" -- ")
                        .append(quote(ShellDirs.join(root, e.getKey()))).append(" && ");
            }
        }
        return p;
    }

    static void makeDirs(ModuleContext ctx, String root, List<String> dirs, Object dirMode) throws ConnectionException {
        if (dirs.isEmpty()) return;
        String m = Modes.given(dirMode) ? " -m " + Modes.octal(Modes.resolve(dirMode, 0755, true)) : "";
        StringBuilder sb = new StringBuilder("mkdir -p").append(m).append(" --");
        for (String d : dirs) sb.append(' ').append(quote(d.isEmpty() ? root : ShellDirs.join(root, d)));
        FileOps.run(ctx, sb.toString());
    }
}
