package dev.jplay.template;

import dev.jplay.data.Py;
import dev.jplay.data.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Python's {@code pprint.pformat} (width 80, dict keys sorted) for the pprint filter; long strings are not split. */
final class PPrint {
    private static final int WIDTH = 80;

    private PPrint() {}

    static String format(Object v) {
        StringBuilder sb = new StringBuilder();
        format(v, 0, 0, sb);
        return sb.toString();
    }

    /** The repr with dicts in sorted key order (what pformat prints when it fits). */
    static String repr(Object v) {
        return Py.repr(sorted(v));
    }

    private static Object sorted(Object v) {
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> t = new TreeMap<>();
            m.forEach((k, x) -> t.put(PyOps.keyString(k), sorted(x)));
            return new java.util.LinkedHashMap<>(t);
        }
        if (v instanceof Tuple t) {
            List<Object> out = new ArrayList<>();
            for (Object o : t) out.add(sorted(o));
            return Tuple.copyOf(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(sorted(o));
            return out;
        }
        return v;
    }

    private static void format(Object v, int indent, int allowance, StringBuilder sb) {
        String rep = repr(v);
        if (rep.length() <= WIDTH - indent - allowance || !(v instanceof Map || v instanceof List)) {
            sb.append(rep);
            return;
        }
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            TreeMap<String, Object> t = new TreeMap<>();
            m.forEach((k, x) -> t.put(PyOps.keyString(k), x));
            int i = 0;
            for (var e : t.entrySet()) {
                boolean last = ++i == t.size();
                String key = Py.repr(e.getKey());
                sb.append(key).append(": ");
                format(e.getValue(), indent + 1 + key.length() + 2, last ? allowance + 1 : 1, sb);
                if (!last) sb.append(",\n").append(" ".repeat(indent + 1));
            }
            sb.append('}');
            return;
        }
        List<?> l = (List<?>) v;
        boolean tuple = v instanceof Tuple;
        sb.append(tuple ? '(' : '[');
        for (int i = 0; i < l.size(); i++) {
            boolean last = i == l.size() - 1;
            format(l.get(i), indent + 1, last ? allowance + 1 : 1, sb);
            if (!last) sb.append(",\n").append(" ".repeat(indent + 1));
        }
        if (tuple && l.size() == 1) sb.append(',');
        sb.append(tuple ? ')' : ']');
    }
}
