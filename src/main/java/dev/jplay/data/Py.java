package dev.jplay.data;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Python's {@code str()} and {@code repr()} of plain values, as Jinja2 and Ansible print them; Python's keywords. */
public final class Py {
    private Py() {}

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    /** Python 3's {@code keyword.iskeyword(s)}: a word that is no identifier ({@code class}, {@code None} ...). */
    public static boolean isKeyword(String s) {
        return KEYWORDS.contains(s);
    }

    /** {@code str(v)}: strings as they are, containers as their repr. */
    public static String str(Object v) {
        if (v instanceof CharSequence s) return s.toString();
        return repr(v);
    }

    /** {@code repr(v)}: {@code 'a'}, {@code ['a', 1]}, {@code {'k': True}}, {@code None}. */
    public static String repr(Object v) {
        StringBuilder sb = new StringBuilder();
        repr(v, sb);
        return sb.toString();
    }

    private static void repr(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("None");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(floatRepr(((Number) v).doubleValue()));
        } else if (v instanceof Number n) {
            sb.append(n.toString());
        } else if (v instanceof CharSequence s) {
            quote(s.toString(), sb);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                repr(e.getKey(), sb);
                sb.append(": ");
                repr(e.getValue(), sb);
                if (it.hasNext()) sb.append(", ");
            }
            sb.append('}');
        } else if (v instanceof Tuple t) {
            sb.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) sb.append(", ");
                repr(t.get(i), sb);
            }
            sb.append(t.size() == 1 ? ",)" : ")");
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                repr(it.next(), sb);
                if (it.hasNext()) sb.append(", ");
            }
            sb.append(']');
        } else {
            sb.append(v);
        }
    }

    /** Python's {@code shlex.quote}: safe words as they are, anything else in single quotes. */
    public static String shellQuote(String s) {
        if (s.isEmpty()) return "''";
        if (s.matches("[A-Za-z0-9_@%+=:,./-]+")) return s;
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    /** Python's quoting: single quotes unless the text has a single quote and no double quote. */
    public static void quote(String s, StringBuilder sb) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') sb.append('\\').append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        sb.append(q);
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, {@code 1.0}, {@code 1e+16}, {@code 1e-05}, {@code inf}, {@code nan}. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
        if (digits.length() <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }
}
