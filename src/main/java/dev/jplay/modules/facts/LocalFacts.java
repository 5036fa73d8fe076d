package dev.jplay.modules.facts;

import dev.jplay.data.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ansible_local}: each {@code *.fact} file of the facts directory, by name without {@code .fact}: the output of
 * an executable one, else the file; JSON, else INI (sections of options), else Ansible's error text.
 */
final class LocalFacts {
    private static final String FAILED = "JPLAY_FACT_FAILED:";
    private static final String NO_STAT = "JPLAY_FACT_NOSTAT:";

    private LocalFacts() {}

    static Map<String, Object> parse(RawFacts raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (RawFacts.Line l : raw.lines()) {
            if (l.section().equals("localfact")) {
                if (name != null) out.put(name, value(name, text.toString()));
                name = l.value().substring(0, l.value().length() - ".fact".length());
                text.setLength(0);
            } else if (l.section().equals("localline") && name != null) {
                text.append(l.value()).append('\n');
            }
        }
        if (name != null) out.put(name, value(name, text.toString()));
        return out;
    }

    static Object value(String name, String text) {
        if (text.startsWith(NO_STAT)) { // a dangling symlink: os.stat fails as Python says it
            String path = text.substring(NO_STAT.length()).strip();
            return "Could not stat fact (" + path + "): [Errno 2] No such file or directory: '" + path + "'";
        }
        if (text.startsWith(FAILED)) return "Failure executing fact script (" + name + ".fact), rc: 1, err: " + text.substring(FAILED.length()).strip();
        try {
            return Json.parse(text);
        } catch (RuntimeException notJson) {
            Map<String, Object> ini = ini(text);
            return ini != null ? ini : "error loading facts as JSON or ini - please check content: " + name + ".fact";
        }
    }

    /** Python's configparser reading: {@code [section]} then {@code key = value} or {@code key: value} lines; null if not INI. */
    static Map<String, Object> ini(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> cur = null;
        for (String line : List.of(text.split("\n"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) continue;
            if (l.startsWith("[") && l.endsWith("]")) {
                cur = new LinkedHashMap<>();
                out.put(l.substring(1, l.length() - 1), cur);
                continue;
            }
            int eq = l.indexOf('=');
            int colon = l.indexOf(':');
            int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (cur == null || sep <= 0) return null;
            cur.put(l.substring(0, sep).strip().toLowerCase(java.util.Locale.ROOT), l.substring(sep + 1).strip());
        }
        return out;
    }
}
