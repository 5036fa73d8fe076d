package dev.jplay.template;

import dev.jplay.data.Py;
import java.util.List;
import java.util.Map;

/** Python's {@code %} string formatting and {@code str.format}, for the specifiers templates use. */
final class PyFormat {
    private PyFormat() {}

    static String percent(String fmt, Object args) {
        List<?> list = args instanceof List<?> l ? l : List.of(args == null ? "None" : args);
        Map<?, ?> named = args instanceof Map<?, ?> m ? m : null;
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (++i >= fmt.length()) throw new EvalError("incomplete format");
            Object value;
            if (fmt.charAt(i) == '%') {
                sb.append('%');
                continue;
            }
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                String key = fmt.substring(i + 1, close);
                if (named == null) throw new EvalError("format requires a mapping");
                value = named.get(key);
                i = close + 1;
            } else {
                if (args == null && list.size() == 1 && "None".equals(list.get(0))) value = null;
                else if (next >= list.size()) throw new EvalError("not enough arguments for format string");
                else value = list.get(next);
                next++;
            }
            int specStart = i;
            while (i < fmt.length() && "0123456789.-+ #".indexOf(fmt.charAt(i)) >= 0) i++;
            String spec = fmt.substring(specStart, i);
            char conv = fmt.charAt(i);
            sb.append(convert(spec, conv, value));
        }
        return sb.toString();
    }

    private static String convert(String spec, char conv, Object v) {
        String flags = spec.replace("#", "");
        return switch (conv) {
            case 's' -> pad(Py.str(v), flags);
            case 'r' -> pad(Py.repr(v), flags);
            case 'd', 'i' -> String.format("%" + flags + "d", PyOps.asLong(toNumber(v)));
            case 'f', 'F', 'e', 'E', 'g', 'G' -> String.format("%" + (spec.contains(".") ? flags : flags + ".6") + conv,
                    PyOps.asDouble(toNumber(v)));
            case 'x', 'X', 'o' -> String.format("%" + flags + conv, PyOps.asLong(toNumber(v)));
            default -> throw new EvalError("unsupported format character '" + conv + "'");
        };
    }

    private static Object toNumber(Object v) {
        if (PyOps.isNumber(v)) return v;
        throw new EvalError("%d format: a number is required, not " + PyOps.typeName(v));
    }

    private static String pad(String s, String flags) {
        if (flags.isEmpty()) return s;
        boolean left = flags.startsWith("-");
        String w = flags.replace("-", "").replace("+", "").replace(" ", "");
        int dot = w.indexOf('.');
        if (dot >= 0) {
            int prec = Integer.parseInt(w.substring(dot + 1));
            s = s.substring(0, Math.min(prec, s.length()));
            w = w.substring(0, dot);
        }
        if (w.isEmpty()) return s;
        int width = Integer.parseInt(w);
        return left ? String.format("%-" + width + "s", s) : String.format("%" + width + "s", s);
    }

    /** {@code "{} {name}".format(a, name=b)} with positional, indexed and named fields (no format specs beyond str). */
    static String format(String fmt, List<Object> args, Map<String, Object> kw) {
        StringBuilder sb = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '{' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
                sb.append('{');
                i++;
            } else if (c == '}' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
                sb.append('}');
                i++;
            } else if (c == '{') {
                int close = fmt.indexOf('}', i);
                String field = fmt.substring(i + 1, close);
                String spec = "";
                int colon = field.indexOf(':');
                if (colon >= 0) {
                    spec = field.substring(colon + 1);
                    field = field.substring(0, colon);
                }
                Object v = field.isEmpty() ? args.get(auto++) : field.matches("\\d+") ? args.get(Integer.parseInt(field)) : kw.get(field);
                sb.append(spec.isEmpty() ? Py.str(v) : formatSpec(v, spec));
                i = close;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String formatSpec(Object v, String spec) {
        if (spec.endsWith("f") || spec.endsWith("d")) return percent("%" + spec, v);
        return percent("%" + (spec.startsWith("<") ? "-" + spec.substring(1) : spec.replace(">", "")) + "s", v);
    }
}
