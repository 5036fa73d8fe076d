package dev.jplay.template;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Python's configparser reading, for the ini lookup: sections, {@code =}/{@code :} options, comments, continuation lines, DEFAULT. */
final class IniFile {
    private IniFile() {}

    /** The sections of {@code text} (from {@code file}, named in errors). */
    static Map<String, Map<String, String>> parse(String text, String file, boolean caseSensitive, boolean allowNoValue) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> current = null;
        String lastKey = null;
        int lastIndent = 0;
        String[] lines = text.split("\\r?\\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String stripped = line.strip();
            int indent = line.length() - line.stripLeading().length();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                if (stripped.isEmpty()) lastKey = null;
                continue;
            }
            if (current != null && lastKey != null && indent > lastIndent) {
                String prev = current.get(lastKey);
                current.put(lastKey, (prev == null ? "" : prev) + "\n" + stripped);
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                String name = stripped.substring(1, stripped.length() - 1);
                current = name.equals("DEFAULT") ? defaults : sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            if (current == null) {
                throw Library.LookupFailure.unhandled("configparser.MissingSectionHeaderError",
                        "File contains no section headers.\nfile: '<???>', line: " + (n + 1) + "\n" + dev.jplay.data.Py.repr(line + "\n"));
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int delim = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            String key;
            String value;
            if (delim < 0) {
                if (!allowNoValue) {
                    throw Library.LookupFailure.unhandled("configparser.ParsingError",
                            "Source contains parsing errors: '<???>'\n\t[line " + (n + 1) + "]: " + dev.jplay.data.Py.repr(line + "\n"));
                }
                key = stripped;
                value = null;
            } else {
                key = line.substring(0, delim).strip();
                value = line.substring(delim + 1).strip();
            }
            if (!caseSensitive) key = key.toLowerCase(Locale.ROOT);
            if (current.containsKey(key)) {
                // configparser's strict mode (DuplicateOptionError), which Ansible's lookup reports as its own error
                String section = current == defaults ? "DEFAULT" : sectionOf(sections, current);
                throw Library.LookupFailure.lookupError("Duplicate option in '" + file + "': While reading from '<???>' [line "
                        + String.format("%2d", n + 1) + "]: option " + dev.jplay.data.Py.repr(key) + " in section "
                        + dev.jplay.data.Py.repr(section) + " already exists");
            }
            current.put(key, value);
            lastKey = key;
            lastIndent = indent;
        }
        for (Map<String, String> s : sections.values()) defaults.forEach(s::putIfAbsent);
        return sections;
    }

    private static String sectionOf(Map<String, Map<String, String>> sections, Map<String, String> section) {
        for (var e : sections.entrySet()) if (e.getValue() == section) return e.getKey();
        return "";
    }
}
