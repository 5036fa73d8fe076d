package dev.jplay.template;

import java.util.List;
import java.util.Map;

/** Tests on task results: failed, succeeded, changed, skipped, reachable, unreachable, finished, started. */
final class ResultTests {
    private ResultTests() {}

    static Fn.Test get(String name) {
        return switch (name) {
            case "failed", "failure" -> (e, v, a) -> PyOps.truthy(result(v, "failed").getOrDefault("failed", false));
            case "succeeded", "success", "successful" -> (e, v, a) -> !PyOps.truthy(result(v, "failed").getOrDefault("failed", false));
            case "changed", "change" -> (e, v, a) -> changed(result(v, "changed"));
            case "skipped", "skip" -> (e, v, a) -> PyOps.truthy(result(v, "skipped").getOrDefault("skipped", false));
            case "unreachable" -> (e, v, a) -> PyOps.truthy(result(v, "unreachable").getOrDefault("unreachable", false));
            case "reachable" -> (e, v, a) -> !PyOps.truthy(result(v, "unreachable").getOrDefault("unreachable", false));
            case "finished" -> (e, v, a) -> async(e, result(v, "finished"), "finished");
            case "started" -> (e, v, a) -> async(e, result(v, "started"), "started");
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Object v, String test) {
        if (v instanceof Undefined u) PyOps.fail(u);
        if (!(v instanceof Map)) throw new EvalError("The '" + test + "' test expects a dictionary");
        return (Map<String, Object>) v;
    }

    private static boolean changed(Map<String, Object> r) {
        if (r.containsKey("changed")) return PyOps.truthy(r.get("changed"));
        if (r.get("results") instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
            for (Object o : l) if (o instanceof Map<?, ?> m && m.get("changed") != null && PyOps.truthy(m.get("changed"))) return true;
        }
        return false;
    }

    private static boolean async(Env e, Map<String, Object> r, String key) {
        if (r.containsKey(key)) return PyOps.eq(r.get(key), 1L);
        e.warn("The '" + key + "' test expects an async task, but a non-async task was tested");
        return true;
    }
}
