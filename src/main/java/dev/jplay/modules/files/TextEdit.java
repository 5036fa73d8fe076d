package dev.jplay.modules.files;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Diff;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.template.PyRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-place text editors (lineinfile, blockinfile, replace): read the file and its state in one round trip, let
 * the module compute the new text, then write it through {@link Writer} (validate, backup, attributes), apply
 * attributes to an unchanged file, and report Ansible's msg and the two diffs (content, file attributes).
 */
final class TextEdit {
    private TextEdit() {}

    /** The file as read: its state and content (empty when absent). */
    record Read(FileState state, String text) {}

    static Read read(ModuleContext ctx, String path) throws ConnectionException {
        return read(PathProbe.one(ctx, path, false, true), 0);
    }

    /** The {@code i}th path of a probe that read contents ({@code b}) as a text. */
    static Read read(PathProbe.Result pr, int i) {
        FileState st = pr.state(i);
        byte[] b = pr.content(st.path());
        return new Read(st, b == null ? "" : Texts.utf8(b));
    }

    /**
     * How a module reports: the diff header word ("content": a content diff and a file attributes diff; null: one
     * diff headed by the path) and the key of the backup path.
     */
    record Style(String header, String backupKey) {}

    /** Writes {@code after} when {@code contentChanged}, fixes attributes, and builds the result with {@code msg}. */
    static ModuleResult finish(ModuleContext ctx, ModuleArgs a, Read read, String after, boolean contentChanged, String msg,
                               Style style) throws ConnectionException {
        String path = read.state().path();
        String header = style.header();
        Attrs attrs = Attrs.of(a);
        Attrs.Plan plan = read.state().exists() ? attrs.plan(read.state()) : null;
        String backup = "";
        if (contentChanged && !ctx.check()) {
            Writer.Written w = Writer.write(ctx, path, Texts.bytes(after), read.state(), attrs, a.bool("backup"), a.str("validate"));
            if (w.failure() != null) return w.failure();
            if (w.backup() != null) backup = w.backup();
        } else if (plan != null && plan.changed() && !ctx.check()) {
            FileOps.run(ctx, plan.commands());
        }
        boolean attrsChanged = plan != null && plan.changed();
        String text = msg;
        if (attrsChanged) text = (text.isEmpty() ? "" : text + " and ") + "ownership, perms or SE linux context changed";
        ModuleResult r = ModuleResult.changed(contentChanged || attrsChanged).msg(text);
        if (style.backupKey().equals("backup") || !backup.isEmpty()) r.put(style.backupKey(), backup);
        if (ctx.diff() && header == null) {
            if (contentChanged) r.diff(Diff.text(path, read.text(), after));
        } else if (ctx.diff()) {
            r.diff(new Diff(read.text(), after, path + " (" + header + ")", path + " (" + header + ")"));
            r.diff(new Diff(plan == null ? java.util.Map.of() : plan.before(), plan == null ? java.util.Map.of() : plan.after(),
                    path + " (file attributes)", path + " (file attributes)"));
        }
        return r;
    }

    /** Compiles a Python regular expression; a bad one gives Ansible-like failure text. */
    static Pattern regex(String py, boolean multiline) {
        try {
            return PyRegex.compile(py, false, multiline);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Python's {@code match.expand(template)} for the last match of {@code m} (found with one {@code find()}). */
    static String expand(Matcher m, String template) {
        StringBuilder sb = new StringBuilder();
        m.appendReplacement(sb, PyRegex.replacement(template));
        return sb.substring(m.start());
    }

    /** Splits text into lines that keep their endings, like Python's {@code readlines()}. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    static String stripEol(String line) {
        int e = line.length();
        while (e > 0 && (line.charAt(e - 1) == '\n' || line.charAt(e - 1) == '\r')) e--;
        return line.substring(0, e);
    }
}
