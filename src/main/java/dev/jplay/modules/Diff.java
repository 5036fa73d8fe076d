package dev.jplay.modules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One before/after pair for {@code --diff}. Text content gives a unified diff; maps (e.g. {@code {path, state}}
 * for the file module) are shown as Ansible shows them. Headers default to the path.
 */
public record Diff(Object before, Object after, String beforeHeader, String afterHeader) {
    public static Diff text(String path, String before, String after) {
        return new Diff(before, after, path, path);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("after", after);
        if (afterHeader != null) m.put("after_header", afterHeader);
        m.put("before", before);
        if (beforeHeader != null) m.put("before_header", beforeHeader);
        return m;
    }
}
