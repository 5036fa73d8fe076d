package dev.jplay.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Result maps as Ansible shapes them: internal keys stripped for {@code register}, standard failures. */
final class Results {
    private Results() {}

    /** A copy without {@code _ansible_*} keys (recursively into loop results), as {@code register} stores it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> forRegister(Map<String, Object> r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : r.entrySet()) {
            if (e.getKey().startsWith("_ansible_") || e.getKey().equals("invocation")) continue;
            Object v = e.getValue();
            if (e.getKey().equals("results") && v instanceof List<?> l) {
                List<Object> items = new ArrayList<>();
                for (Object x : l) items.add(x instanceof Map<?, ?> m ? forRegister((Map<String, Object>) m) : x);
                v = items;
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    static Map<String, Object> failed(String msg) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("failed", true);
        r.put("msg", msg);
        r.put("changed", false);
        return r;
    }

    static Map<String, Object> skipped(String reason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("skip_reason", reason);
        r.put("skipped", true);
        return r;
    }

    static Map<String, Object> unreachable(String msg) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("msg", msg);
        r.put("unreachable", true);
        return r;
    }

    static boolean flag(Map<String, Object> r, String key) {
        return Boolean.TRUE.equals(r.get(key));
    }

    /**
     * Ansible's result for a template error in a task: {@code failed} and {@code msg} only. A failed conditional and
     * an undefined variable in the options (introduced as one) are located at the task; any other error (a filter's)
     * is its message alone.
     */
    static Map<String, Object> templateError(dev.jplay.source.SourceException e, dev.jplay.source.Loc taskLoc) {
        String msg = e.getMessage();
        boolean conditional = msg.startsWith("The conditional check '");
        boolean undefined = !conditional && e instanceof dev.jplay.template.TemplateException t && t.isUndefined();
        if (undefined) msg = "The task includes an option with an undefined variable. The error was: " + msg;
        return failedAt(conditional || undefined ? msg + where(taskLoc) : msg);
    }

    /** A task's failure as Ansible gives it for an invalid field or option: {@code failed} and {@code msg} only. */
    static Map<String, Object> failedAt(String msg) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("failed", true);
        r.put("msg", msg);
        return r;
    }

    /** Ansible's pointer to the task: {@code \n\nThe error appears to be in 'FILE': line L, column C ...}. */
    static String where(dev.jplay.source.Loc taskLoc) {
        return taskLoc.known() ? "\n\nThe error appears to be in '" + taskLoc.file() + "': line " + taskLoc.line() + ", column "
                + taskLoc.col() + ", but may\nbe elsewhere in the file depending on the exact syntax problem." : "";
    }
}
