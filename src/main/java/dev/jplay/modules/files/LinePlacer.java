package dev.jplay.modules.files;

import dev.jplay.modules.ModuleArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** lineinfile's {@code state=present} algorithm, following Ansible 2.14 step by step (matches, insert points, messages). */
final class LinePlacer {
    private final Pattern regexp;
    private final String search;
    private final String line;
    private final String insertAfter;
    private final String insertBefore;
    private final Pattern insertRe;
    private final boolean backrefs;
    private final boolean firstMatch;

    /** The new lines, whether they changed, and the message ("line added", "line replaced" or ""). */
    record Outcome(List<String> lines, boolean changed, String msg) {}

    LinePlacer(ModuleArgs a) {
        regexp = a.has("regexp") ? TextEdit.regex(a.str("regexp"), false) : null;
        search = a.str("search_string");
        line = a.str("line");
        insertAfter = a.str("insertafter");
        insertBefore = a.str("insertbefore");
        backrefs = a.bool("backrefs");
        firstMatch = a.bool("firstmatch");
        if (insertAfter != null && !insertAfter.equals("BOF") && !insertAfter.equals("EOF")) insertRe = TextEdit.regex(insertAfter, false);
        else if (insertBefore != null && !insertBefore.equals("BOF")) insertRe = TextEdit.regex(insertBefore, false);
        else insertRe = null;
    }

    Outcome place(List<String> input) {
        List<String> lines = new ArrayList<>(input);
        int found = -1;
        int insertAt = -1;
        Matcher match = null;
        boolean matched = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = regexp != null ? LineInFile.search(regexp, lines.get(i)) : null;
            boolean hit = m != null || (search != null && lines.get(i).contains(search));
            if (hit) {
                found = i;
                match = m;
                matched = true;
                if (firstMatch) break;
            }
        }
        if (!matched) {
            for (int i = 0; i < lines.size(); i++) {
                if (line.equals(TextEdit.stripEol(lines.get(i)))) {
                    found = i;
                } else if (insertRe != null && insertRe.matcher(lines.get(i)).find()) {
                    if (insertAfter != null) insertAt = i + 1;
                    if (insertBefore != null) insertAt = i;
                    if (firstMatch) break;
                }
            }
        }
        String nl = line + "\n";
        if (found != -1) {
            String newLine = backrefs && match != null ? TextEdit.expand(match, line) : line;
            if (!newLine.endsWith("\n")) newLine += "\n";
            if (!lines.get(found).equals(newLine)) {
                lines.set(found, newLine);
                return new Outcome(lines, true, "line replaced");
            }
            return new Outcome(lines, false, "");
        }
        if (backrefs) return new Outcome(lines, false, "");
        if ("BOF".equals(insertBefore) || "BOF".equals(insertAfter)) {
            lines.add(0, nl);
            return new Outcome(lines, true, "line added");
        }
        if ("EOF".equals(insertAfter) || insertAt == -1) {
            if (!lines.isEmpty() && !endsWithEol(lines.get(lines.size() - 1))) lines.add("\n");
            lines.add(nl);
            return new Outcome(lines, true, "line added");
        }
        if (insertAfter != null) {
            boolean already = insertAt == lines.size() ? TextEdit.stripEol(lines.get(insertAt - 1)).equals(line)
                    : TextEdit.stripEol(lines.get(insertAt)).equals(line);
            if (already) return new Outcome(lines, false, "");
            lines.add(insertAt, nl);
            return new Outcome(lines, true, "line added");
        }
        lines.add(insertAt, nl);
        return new Outcome(lines, true, "line added");
    }

    private static boolean endsWithEol(String s) {
        return s.endsWith("\n") || s.endsWith("\r");
    }
}
