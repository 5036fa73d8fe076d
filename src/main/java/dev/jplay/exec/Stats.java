package dev.jplay.exec;

import dev.jplay.output.HostStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's recap counters per host and its custom stats (Ansible's AggregateStats). Thread-safe. */
final class Stats {
    enum Counter { OK, CHANGED, UNREACHABLE, FAILED, SKIPPED, RESCUED, IGNORED }

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final CustomStats custom = new CustomStats();

    /** The run's {@code set_stats} data. */
    CustomStats custom() {
        return custom;
    }

    synchronized void add(String host, Counter c) {
        counts.computeIfAbsent(host, h -> new int[Counter.values().length])[c.ordinal()]++;
    }

    synchronized int get(String host, Counter c) {
        int[] a = counts.get(host);
        return a == null ? 0 : a[c.ordinal()];
    }

    /** The recap in the order hosts were first seen, or sorted as Ansible sorts ({@code hosts} order given). */
    synchronized Map<String, HostStats> snapshot(List<String> order) {
        Map<String, HostStats> out = new LinkedHashMap<>();
        for (String h : order) {
            int[] a = counts.get(h);
            if (a != null) out.put(h, new HostStats(a[0], a[1], a[2], a[3], a[4], a[5], a[6]));
        }
        return out;
    }

    synchronized List<String> hosts() {
        return List.copyOf(counts.keySet());
    }
}
