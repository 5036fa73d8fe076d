package dev.jplay.modules.files;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code lineinfile}: make sure one line is in a file (replacing a regexp match) or that matching lines are gone. */
public final class LineInFile implements Module {
    static final TextEdit.Style STYLE = new TextEdit.Style("content", "backup");

    private final ModuleSpec spec = Attrs.params(ModuleSpec.builder("lineinfile")
            .doc("Manage lines in text files", "Ensures a particular line is in a file, or replaces an existing line matched "
                    + "by a Python regular expression (or a fixed search_string); with state=absent removes matching lines.")
            .diff(true)
            .param(Param.of("path").path().required().aliases("dest", "destfile", "name").doc("The file to edit."))
            .param(Param.of("state").str().def("present").choices("absent", "present").doc("Line present or absent."))
            .param(Param.of("regexp").str().aliases("regex").doc("Python regular expression to look for in every line."))
            .param(Param.of("search_string").str().doc("Literal string to look for in every line."))
            .param(Param.of("line").str().aliases("value").doc("The line to insert or to replace the match with."))
            .param(Param.of("backrefs").bool().def(false).doc("Expand \\1 and \\g<name> in line; no insertion without a match."))
            .param(Param.of("insertafter").str().doc("Insert after the last line matching this regexp, or EOF."))
            .param(Param.of("insertbefore").str().doc("Insert before the last line matching this regexp, or BOF."))
            .param(Param.of("create").bool().def(false).doc("Create the file when missing."))
            .param(Param.of("backup").bool().def(false).doc("Keep a timestamped copy of the old file."))
            .param(Param.of("firstmatch").bool().def(false).doc("Use the first match for insertafter/insertbefore/regexp."))
            .param(Param.of("validate").str().doc("Command run on the new file before it replaces the old (%s is its path)."))
            .param(Param.of("others").str().doc("Accepted for compatibility.")))
            .mutuallyExclusive("insertbefore", "insertafter").mutuallyExclusive("regexp", "search_string")
            .mutuallyExclusive("backrefs", "search_string")
            .returns("msg", "line added / line replaced / N line(s) removed", "always").returns("backup", "backup file", "always")
            .performance("1 round trip when the line is already there; 2 when it changes")
            .example("- ansible.builtin.lineinfile:\n    path: /etc/ssh/sshd_config\n    regexp: '^#?PermitRootLogin'\n    line: PermitRootLogin no")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ModuleResult r = edit(a, ctx);
        String empty = "".equals(a.str("regexp")) ? "regular expression" : "".equals(a.str("search_string")) ? "search string" : null;
        if (empty != null) {
            r.warn("The " + empty + " is an empty string, which will match every line in the file. This may have unintended "
                    + "consequences, such as replacing the last line in the file rather than appending."
                    + (empty.startsWith("regular") ? " If this is desired, use '^' to match every line in the file and avoid this warning." : ""));
        }
        return r;
    }

    private static ModuleResult edit(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ModuleResult invalid = Attrs.invalid(a);
        if (invalid != null) return invalid;
        String path = a.str("path");
        if (a.bool("backrefs") && !a.has("regexp")) return ModuleResult.failed("regexp is required with backrefs=true");
        boolean present = a.str("state").equals("present");
        if (present && !a.has("line")) return ModuleResult.failed("line is required with state=present");
        if (!present && !a.has("regexp") && !a.has("search_string") && !a.has("line")) {
            return ModuleResult.failed("one of line, search_string, or regexp is required with state=absent");
        }
        ModuleResult bad = Writer.checkValidate(a.str("validate"));
        if (bad != null) return bad;
        TextEdit.Read read = TextEdit.read(ctx, path);
        if (!read.state().exists()) {
            if (!present) return ModuleResult.ok().msg("file not present");
            if (!a.bool("create")) return ModuleResult.failed("Destination " + path + " does not exist !").put("rc", 257L);
            if (!ctx.check()) FileOps.run(ctx, "mkdir -p -- " + dev.jplay.connection.ShellCommand.quote(ShellDirs.parent(path)));
        }
        try {
            return present ? present(ctx, a, read) : absent(ctx, a, read);
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
    }

    private static ModuleResult present(ModuleContext ctx, ModuleArgs a, TextEdit.Read read) throws ConnectionException {
        LinePlacer.Outcome o = new LinePlacer(a).place(TextEdit.lines(read.text()));
        String after = String.join("", o.lines());
        return TextEdit.finish(ctx, a, read, after, o.changed(), o.msg(), STYLE);
    }

    private static ModuleResult absent(ModuleContext ctx, ModuleArgs a, TextEdit.Read read) throws ConnectionException {
        Pattern re = a.has("regexp") ? TextEdit.regex(a.str("regexp"), false) : null;
        String search = a.str("search_string");
        String line = a.str("line");
        StringBuilder kept = new StringBuilder();
        int found = 0;
        for (String l : TextEdit.lines(read.text())) {
            boolean match = re != null ? re.matcher(l).find() : search != null ? l.contains(search) : TextEdit.stripEol(l).equals(line);
            if (match) found++;
            else kept.append(l);
        }
        String msg = found > 0 ? found + " line(s) removed" : "";
        return TextEdit.finish(ctx, a, read, kept.toString(), found > 0, msg, STYLE).put("found", (long) found);
    }

    /** Matches of a compiled pattern against one line (Python {@code re.search}). */
    static Matcher search(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? m : null;
    }
}
