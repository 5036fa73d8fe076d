package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code blockinfile}: insert, update or remove a block of lines between marker lines (Ansible 2.14's algorithm). */
public final class BlockInFile implements Module {
    private static final TextEdit.Style STYLE = new TextEdit.Style("content", "backup_file");

    private final ModuleSpec spec = Attrs.params(ModuleSpec.builder("blockinfile")
            .doc("Insert/update/remove a text block surrounded by marker lines",
                    "Manages a block of lines between '# BEGIN ANSIBLE MANAGED BLOCK' / '# END ...' markers (customisable).")
            .diff(true)
            .param(Param.of("path").path().required().aliases("dest", "destfile", "name").doc("The file to edit."))
            .param(Param.of("state").str().def("present").choices("absent", "present").doc("Block present or absent."))
            .param(Param.of("marker").str().def("# {mark} ANSIBLE MANAGED BLOCK").doc("Marker line template; {mark} is replaced."))
            .param(Param.of("block").str().def("").aliases("content").doc("The text between the markers."))
            .param(Param.of("insertafter").str().doc("Insert after the last line matching this regexp, or EOF (default)."))
            .param(Param.of("insertbefore").str().doc("Insert before the last line matching this regexp, or BOF."))
            .param(Param.of("create").bool().def(false).doc("Create the file when missing."))
            .param(Param.of("backup").bool().def(false).doc("Keep a timestamped copy of the old file."))
            .param(Param.of("marker_begin").str().def("BEGIN").doc("Replaces {mark} in the first marker."))
            .param(Param.of("marker_end").str().def("END").doc("Replaces {mark} in the last marker."))
            .param(Param.of("validate").str().doc("Command run on the new file before it replaces the old (%s is its path)."))
            .param(Param.of("follow").bool().def(false).doc("Accepted for compatibility.")))
            .mutuallyExclusive("insertbefore", "insertafter")
            .returns("msg", "Block inserted / Block removed / File created", "always")
            .performance("1 round trip when the block is already there; 2 when it changes")
            .example("- ansible.builtin.blockinfile:\n    path: /etc/hosts\n    block: |\n      10.0.0.1 db1\n      10.0.0.2 db2")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ModuleResult invalid = Attrs.invalid(a);
        if (invalid != null) return invalid;
        String path = a.str("path");
        ModuleResult bad = Writer.checkValidate(a.str("validate"));
        if (bad != null) return bad;
        boolean present = a.str("state").equals("present");
        TextEdit.Read read = TextEdit.read(ctx, path);
        boolean exists = read.state().exists();
        if (!exists) {
            if (!a.bool("create")) return ModuleResult.failed("Path " + path + " does not exist !").put("rc", 257L);
            if (!present) return ModuleResult.ok().msg("File " + path + " not present");
            if (!ctx.check()) FileOps.run(ctx, "mkdir -p -- " + quote(ShellDirs.parent(path)));
        }
        String result;
        try {
            result = String.join("", edit(a, read.text(), present));
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
        boolean removed = !present || a.str("block").isEmpty();
        boolean changed = !exists || !result.equals(read.text());
        String msg = !changed ? "" : !exists ? "File created" : removed ? "Block removed" : "Block inserted";
        return TextEdit.finish(ctx, a, read, result, changed, msg, STYLE);
    }

    static List<String> edit(ModuleArgs a, String original, boolean present) {
        List<String> lines = new ArrayList<>(TextEdit.lines(original));
        String insertAfter = a.str("insertafter");
        String insertBefore = a.str("insertbefore");
        if (insertAfter == null && insertBefore == null) insertAfter = "EOF";
        String insertRe = insertAfter != null && !insertAfter.equals("EOF") ? insertAfter
                : insertBefore != null && !insertBefore.equals("BOF") ? insertBefore : null;
        String marker = a.str("marker");
        String m0 = marker.replace("{mark}", a.str("marker_begin")) + "\n";
        String m1 = marker.replace("{mark}", a.str("marker_end")) + "\n";
        List<String> block = new ArrayList<>();
        String text = a.str("block");
        if (present && !text.isEmpty()) {
            if (!text.endsWith("\n")) text += "\n";
            block.add(m0);
            block.addAll(TextEdit.lines(text));
            block.add(m1);
        }
        Integer n0 = null;
        Integer n1 = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(m0)) n0 = i;
            if (lines.get(i).equals(m1)) n1 = i;
        }
        int at;
        if (n0 == null || n1 == null) {
            at = insertPoint(lines, original, insertRe, insertAfter, insertBefore);
        } else if (n0 < n1) {
            lines.subList(n0, n1 + 1).clear();
            at = n0;
        } else {
            lines.subList(n1, n0 + 1).clear();
            at = n1;
        }
        if (at > 0 && !lines.get(at - 1).endsWith("\n")) lines.set(at - 1, lines.get(at - 1) + "\n");
        lines.addAll(at, block);
        return lines;
    }

    private static int insertPoint(List<String> lines, String original, String insertRe, String after, String before) {
        if (insertRe == null) return before != null ? 0 : lines.size();
        Pattern re = TextEdit.regex(insertRe, false);
        Integer n0 = null;
        if (insertRe.matches("^\\(\\?[aiLmsux]*m[aiLmsux]*\\).*")) {
            Matcher m = re.matcher(original);
            if (m.find()) n0 = count(original, after != null ? m.end() : m.start());
        } else {
            for (int i = 0; i < lines.size(); i++) if (re.matcher(lines.get(i)).find()) n0 = i;
        }
        if (n0 == null) return lines.size();
        return after != null ? n0 + 1 : n0;
    }

    private static int count(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) if (s.charAt(i) == '\n') n++;
        return n;
    }
}
