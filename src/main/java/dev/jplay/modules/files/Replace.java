package dev.jplay.modules.files;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.template.PyRegex;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code replace}: replace all matches of a Python regexp (multiline) in a file, optionally between after/before. */
public final class Replace implements Module {
    private static final TextEdit.Style STYLE = new TextEdit.Style(null, "backup_file");

    private final ModuleSpec spec = Attrs.params(ModuleSpec.builder("replace")
            .doc("Replace all instances of a particular string in a file using a back-referenced regular expression",
                    "Replaces every match of a Python regular expression (MULTILINE) with a replacement that may use \\1 and "
                    + "\\g<name>; after/before limit the section of the file that is searched.")
            .diff(true)
            .param(Param.of("path").path().required().aliases("dest", "destfile", "name").doc("The file to edit."))
            .param(Param.of("regexp").str().required().doc("Python regular expression (MULTILINE)."))
            .param(Param.of("replace").str().def("").doc("Replacement, with \\1 / \\g<name> backreferences."))
            .param(Param.of("after").str().doc("Only replace after the first match of this regexp."))
            .param(Param.of("before").str().doc("Only replace before the last match of this regexp."))
            .param(Param.of("backup").bool().def(false).doc("Keep a timestamped copy of the old file."))
            .param(Param.of("validate").str().doc("Command run on the new file before it replaces the old (%s is its path)."))
            .param(Param.of("encoding").str().def("utf-8").doc("File encoding (utf-8 only)."))
            .param(Param.of("others").str().doc("Accepted for compatibility.")))
            .returns("msg", "'N replacements made' or ''", "always")
            .performance("1 round trip when nothing matches; 2 when the file changes")
            .example("- ansible.builtin.replace:\n    path: /etc/hosts\n    regexp: '(\\s+)old\\.host\\.name(\\s+.*)?$'\n    replace: '\\1new.host.name\\2'")
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
        TextEdit.Read read = TextEdit.read(ctx, path);
        if (read.state().isDir()) return ModuleResult.failed("Path " + path + " is a directory !").put("rc", 256L);
        if (!read.state().exists()) return ModuleResult.failed("Path " + path + " does not exist !").put("rc", 257L);
        String contents = read.text();
        String pattern = sectionPattern(a.str("after"), a.str("before"));
        int from = 0;
        int to = contents.length();
        try {
            if (pattern != null) {
                Matcher m = Pattern.compile(PyRegex.compile(pattern, false, false).pattern(), Pattern.DOTALL).matcher(contents);
                if (!m.find()) {
                    return ModuleResult.ok().msg("Pattern for before/after params did not match the given file: " + pattern);
                }
                from = m.start("subsection");
                to = m.end("subsection");
            }
            String section = contents.substring(from, to);
            Matcher m = PyRegex.compile(a.str("regexp"), false, true).matcher(section);
            String repl = PyRegex.replacement(a.str("replace"));
            StringBuilder sb = new StringBuilder();
            int n = 0;
            while (m.find()) {
                m.appendReplacement(sb, repl);
                n++;
            }
            m.appendTail(sb);
            boolean changed = n > 0 && !sb.toString().equals(section);
            String after = changed ? contents.substring(0, from) + sb + contents.substring(to) : contents;
            return TextEdit.finish(ctx, a, read, after, changed, changed ? n + " replacements made" : "", STYLE);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException || e.getClass().getSimpleName().equals("EvalError")) {
                return ModuleResult.failed(e.getMessage());
            }
            throw e;
        }
    }

    private static String sectionPattern(String after, String before) {
        if (after != null && before != null) return after + "(?P<subsection>.*?)" + before;
        if (after != null) return after + "(?P<subsection>.*)";
        if (before != null) return "(?P<subsection>.*)" + before;
        return null;
    }
}
