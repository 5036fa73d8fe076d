package dev.jplay.template;

import dev.jplay.data.Py;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The Python methods playbooks call on strings, dicts and lists ({@code x.split(',')}, {@code d.items()}). */
final class PyMethods {
    private PyMethods() {}

    private static final Set<String> STR = Set.of("split", "rsplit", "strip", "lstrip", "rstrip", "startswith", "endswith",
            "lower", "upper", "replace", "format", "join", "splitlines", "find", "rfind", "index", "count", "isdigit", "isalpha",
            "isalnum", "isspace", "islower", "isupper", "capitalize", "title", "center", "ljust", "rjust", "zfill", "partition",
            "rpartition", "casefold", "swapcase", "encode", "decode");
    private static final Set<String> DICT = Set.of("items", "keys", "values", "get", "copy", "update", "pop", "setdefault");
    private static final Set<String> LIST = Set.of("index", "count", "copy", "append", "extend", "insert", "pop", "remove", "reverse", "sort");

    static boolean isMethod(Object obj, String name) {
        if (obj instanceof CharSequence) return STR.contains(name);
        if (obj instanceof Map) return DICT.contains(name);
        if (obj instanceof List) return LIST.contains(name);
        return false;
    }

    /** A method bound to its receiver. */
    record Bound(Object self, String name) implements PyCallable {
        @Override
        public Object call(Env env, List<Object> args, Map<String, Object> kw) {
            if (self instanceof CharSequence s) return str(s.toString(), name, args, kw);
            if (self instanceof Map<?, ?> m) return dict(m, name, args);
            return list((List<?>) self, name, args);
        }
    }

    private static Object arg(List<Object> args, int i, Object def) {
        return i < args.size() ? args.get(i) : def;
    }

    private static Object str(String s, String name, List<Object> args, Map<String, Object> kw) {
        switch (name) {
            case "split":
            case "rsplit":
                return split(s, arg(args, 0, kw.get("sep")), (int) PyOps.asLong(arg(args, 1, kw.getOrDefault("maxsplit", -1L))),
                        name.equals("rsplit"));
            case "strip":
                return strip(s, arg(args, 0, null), true, true);
            case "lstrip":
                return strip(s, arg(args, 0, null), true, false);
            case "rstrip":
                return strip(s, arg(args, 0, null), false, true);
            case "startswith":
            case "endswith":
                List<?> options = args.get(0) instanceof List<?> l ? l : List.of(args.get(0));
                for (Object o : options) {
                    if (name.equals("startswith") ? s.startsWith(PyOps.str(o)) : s.endsWith(PyOps.str(o))) return true;
                }
                return false;
            case "lower":
            case "casefold":
                return s.toLowerCase(Locale.ROOT);
            case "upper":
                return s.toUpperCase(Locale.ROOT);
            case "swapcase":
                StringBuilder sw = new StringBuilder();
                for (char c : s.toCharArray()) sw.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                return sw.toString();
            case "replace": {
                String from = PyOps.str(args.get(0));
                String to = PyOps.str(args.get(1));
                long n = PyOps.asLong(arg(args, 2, -1L));
                if (n < 0) return s.replace(from, to);
                String out = s;
                StringBuilder sb = new StringBuilder();
                int idx;
                while (n-- > 0 && (idx = out.indexOf(from)) >= 0) {
                    sb.append(out, 0, idx).append(to);
                    out = out.substring(idx + from.length());
                }
                return sb.append(out).toString();
            }
            case "format":
                return PyFormat.format(s, args, kw);
            case "join":
                return String.join(s, PyOps.iterate(args.get(0)).stream().map(PyOps::str).toList());
            case "splitlines":
                return lines(s);
            case "find":
                return (long) s.indexOf(PyOps.str(args.get(0)));
            case "rfind":
                return (long) s.lastIndexOf(PyOps.str(args.get(0)));
            case "index": {
                int i = s.indexOf(PyOps.str(args.get(0)));
                if (i < 0) throw new EvalError("substring not found");
                return (long) i;
            }
            case "count": {
                String sub = PyOps.str(args.get(0));
                if (sub.isEmpty()) return (long) s.length() + 1;
                long n = 0;
                for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
                return n;
            }
            case "isdigit":
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha":
                return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum":
                return !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace":
                return !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "islower":
                return s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(Locale.ROOT));
            case "isupper":
                return s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
            case "capitalize":
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            case "title":
                return StringFilters.title(s);
            case "center":
                return StringFilters.center(s, (int) PyOps.asLong(args.get(0)));
            case "ljust":
                return String.format("%-" + Math.max(1, PyOps.asLong(args.get(0))) + "s", s);
            case "rjust":
                return String.format("%" + Math.max(1, PyOps.asLong(args.get(0))) + "s", s);
            case "zfill": {
                int w = (int) PyOps.asLong(args.get(0));
                return s.length() >= w ? s : "0".repeat(w - s.length()) + s;
            }
            case "partition":
            case "rpartition": {
                String sep = PyOps.str(args.get(0));
                int i = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                if (i < 0) return name.equals("partition") ? List.of(s, "", "") : List.of("", "", s);
                return List.of(s.substring(0, i), sep, s.substring(i + sep.length()));
            }
            default:
                return s;
        }
    }

    /** {@code str.splitlines()}: no trailing empty line for a final newline. */
    static List<Object> lines(String s) {
        List<Object> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        String[] p = s.split("\r\n|\r|\n", -1);
        int n = p[p.length - 1].isEmpty() ? p.length - 1 : p.length;
        out.addAll(Arrays.asList(p).subList(0, n));
        return out;
    }

    static List<Object> split(String s, Object sep, int max, boolean fromRight) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            String t = s.strip();
            if (t.isEmpty()) return out;
            String[] parts = fromRight ? t.split("\\s+") : t.split("\\s+", max < 0 ? -1 : max + 1);
            if (fromRight && max >= 0 && parts.length > max + 1) {
                int keep = parts.length - max;
                String head = t.replaceFirst("^((?:\\S+\\s+){" + (keep - 1) + "}\\S+).*$", "$1");
                out.add(head);
                out.addAll(Arrays.asList(parts).subList(keep, parts.length));
                return out;
            }
            out.addAll(Arrays.asList(parts));
            return out;
        }
        String d = PyOps.str(sep);
        if (d.isEmpty()) throw new EvalError("empty separator");
        List<String> parts = new ArrayList<>();
        int from = 0;
        int idx;
        while ((idx = s.indexOf(d, from)) >= 0) {
            parts.add(s.substring(from, idx));
            from = idx + d.length();
        }
        parts.add(s.substring(from));
        if (max >= 0 && parts.size() > max + 1) {
            if (fromRight) {
                int keep = parts.size() - max;
                out.add(String.join(d, parts.subList(0, keep)));
                out.addAll(parts.subList(keep, parts.size()));
            } else {
                out.addAll(parts.subList(0, max));
                out.add(String.join(d, parts.subList(max, parts.size())));
            }
            return out;
        }
        out.addAll(parts);
        return out;
    }

    static String strip(String s, Object chars, boolean left, boolean right) {
        String set = chars == null ? null : PyOps.str(chars);
        int a = 0;
        int b = s.length();
        while (left && a < b && (set == null ? Character.isWhitespace(s.charAt(a)) : set.indexOf(s.charAt(a)) >= 0)) a++;
        while (right && b > a && (set == null ? Character.isWhitespace(s.charAt(b - 1)) : set.indexOf(s.charAt(b - 1)) >= 0)) b--;
        return s.substring(a, b);
    }

    private static Object dict(Map<?, ?> m, String name, List<Object> args) {
        switch (name) {
            case "items": {
                List<Object> out = new ArrayList<>();
                m.forEach((k, v) -> out.add(new ArrayList<>(Arrays.asList(k, v))));
                return out;
            }
            case "keys":
                return new ArrayList<Object>(m.keySet());
            case "values":
                return new ArrayList<Object>(m.values());
            case "get": {
                String k = PyOps.keyString(args.get(0));
                return m.containsKey(k) ? m.get(k) : arg(args, 1, null);
            }
            case "copy":
                return new LinkedHashMap<Object, Object>(m);
            default:
                throw new EvalError("dict." + name + "() is not supported in templates (it would change a variable)");
        }
    }

    private static Object list(List<?> l, String name, List<Object> args) {
        switch (name) {
            case "index":
                for (int i = 0; i < l.size(); i++) if (PyOps.eq(l.get(i), args.get(0))) return (long) i;
                throw new EvalError(Py.repr(args.get(0)) + " is not in list");
            case "count":
                return l.stream().filter(x -> PyOps.eq(x, args.get(0))).count();
            case "copy":
                return new ArrayList<Object>(l);
            default:
                throw new EvalError("list." + name + "() is not supported in templates (it would change a variable)");
        }
    }
}
