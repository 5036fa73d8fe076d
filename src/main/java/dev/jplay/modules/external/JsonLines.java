package dev.jplay.modules.external;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON part of a module's output, found as ansible-core's {@code _filter_non_json_lines} finds it: the lines
 * before the first line that starts (after blanks) with <code>{</code> are dropped, and so are the lines after the
 * last one that ends with <code>}</code>; trailing lines that are not blank are worth a warning.
 *
 * @param json the kept lines, joined by newlines
 * @param warnings "Module invocation had junk after the JSON data: ..." when there was trailing text
 */
public record JsonLines(String json, List<String> warnings) {

    /** The JSON object's lines of {@code data}, or null when no line starts an object or none ends one. */
    public static JsonLines of(String data) {
        List<String> lines = data.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).strip().startsWith("{")) start++;
        if (start == lines.size()) return null;
        int end = lines.size() - 1;
        while (end >= start && !lines.get(end).strip().endsWith("}")) end--;
        if (end < start) return null;
        List<String> junk = lines.subList(end + 1, lines.size());
        List<String> warnings = new ArrayList<>();
        if (junk.stream().anyMatch(l -> !l.isBlank())) warnings.add("Module invocation had junk after the JSON data: " + String.join("\n", junk));
        return new JsonLines(String.join("\n", lines.subList(start, end + 1)), List.copyOf(warnings));
    }
}
