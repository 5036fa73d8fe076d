package dev.jplay.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Host name ranges as Ansible expands them: {@code web[01:20]}, {@code db-[a:c]}, {@code node[0:10:2]}, {@code [:3]}
 * (begin defaults to 0); several ranges multiply out, the first one outermost.
 */
final class Ranges {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** A range Ansible rejects by name ("host range must specify end value"...): its plugins may leave the name as is. */
    static final class BadRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadRange(String message) {
            super(message);
        }
    }

    private Ranges() {}

    /**
     * The names a pattern stands for (itself when it has no {@code [}). {@link BadRange} for a range Ansible names as
     * wrong, {@link IllegalArgumentException} with Python's wording for a bound that is not a number
     * ({@code invalid literal for int() with base 10: 'j'}).
     */
    static List<String> expand(String pattern) {
        int open = pattern.indexOf('[');
        if (open < 0) return List.of(pattern);
        int close = pattern.indexOf(']');
        if (close < 0) throw new BadRange("not enough values to unpack (expected 3, got 2)");
        // as Ansible: the first '[' and the first ']' delimit the range (replace each once, split on both)
        String rest = pattern.substring(0, open) + "|" + pattern.substring(open + 1);
        int bar = rest.indexOf(']');
        String[] parts = (rest.substring(0, bar) + "|" + rest.substring(bar + 1)).split("\\|", -1);
        if (parts.length != 3) throw new IllegalArgumentException("too many values to unpack (expected 3)");
        String head = parts[0];
        String tail = parts[2];
        String[] bounds = parts[1].split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) throw new BadRange("host range must be begin:end or begin:end:step");
        String beg = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        String step = bounds.length == 3 ? bounds[2] : "1";
        if (end.isEmpty()) throw new BadRange("host range must specify end value");
        int width = beg.charAt(0) == '0' && beg.length() > 1 ? beg.length() : 0;
        if (width > 0 && width != end.length()) throw new BadRange("host range must specify equal-length begin and end formats");
        List<String> values = new ArrayList<>();
        int ib = LETTERS.indexOf(beg);
        int ie = LETTERS.indexOf(end);
        if (beg.length() == 1 && end.length() == 1 && ib >= 0 && ie >= 0) {
            if (ib > ie) throw new BadRange("host range must have begin <= end");
            int s = step(step);
            for (int i = ib; i <= ie; i += s) values.add(String.valueOf(LETTERS.charAt(i)));
        } else {
            long b = pyInt(beg);
            long e = pyInt(end);
            int s = step(step);
            for (long i = b; i <= e; i += s) values.add(width > 0 ? String.format("%0" + width + "d", i) : Long.toString(i));
        }
        List<String> out = new ArrayList<>();
        for (String v : values) out.addAll(expand(head + v + tail));
        return out;
    }

    /** Python's {@code int(s)}: a (signed) decimal integer, else its ValueError's message. */
    private static long pyInt(String s) {
        String t = s.strip().replace("_", "");
        if (!t.matches("[+-]?\\d{1,18}")) throw new IllegalArgumentException("invalid literal for int() with base 10: '" + s + "'");
        return Long.parseLong(t);
    }

    /** A range's step; jplay counts upwards only (a step below 1 would give Python's empty or reversed range). */
    private static int step(String s) {
        long v = pyInt(s);
        if (v < 1 || v > Integer.MAX_VALUE) throw new BadRange("host range step must be a positive number, got '" + s + "'");
        return (int) v;
    }
}
