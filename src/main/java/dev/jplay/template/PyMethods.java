package dev.jplay.template;

import dev.jplay.data.Py;
import dev.jplay.data.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Python methods templates call on strings, dicts and lists ({@code x.split(',')}, {@code d.items()}). Methods
 * that change a list or dict ({@code append}, {@code update} ...) work on lists and dicts the template itself made
 * ({@code {% set x = [] %}}); a variable's value is never changed.
 */
final class PyMethods {
    private PyMethods() {}

    private static final Set<String> STR = Set.of("split", "rsplit", "strip", "lstrip", "rstrip", "startswith", "endswith",
            "lower", "upper", "replace", "format", "join", "splitlines", "find", "rfind", "index", "rindex", "count", "isdigit", "isalpha",
            "isalnum", "isspace", "islower", "isupper", "istitle", "isnumeric", "isdecimal", "isidentifier", "isascii", "capitalize",
            "title", "center", "ljust", "rjust", "zfill", "partition", "rpartition", "casefold", "swapcase", "encode", "decode",
            "removeprefix", "removesuffix", "expandtabs", "format_map");
    private static final Set<String> DICT = Set.of("items", "keys", "values", "get", "copy", "update", "pop", "setdefault", "clear", "popitem");
    private static final Set<String> LIST = Set.of("index", "count", "copy", "append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear");
    private static final Set<String> MUTATORS = Set.of("update", "pop", "setdefault", "clear", "popitem", "append", "extend", "insert",
            "remove", "reverse", "sort");

    static boolean isMethod(Object obj, String name) {
        if (obj instanceof CharSequence) return STR.contains(name);
        if (obj instanceof Map) return DICT.contains(name);
        if (obj instanceof Tuple) return name.equals("index") || name.equals("count");
        if (obj instanceof List) return LIST.contains(name);
        return false;
    }

    /** A method bound to its receiver. */
    record Bound(Object self, String name) implements PyCallable {
        @Override
        public Object call(Env env, List<Object> args, Map<String, Object> kw) {
            if (MUTATORS.contains(name) && !(self instanceof CharSequence) && !env.owns(self)) {
                throw new EvalError(PyOps.typeName(self) + "." + name + "() would change a variable's value, which jplay does not do; "
                        + "change a copy made in the template instead ({% set copy = value | list %} or {% set copy = dict(value) %})");
            }
            if (self instanceof CharSequence s) return StrMethods.call(env, s.toString(), name, args, kw);
            if (self instanceof Map<?, ?> m) return dict(env, m, name, args);
            return list(env, (List<?>) self, name, args, kw);
        }

        @Override
        public String toString() {
            return "<built-in method " + name + " of " + PyOps.typeName(self) + " object>";
        }
    }

    static Object arg(List<Object> args, int i, Object def) {
        return i < args.size() ? args.get(i) : def;
    }

    static Object need(String fn, List<Object> args, int i) {
        if (i >= args.size()) throw EvalError.type(fn + "() takes at least " + (i + 1) + " argument" + (i == 0 ? "" : "s") + " (" + args.size() + " given)");
        return args.get(i);
    }

    /** {@code str.splitlines(keepends)}: no trailing empty line for a final newline. */
    static List<Object> lines(String s, boolean keepEnds) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean crlf = c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n';
            if (c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u001c' || c == '\u001d' || c == '\u001e'
                    || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                int end = crlf ? i + 2 : i + 1;
                out.add(s.substring(start, keepEnds ? end : i));
                if (crlf) i++;
                start = end;
            }
        }
        if (start < n) out.add(s.substring(start));
        return out;
    }

    static List<Object> split(String s, Object sep, int max, boolean fromRight) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            List<String> words = new ArrayList<>(Arrays.asList(strip(s, null, true, true).split(PyOps.SPACES)));
            if (words.size() == 1 && words.get(0).isEmpty()) return out;
            if (max < 0 || words.size() <= max + 1) {
                out.addAll(words);
                return out;
            }
            String t = strip(s, null, !fromRight, fromRight);
            if (fromRight) {
                List<String> tail = new ArrayList<>();
                String rest = t;
                for (int i = 0; i < max; i++) {
                    int sp = lastWhitespace(rest);
                    tail.add(0, rest.substring(sp + 1));
                    rest = strip(rest.substring(0, sp), null, false, true);
                }
                out.add(rest);
                out.addAll(tail);
            } else {
                String rest = t;
                for (int i = 0; i < max; i++) {
                    int sp = firstWhitespace(rest);
                    out.add(rest.substring(0, sp));
                    rest = strip(rest.substring(sp), null, true, false);
                }
                out.add(rest);
            }
            return out;
        }
        if (!(sep instanceof CharSequence)) throw EvalError.type("must be str or None, not " + PyOps.typeName(sep));
        String d = sep.toString();
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

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) if (PyOps.isSpace(s.charAt(i))) return i;
        return s.length();
    }

    private static int lastWhitespace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) if (PyOps.isSpace(s.charAt(i))) return i;
        return -1;
    }

    static String strip(String s, Object chars, boolean left, boolean right) {
        String set = chars == null ? null : PyOps.str(chars);
        int a = 0;
        int b = s.length();
        while (left && a < b && (set == null ? PyOps.isSpace(s.charAt(a)) : set.indexOf(s.charAt(a)) >= 0)) a++;
        while (right && b > a && (set == null ? PyOps.isSpace(s.charAt(b - 1)) : set.indexOf(s.charAt(b - 1)) >= 0)) b--;
        return s.substring(a, b);
    }

    @SuppressWarnings("unchecked")
    private static Object dict(Env env, Map<?, ?> m, String name, List<Object> args) {
        Map<Object, Object> self = (Map<Object, Object>) m;
        switch (name) {
            case "items": {
                List<Object> out = new ArrayList<>();
                m.forEach((k, v) -> out.add(Tuple.of(k, v)));
                return out;
            }
            case "keys":
                return new ArrayList<Object>(m.keySet());
            case "values":
                return new ArrayList<Object>(m.values());
            case "get": {
                String k = PyOps.keyString(need("get", args, 0));
                return m.containsKey(k) ? m.get(k) : arg(args, 1, null);
            }
            case "copy":
                return env.own(new LinkedHashMap<Object, Object>(m));
            case "update":
                if (!args.isEmpty()) self.putAll(Globals.dict(args, Map.of()));
                return null;
            case "pop": {
                String k = PyOps.keyString(need("pop", args, 0));
                if (!m.containsKey(k)) {
                    if (args.size() > 1) return args.get(1);
                    throw new EvalError(Py.repr(k));
                }
                return self.remove(k);
            }
            case "setdefault": {
                String k = PyOps.keyString(need("setdefault", args, 0));
                if (!m.containsKey(k)) self.put(k, arg(args, 1, null));
                return m.get(k);
            }
            case "popitem": {
                if (m.isEmpty()) throw new EvalError("'popitem(): dictionary is empty'");
                Object last = null;
                for (Object k : m.keySet()) last = k;
                return Tuple.of(last, self.remove(last));
            }
            default:
                self.clear();
                return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Object list(Env env, List<?> l, String name, List<Object> args, Map<String, Object> kw) {
        List<Object> self = (List<Object>) l;
        switch (name) {
            case "index": {
                Object x = need("index", args, 0);
                int start = (int) PyOps.index(arg(args, 1, 0L));
                int stop = (int) Math.min(l.size(), PyOps.index(arg(args, 2, (long) l.size())));
                for (int i = Math.max(0, start); i < stop; i++) if (PyOps.eq(l.get(i), x)) return (long) i;
                throw new EvalError(Py.repr(x) + " is not in " + PyOps.typeName(l));
            }
            case "count": {
                Object x = need("count", args, 0);
                return l.stream().filter(y -> PyOps.eq(y, x)).count();
            }
            case "copy":
                return env.own(new ArrayList<Object>(l));
            case "append":
                self.add(need("append", args, 0));
                return null;
            case "extend":
                self.addAll(PyOps.iterate(need("extend", args, 0)));
                return null;
            case "insert": {
                long i = PyOps.index(need("insert", args, 0));
                int n = l.size();
                int at = (int) Math.max(0, Math.min(n, i < 0 ? i + n : i));
                self.add(at, need("insert", args, 1));
                return null;
            }
            case "pop": {
                if (l.isEmpty()) throw new EvalError("pop from empty list");
                long i = args.isEmpty() ? -1 : PyOps.index(args.get(0));
                long at = i < 0 ? i + l.size() : i;
                if (at < 0 || at >= l.size()) throw new EvalError("pop index out of range");
                return self.remove((int) at);
            }
            case "remove": {
                Object x = need("remove", args, 0);
                for (int i = 0; i < l.size(); i++) {
                    if (PyOps.eq(l.get(i), x)) {
                        self.remove(i);
                        return null;
                    }
                }
                throw new EvalError("list.remove(x): x not in list");
            }
            case "reverse":
                java.util.Collections.reverse(self);
                return null;
            case "sort": {
                boolean reverse = kw.containsKey("reverse") && PyOps.truthy(kw.get("reverse"));
                java.util.Comparator<Object> c = (x, y) -> PyOps.order(x, y, "<");
                self.sort(reverse ? (x, y) -> c.compare(y, x) : c);
                return null;
            }
            default:
                self.clear();
                return null;
        }
    }
}
