package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code find}: list host files matching globs or regexps, type, age, size and content. One {@code find -printf}
 * command lists every path; filtering happens here; contents (for {@code contains}) and checksums are read with one
 * more command only when asked for.
 */
public final class Find implements Module {
    /** type, mode, then the numbers in {@link Stat#putCommon}'s order, user, group and the path last (it may hold tabs). */
    private static final String PRINTF = "%y\\t%m\\t%U\\t%G\\t%s\\t%i\\t%D\\t%n\\t%A@\\t%T@\\t%C@\\t%u\\t%g\\t%p\\n";

    private final ModuleSpec spec = ModuleSpec.builder("find")
            .doc("Return a list of files based on specific criteria", "Finds files on the host by name pattern (glob or "
                    + "Python regexp on the basename), type, age, size and content, like Ansible's find.")
            .param(Param.of("paths").list(ParamType.STR).required().aliases("name", "path").doc("Directories to search."))
            .param(Param.of("patterns").list(ParamType.STR).def(List.of()).aliases("pattern").doc("Basename globs (or regexps)."))
            .param(Param.of("excludes").list(ParamType.STR).aliases("exclude").doc("Basename globs (or regexps) to leave out."))
            .param(Param.of("contains").str().doc("Python regexp matched at the start of some line (search with read_whole_file)."))
            .param(Param.of("read_whole_file").bool().def(false).doc("Search contains in the whole file."))
            .param(Param.of("file_type").str().def("file").choices("any", "directory", "file", "link").doc("Kind of entry."))
            .param(Param.of("age").str().doc("Older than (or, negative, younger than) e.g. 2d, 4w, -1h."))
            .param(Param.of("age_stamp").str().def("mtime").choices("atime", "ctime", "mtime").doc("Timestamp for age."))
            .param(Param.of("size").str().doc("At least (or, negative, at most) e.g. 10m, -1k."))
            .param(Param.of("recurse").bool().def(false).doc("Descend into directories."))
            .param(Param.of("hidden").bool().def(false).doc("Include names starting with a dot."))
            .param(Param.of("follow").bool().def(false).doc("Follow symlinks."))
            .param(Param.of("get_checksum").bool().def(false).doc("Add the sha1 of regular files."))
            .param(Param.of("use_regex").bool().def(false).doc("patterns/excludes are Python regexps."))
            .param(Param.of("depth").integer().doc("Maximum depth when recursing."))
            .returns("files", "list of stat dicts (path, mode, size, mtime, ...)", "success")
            .returns("matched", "number of matches", "success").returns("examined", "number of entries looked at", "success")
            .performance("1 round trip (2 with contains or get_checksum)")
            .example("- ansible.builtin.find:\n    paths: /var/log\n    patterns: '*.gz'\n    age: 2w\n    recurse: true\n  register: old_logs")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        FindFilter filter;
        try {
            filter = new FindFilter(a, System.currentTimeMillis() / 1000.0);
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
        ExecResult r = ctx.sh(listCommand(a));
        List<Map<String, Object>> files = new ArrayList<>();
        Map<String, Object> skipped = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long examined = 0;
        long depth = a.bool("recurse") && a.has("depth") ? a.integer("depth") : 0;
        for (String line : r.out().split("\n")) {
            if (line.startsWith("N ")) {
                String p = line.substring(2);
                skipped.put(p, "'" + p + "' is not a directory");
                warnings.add("Skipped '" + p + "' path due to this access issue: '" + p + "' is not a directory\n");
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 1 || !line.substring(0, tab).chars().allMatch(Character::isDigit)) continue;
            examined++;
            if (depth > 0 && Long.parseLong(line.substring(0, tab)) > depth) continue;
            String[] f = line.substring(tab + 1).split("\t", 14);
            if (f.length < 14) continue;
            Map<String, Object> entry = filter.accept(f);
            if (entry != null) files.add(entry);
        }
        files = filter.byContentAndChecksum(ctx, files);
        String msg = skipped.isEmpty() ? "All paths examined" : "Not all paths examined, check warnings for details";
        ModuleResult result = ModuleResult.ok().put("files", files).msg(msg).put("matched", (long) files.size())
                .put("examined", examined).put("skipped_paths", skipped);
        warnings.forEach(result::warn);
        return result;
    }

    private static String listCommand(ModuleArgs a) {
        StringBuilder sb = new StringBuilder();
        for (String p : a.strings("paths")) {
            String q = p.startsWith("~") ? "\"$HOME\"" + quote(p.substring(1)) : quote(p);
            sb.append("if [ -d ").append(q).append(" ]; then find ").append(a.bool("follow") ? "-L " : "").append(q).append(" -mindepth 1");
            if (!a.bool("recurse")) sb.append(" -maxdepth 1");
            // as Ansible's walk: the entries one level deeper than depth are looked at (examined), not matched
            else if (a.has("depth") && a.integer("depth") > 0) sb.append(" -maxdepth ").append(a.integer("depth") + 1);
            sb.append(" -printf '%d\\t").append(PRINTF).append("' 2>/dev/null; else printf 'N %s\\n' ").append(quote(p)).append("; fi; ");
        }
        return sb.append("true").toString();
    }
}
