package dev.jplay.exec;

import dev.jplay.data.Py;
import java.util.ArrayList;
import java.util.List;

/** Splits a play's hosts into batches by {@code serial}: a number, a percentage, or a list of them (last repeats). */
final class Serial {
    private Serial() {}

    static <T> List<List<T>> batches(List<T> hosts, Object serial) {
        List<Object> spec = serial == null ? List.of() : serial instanceof List<?> l ? new ArrayList<>(l) : List.of(serial);
        if (spec.isEmpty()) return List.of(hosts);
        List<List<T>> out = new ArrayList<>();
        int i = 0;
        int k = 0;
        while (i < hosts.size()) {
            int size = size(spec.get(Math.min(k++, spec.size() - 1)), hosts.size());
            size = Math.max(1, Math.min(size, hosts.size() - i));
            out.add(List.copyOf(hosts.subList(i, i + size)));
            i += size;
        }
        return out;
    }

    private static int size(Object s, int total) {
        String t = Py.str(s).strip();
        if (t.endsWith("%")) {
            double pct = Double.parseDouble(t.substring(0, t.length() - 1));
            return Math.max(1, (int) (total * pct / 100.0));
        }
        int n = Integer.parseInt(t);
        return n <= 0 ? total : n;
    }
}
