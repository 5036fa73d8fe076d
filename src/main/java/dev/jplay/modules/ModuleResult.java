package dev.jplay.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's result as Ansible registers it: an ordered map with at least {@code changed}, plus {@code failed}
 * and {@code msg} on failure, {@code diff} when asked, and module-specific keys ({@code rc}, {@code stdout}, ...).
 * Keys {@code ansible_facts}, {@code add_host} and {@code add_group} are interpreted by the executor.
 */
public final class ModuleResult {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final List<Map<String, Object>> diffs = new ArrayList<>();

    private ModuleResult(boolean changed) {
        data.put("changed", changed);
    }

    public static ModuleResult ok() {
        return new ModuleResult(false);
    }

    public static ModuleResult changed(boolean changed) {
        return new ModuleResult(changed);
    }

    public static ModuleResult failed(String msg) {
        ModuleResult r = new ModuleResult(false);
        r.data.put("failed", true);
        r.data.put("msg", msg);
        return r;
    }

    /** A result from a map an external module printed. */
    public static ModuleResult of(Map<String, Object> map) {
        ModuleResult r = new ModuleResult(false);
        r.data.putAll(map);
        r.data.putIfAbsent("changed", false);
        return r;
    }

    public ModuleResult put(String key, Object value) {
        data.put(key, value);
        return this;
    }

    public ModuleResult msg(String msg) {
        data.put("msg", msg);
        return this;
    }

    public ModuleResult setChanged(boolean changed) {
        data.put("changed", changed);
        return this;
    }

    public ModuleResult fail(String msg) {
        data.put("failed", true);
        data.put("msg", msg);
        return this;
    }

    /**
     * The module's own warning (ansible-core's {@code module.warn}): appended to the result's {@code warnings}
     * list, which is registered and which the output shows as {@code [WARNING]: ...}.
     */
    public ModuleResult warn(String message) {
        List<Object> list = data.get("warnings") instanceof List<?> l ? new ArrayList<Object>(l) : new ArrayList<>();
        list.add(message);
        data.put("warnings", list);
        return this;
    }

    public ModuleResult diff(Diff d) {
        diffs.add(d.toMap());
        return this;
    }

    /**
     * Adds {@code stdout_lines}/{@code stderr_lines} for a string {@code stdout}/{@code stderr}, as Ansible's executor
     * does for every module's result.
     */
    public ModuleResult withOutputLines() {
        for (String k : new String[] {"stdout", "stderr"}) {
            if (data.get(k) instanceof String s && !data.containsKey(k + "_lines")) data.put(k + "_lines", splitLines(s));
        }
        return this;
    }

    /** Python's {@code str.splitlines()}: how Ansible splits a module's stdout and stderr into their {@code _lines}. */
    public static List<Object> splitLines(String s) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u001c' || c == '\u001d' || c == '\u001e'
                    || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
            i++;
        }
        if (start < s.length()) out.add(s.substring(start));
        return out;
    }

    public boolean isChanged() {
        return Boolean.TRUE.equals(data.get("changed"));
    }

    public boolean isFailed() {
        return Boolean.TRUE.equals(data.get("failed"));
    }

    public Object get(String key) {
        return data.get(key);
    }

    /** The registered form; a single diff is a map, several are a list (as Ansible does). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(data);
        if (diffs.size() == 1) m.put("diff", diffs.get(0));
        else if (!diffs.isEmpty()) m.put("diff", List.copyOf(diffs));
        return m;
    }
}
