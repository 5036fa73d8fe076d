package dev.jplay.console;

import dev.jplay.data.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The commands of a session that succeeded, for {@code save FILE.yml}: a playbook with one play per run of commands
 * on the same hosts with the same settings ({@code cd} gives {@code hosts:}, the settings give {@code become},
 * {@code check_mode}, {@code diff}, {@code remote_user} ... keywords, {@code timeout} the tasks' {@code timeout}).
 * A task whose result the next command reads as {@code _} registers it as {@code _}. Strings are written as
 * JSON strings, which YAML reads the same, so any command text survives.
 */
final class SessionLog {
    private static final Pattern USES_RESULT = Pattern.compile("(?<![\\w.])_(?![\\w])");

    /** A command as typed ({@code line}), the module and argument text it ran, where and how. */
    record Entry(String line, String pattern, String module, String args, Settings settings) {}

    private final List<Entry> entries = new ArrayList<>();

    void add(Entry e) {
        entries.add(e);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    /** The playbook text. */
    String playbook() {
        StringBuilder sb = new StringBuilder("# written by jplay console: ").append(entries.size())
                .append(entries.size() == 1 ? " command\n" : " commands\n");
        Map<String, Object> current = null;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Map<String, Object> keywords = keywords(e);
            if (!keywords.equals(current)) {
                current = keywords;
                sb.append("\n- name: ").append(Json.write("console: " + e.pattern())).append('\n');
                keywords.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(Json.write(v)).append('\n'));
                sb.append("  tasks:\n");
            }
            task(sb, e, i + 1 < entries.size() && USES_RESULT.matcher(entries.get(i + 1).args()).find());
        }
        return sb.toString();
    }

    private static Map<String, Object> keywords(Entry e) {
        Settings s = e.settings();
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("hosts", e.pattern());
        k.put("gather_facts", false);
        if (s.remoteUser() != null) k.put("remote_user", s.remoteUser());
        if (s.become()) {
            k.put("become", true);
            k.put("become_user", Objects.requireNonNullElse(s.becomeUser(), "root"));
            k.put("become_method", Objects.requireNonNullElse(s.becomeMethod(), "sudo"));
        }
        if (s.check()) k.put("check_mode", true);
        if (s.diff()) k.put("diff", true);
        return k;
    }

    private static void task(StringBuilder sb, Entry e, boolean register) {
        sb.append("    - name: ").append(Json.write(e.line())).append('\n');
        sb.append("      ").append(e.module()).append(": ").append(e.args().isBlank() ? "{}" : Json.write(e.args())).append('\n');
        Integer t = e.settings().timeout();
        if (t != null && t > 0) sb.append("      timeout: ").append(t).append('\n');
        if (register) sb.append("      register: _\n");
    }
}
