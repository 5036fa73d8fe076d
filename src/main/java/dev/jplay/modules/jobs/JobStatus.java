package dev.jplay.modules.jobs;

import dev.jplay.data.Json;
import dev.jplay.modules.ModuleResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's result file read as Ansible's async_status action and module read it: defaults first ({@code started},
 * {@code finished}, empty {@code stdout}/{@code stderr} and their lines), then the file's object. A missing file is
 * "could not find job"; an empty or unparseable one is a job still running; an object without {@code started} is
 * the finished job's result ({@code finished: 1}). {@code stdout_lines}/{@code stderr_lines} are split from the
 * result's own stdout/stderr, as the controller does for every module.
 */
public final class JobStatus {
    private JobStatus() {}

    /** The status of job {@code jid} whose file {@code path} holds {@code content} (null: no such file). */
    public static Map<String, Object> of(String jid, String path, String content) {
        Map<String, Object> r = defaults(jid);
        r.put("results_file", path);
        r.put("started", 1L);
        if (content == null) {
            r.put("failed", true);
            r.put("msg", "could not find job");
            r.put("finished", 1L);
            return r;
        }
        Map<String, Object> data = parse(content);
        if (data == null) {
            r.put("finished", 0L);
            return r;
        }
        if (!data.containsKey("started")) {
            data.put("finished", 1L);
            data.put("ansible_job_id", jid);
        } else if (!data.containsKey("finished")) {
            data.put("finished", 0L);
        }
        Object failed = data.get("failed");
        if (failed != null && !(failed instanceof Boolean)) data.put("failed", truthy(failed));
        lines(data, "stdout");
        lines(data, "stderr");
        r.putAll(data);
        return r;
    }

    /** async_status with {@code mode=cleanup}: the file was {@code erased}, or there was none. */
    public static Map<String, Object> erased(String jid, String path, boolean existed) {
        Map<String, Object> r = defaults(jid);
        r.put("erased", path);
        if (!existed) {
            r.put("failed", true);
            r.put("msg", "could not find job");
            r.put("started", 1L);
            r.put("finished", 1L);
        }
        return r;
    }

    /** True when this status is a finished job. */
    public static boolean finished(Map<String, Object> status) {
        return status.get("finished") instanceof Number n && n.longValue() == 1;
    }

    private static Map<String, Object> defaults(String jid) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("started", 0L);
        r.put("finished", 0L);
        r.put("stdout", "");
        r.put("stderr", "");
        r.put("stdout_lines", List.of());
        r.put("stderr_lines", List.of());
        r.put("ansible_job_id", jid);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String content) {
        if (content.isBlank()) return null;
        try {
            Object o = Json.parse(content);
            return o instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void lines(Map<String, Object> data, String key) {
        if (!data.containsKey(key) || data.containsKey(key + "_lines")) return;
        Object v = data.get(key);
        String text = v == null || Boolean.FALSE.equals(v) ? "" : String.valueOf(v);
        data.put(key + "_lines", ModuleResult.splitLines(text));
    }

    private static boolean truthy(Object v) {
        if (v instanceof Number n) return n.doubleValue() != 0;
        if (v instanceof String s) return !s.isEmpty();
        return v != null;
    }
}
