package dev.jplay.template;

import dev.jplay.data.Tuple;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Python's {@code str} methods, as templates call them on strings. */
final class StrMethods {
    private StrMethods() {}

    static Object call(Env env, String s, String name, List<Object> args, Map<String, Object> kw) {
        switch (name) {
            case "split":
            case "rsplit":
                return PyMethods.split(s, PyMethods.arg(args, 0, kw.get("sep")),
                        (int) PyOps.index(PyMethods.arg(args, 1, kw.getOrDefault("maxsplit", -1L))), name.equals("rsplit"));
            case "strip":
                return PyMethods.strip(s, PyMethods.arg(args, 0, null), true, true);
            case "lstrip":
                return PyMethods.strip(s, PyMethods.arg(args, 0, null), true, false);
            case "rstrip":
                return PyMethods.strip(s, PyMethods.arg(args, 0, null), false, true);
            case "startswith":
            case "endswith": {
                Object prefix = PyMethods.need(name, args, 0);
                List<?> options = prefix instanceof Tuple t ? t : List.of(prefix);
                for (Object o : options) {
                    if (!(o instanceof CharSequence)) {
                        throw EvalError.type(name + " first arg must be str or a tuple of str, not " + PyOps.typeName(o));
                    }
                    if (name.equals("startswith") ? s.startsWith(o.toString()) : s.endsWith(o.toString())) return true;
                }
                return false;
            }
            case "lower":
            case "casefold":
                return s.toLowerCase(Locale.ROOT);
            case "upper":
                return s.toUpperCase(Locale.ROOT);
            case "swapcase": {
                StringBuilder sw = new StringBuilder();
                for (char c : s.toCharArray()) sw.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                return sw.toString();
            }
            case "replace":
                return StringFilters.replace(s, PyOps.str(PyMethods.need(name, args, 0)), PyOps.str(PyMethods.need(name, args, 1)),
                        PyOps.index(PyMethods.arg(args, 2, -1L)));
            case "format":
                return PyFormat.format(s, args, kw);
            case "format_map":
                return PyFormat.format(s, List.of(), toMap(PyMethods.need(name, args, 0)));
            case "join":
                return join(s, PyOps.iterate(PyMethods.need(name, args, 0)));
            case "splitlines":
                return PyMethods.lines(s, PyOps.truthy(PyMethods.arg(args, 0, kw.getOrDefault("keepends", false))));
            case "find":
            case "rfind":
            case "index":
            case "rindex": {
                String sub = PyOps.str(PyMethods.need(name, args, 0));
                int i = name.startsWith("r") ? s.lastIndexOf(sub) : s.indexOf(sub);
                if (i < 0 && name.endsWith("index")) throw new EvalError("substring not found");
                return (long) i;
            }
            case "count": {
                String sub = PyOps.str(PyMethods.need(name, args, 0));
                if (sub.isEmpty()) return (long) s.length() + 1;
                long n = 0;
                for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
                return n;
            }
            case "isdigit":
            case "isnumeric":
            case "isdecimal":
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha":
                return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum":
                return !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace":
                return !s.isEmpty() && s.chars().allMatch(PyOps::isSpace);
            case "isascii":
                return s.chars().allMatch(c -> c < 128);
            case "isidentifier":
                return !s.isEmpty() && (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')
                        && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
            case "islower":
                return s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(Locale.ROOT));
            case "isupper":
                return s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
            case "istitle":
                return istitle(s);
            case "capitalize":
                return StringFilters.capitalize(s);
            case "title":
                return title(s);
            case "center":
                return StringFilters.center(s, (int) PyOps.index(PyMethods.need(name, args, 0)), fill(args));
            case "ljust":
            case "rjust": {
                int w = (int) PyOps.index(PyMethods.need(name, args, 0));
                if (s.length() >= w) return s;
                String pad = fill(args).repeat(w - s.length());
                return name.equals("ljust") ? s + pad : pad + s;
            }
            case "zfill": {
                int w = (int) PyOps.index(PyMethods.need(name, args, 0));
                if (s.length() >= w) return s;
                boolean sign = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
                String zeros = "0".repeat(w - s.length());
                return sign ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
            }
            case "partition":
            case "rpartition": {
                String sep = PyOps.str(PyMethods.need(name, args, 0));
                if (sep.isEmpty()) throw new EvalError("empty separator");
                int i = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                if (i < 0) return name.equals("partition") ? Tuple.of(s, "", "") : Tuple.of("", "", s);
                return Tuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
            }
            case "removeprefix": {
                String p = PyOps.str(PyMethods.need(name, args, 0));
                return s.startsWith(p) ? s.substring(p.length()) : s;
            }
            case "removesuffix": {
                String p = PyOps.str(PyMethods.need(name, args, 0));
                return !p.isEmpty() && s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
            }
            case "expandtabs":
                return expandtabs(s, (int) PyOps.index(PyMethods.arg(args, 0, kw.getOrDefault("tabsize", 8L))));
            default:
                return s; // encode/decode: Ansible turns bytes back into text
        }
    }

    private static String join(String sep, List<Object> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            Object o = items.get(i);
            if (!(o instanceof CharSequence)) throw EvalError.type("sequence item " + i + ": expected str instance, " + PyOps.typeName(o) + " found");
            if (i > 0) sb.append(sep);
            sb.append(o);
        }
        return sb.toString();
    }

    private static String fill(List<Object> args) {
        String f = args.size() > 1 ? PyOps.str(args.get(1)) : " ";
        if (f.length() != 1) throw EvalError.type("The fill character must be exactly one character long");
        return f;
    }

    private static Map<String, Object> toMap(Object v) {
        if (!(v instanceof Map<?, ?> m)) throw EvalError.type("format_map() argument must be a mapping, not " + PyOps.typeName(v));
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, x) -> out.put(PyOps.keyString(k), x));
        return out;
    }

    /** Python's {@code str.title}: a letter after a non-letter upper-cased, others lower-cased. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean prevCased = false;
        for (char c : s.toCharArray()) {
            sb.append(prevCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            prevCased = Character.isLetter(c);
        }
        return sb.toString();
    }

    private static boolean istitle(String s) {
        boolean cased = false;
        boolean prevCased = false;
        for (char c : s.toCharArray()) {
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                if (prevCased) return false;
                prevCased = true;
                cased = true;
            } else if (Character.isLowerCase(c)) {
                if (!prevCased) return false;
                prevCased = true;
                cased = true;
            } else {
                prevCased = false;
            }
        }
        return cased;
    }

    private static String expandtabs(String s, int size) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (char c : s.toCharArray()) {
            if (c == '\t') {
                int n = size > 0 ? size - col % size : 0;
                sb.append(" ".repeat(n));
                col += n;
            } else {
                sb.append(c);
                col = c == '\n' || c == '\r' ? 0 : col + 1;
            }
        }
        return sb.toString();
    }
}
