package dev.jplay.exec;

import dev.jplay.data.MergeHash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's {@code set_stats} data (Ansible's AggregateStats.custom): per host, or for the whole run under
 * {@link #RUN}. Aggregating adds numbers, concatenates strings and lists and merges dicts; a value of another type
 * than the one kept is ignored, as Ansible's {@code update_custom_stats} does. Thread-safe.
 */
final class CustomStats {
    /** The key of the run-wide stats. */
    static final String RUN = "_run";

    private final Map<String, Map<String, Object>> custom = new LinkedHashMap<>();

    /**
     * Records a {@code set_stats} result's {@code ansible_stats} ({@code data}, {@code per_host}, {@code aggregate})
     * for {@code hosts} when per host, else once for the run.
     */
    void record(Object ansibleStats, List<String> hosts) {
        if (!(ansibleStats instanceof Map<?, ?> s) || !(s.get("data") instanceof Map<?, ?> data) || data.isEmpty()) return;
        boolean perHost = !s.containsKey("per_host") || Boolean.TRUE.equals(s.get("per_host"));
        boolean aggregate = Boolean.TRUE.equals(s.get("aggregate"));
        List<String> keys = perHost ? hosts : List.of(RUN);
        for (String h : keys) {
            data.forEach((k, v) -> update(h, String.valueOf(k), v, aggregate));
        }
    }

    /** Records the per-host stats of {@code result} (or of its loop items) for {@code hosts} too (run_once). */
    void recordPerHost(Map<String, Object> result, List<String> hosts) {
        List<Object> items = result.get("results") instanceof List<?> l ? new ArrayList<>(l) : List.of(result);
        for (Object i : items) {
            if (i instanceof Map<?, ?> m && m.get("ansible_stats") instanceof Map<?, ?> s && Boolean.TRUE.equals(s.get("per_host"))) {
                record(s, hosts);
            }
        }
    }

    private synchronized void update(String host, String key, Object value, boolean aggregate) {
        Map<String, Object> m = custom.computeIfAbsent(host, h -> new LinkedHashMap<>());
        if (!aggregate || !m.containsKey(key)) {
            m.put(key, value);
            return;
        }
        Object sum = add(m.get(key), value);
        if (sum != null) m.put(key, sum);
    }

    /** Python's {@code old + new} for values of old's type; null when new is not of that type (ignored). */
    private static Object add(Object old, Object value) {
        if (old instanceof Boolean || old instanceof Long) {
            if (!(value instanceof Long || value instanceof Boolean) || old instanceof Boolean && !(value instanceof Boolean)) return null;
            return asLong(old) + asLong(value);
        }
        if (old instanceof Double d) return value instanceof Double v ? d + v : null;
        if (old instanceof String s) return value instanceof String v ? s + v : null;
        if (old instanceof List<?> l && value instanceof List<?> v) {
            List<Object> out = new ArrayList<>(l);
            out.addAll(v);
            return out;
        }
        if (old instanceof Map<?, ?> m && value instanceof Map<?, ?> v) return MergeHash.merge(m, v);
        return null;
    }

    private static long asLong(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
    }

    /** Every host's stats and the run's, keys sorted as Ansible shows them. */
    synchronized Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        custom.forEach((h, m) -> out.put(h, new TreeMap<>(m)));
        return out;
    }
}
