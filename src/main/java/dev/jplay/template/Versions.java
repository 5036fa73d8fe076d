package dev.jplay.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code version} test: LooseVersion (default), StrictVersion and semver comparisons. */
final class Versions {
    private static final Pattern LOOSE = Pattern.compile("\\d+|[a-z]+|\\.", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRICT = Pattern.compile("^(\\d+)\\.(\\d+)(\\.(\\d+))?([ab](\\d+))?$");

    private Versions() {}

    static boolean compare(String a, String b, String op, boolean strict, String type) {
        int c = strict || type.equals("strict") ? strictCompare(a, b) : looseCompare(a, b);
        return switch (op) {
            case "<", "lt" -> c < 0;
            case "<=", "le" -> c <= 0;
            case ">", "gt" -> c > 0;
            case ">=", "ge" -> c >= 0;
            case "==", "=", "eq" -> c == 0;
            case "!=", "<>", "ne" -> c != 0;
            default -> throw new EvalError("Invalid operator type (" + op + ")");
        };
    }

    private static List<Object> loose(String v) {
        List<Object> out = new ArrayList<>();
        Matcher m = LOOSE.matcher(v);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) out.add(v.substring(last, m.start()));
            String t = m.group();
            if (!t.equals(".")) out.add(Character.isDigit(t.charAt(0)) ? (Object) Long.parseLong(t) : t);
            last = m.end();
        }
        if (last < v.length()) out.add(v.substring(last));
        return out;
    }

    static int looseCompare(String a, String b) {
        List<Object> x = loose(a);
        List<Object> y = loose(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            int c;
            if (p instanceof Long l && q instanceof Long m) c = Long.compare(l, m);
            else if (p instanceof Long) c = -1;
            else if (q instanceof Long) c = 1;
            else c = p.toString().compareTo(q.toString());
            if (c != 0) return c;
        }
        return Integer.compare(x.size(), y.size());
    }

    private static int strictCompare(String a, String b) {
        long[] x = strict(a);
        long[] y = strict(b);
        for (int i = 0; i < x.length; i++) if (x[i] != y[i]) return Long.compare(x[i], y[i]);
        return 0;
    }

    private static long[] strict(String v) {
        Matcher m = STRICT.matcher(v);
        if (!m.matches()) throw new EvalError("Version comparison failed: invalid version number '" + v + "'");
        long pre = m.group(5) == null ? Long.MAX_VALUE : (m.group(5).charAt(0) == 'a' ? 0 : 1_000_000) + Long.parseLong(m.group(6));
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(4) == null ? 0 : Long.parseLong(m.group(4)), pre};
    }
}
