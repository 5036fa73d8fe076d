package dev.jplay.template;

import dev.jplay.data.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Filters on strings: case, trim, replace, regex_*, split, indent, center, quote, paths, comment ... */
final class StringFilters {
    private StringFilters() {}

    static void register(Map<String, Fn.Filter> f) {
        f.put("lower", (e, v, a) -> PyOps.str(v).toLowerCase(Locale.ROOT));
        f.put("upper", (e, v, a) -> PyOps.str(v).toUpperCase(Locale.ROOT));
        f.put("capitalize", (e, v, a) -> {
            String s = PyOps.str(v);
            return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
        });
        f.put("title", (e, v, a) -> title(PyOps.str(v)));
        f.put("trim", (e, v, a) -> PyMethods.strip(PyOps.str(v), a.get(0, "chars", null), true, true));
        f.put("string", (e, v, a) -> PyOps.str(v));
        f.put("replace", (e, v, a) -> {
            Object count = a.get(2, "count", null);
            List<Object> args = new ArrayList<>(List.of(a.get(0, "old"), a.get(1, "new")));
            if (count != null) args.add(count);
            return new PyMethods.Bound(PyOps.str(v), "replace").call(e, args, Map.of());
        });
        f.put("split", (e, v, a) -> PyMethods.split(PyOps.str(v), a.get(0, "sep", null), (int) PyOps.asLong(a.get(1, "maxsplit", -1L)), false));
        f.put("center", (e, v, a) -> center(PyOps.str(v), (int) PyOps.asLong(a.get(0, "width", 80L))));
        f.put("indent", StringFilters::indent);
        f.put("wordcount", (e, v, a) -> {
            String s = PyOps.str(v).strip();
            return s.isEmpty() ? 0L : (long) s.split("\\s+").length;
        });
        f.put("truncate", (e, v, a) -> {
            String s = PyOps.str(v);
            int len = (int) PyOps.asLong(a.get(0, "length", 255L));
            String end = a.str(2, "end", "...");
            if (s.length() <= len + PyOps.asLong(a.get(3, "leeway", 5L))) return s;
            if (a.bool(1, "killwords", false)) return s.substring(0, len - end.length()) + end;
            String cut = s.substring(0, len - end.length());
            int sp = cut.lastIndexOf(' ');
            return (sp > 0 ? cut.substring(0, sp) : cut) + end;
        });
        f.put("format", (e, v, a) -> PyFormat.percent(PyOps.str(v), a.positional().size() == 1 ? a.positional().get(0) : a.positional()));
        f.put("quote", (e, v, a) -> Py.shellQuote(PyOps.str(v)));
        f.put("regex_replace", (e, v, a) -> {
            Pattern p = PyRegex.compile(a.str(0, "pattern", ""), a.bool(2, "ignorecase", false), a.bool(3, "multiline", false));
            Matcher m = p.matcher(PyOps.str(v));
            Object count = a.get(4, "count", 0L);
            String rep = PyRegex.replacement(a.str(1, "replacement", ""));
            long n = PyOps.asLong(count);
            if (n <= 0) return m.replaceAll(rep);
            StringBuilder sb = new StringBuilder();
            while (n-- > 0 && m.find()) m.appendReplacement(sb, rep);
            m.appendTail(sb);
            return sb.toString();
        });
        f.put("regex_search", StringFilters::regexSearch);
        f.put("regex_findall", (e, v, a) -> {
            Pattern p = PyRegex.compile(a.str(0, "regex", ""), a.bool(1, "ignorecase", false), a.bool(2, "multiline", false));
            Matcher m = p.matcher(PyOps.str(v));
            List<Object> out = new ArrayList<>();
            while (m.find()) {
                if (m.groupCount() == 0) out.add(m.group());
                else if (m.groupCount() == 1) out.add(nz(m.group(1)));
                else {
                    List<Object> g = new ArrayList<>();
                    for (int i = 1; i <= m.groupCount(); i++) g.add(nz(m.group(i)));
                    out.add(g);
                }
            }
            return out;
        });
        f.put("regex_escape", (e, v, a) -> PyOps.str(v).replaceAll("([^A-Za-z0-9_])", "\\\\$1"));
        f.put("basename", (e, v, a) -> {
            String s = PyOps.str(v);
            return s.substring(s.lastIndexOf('/') + 1);
        });
        f.put("dirname", (e, v, a) -> {
            String s = PyOps.str(v);
            int i = s.lastIndexOf('/');
            if (i < 0) return "";
            String d = s.substring(0, i);
            return d.isEmpty() || d.chars().allMatch(c -> c == '/') ? s.substring(0, i + 1) : d.replaceAll("/+$", "");
        });
        f.put("expanduser", (e, v, a) -> {
            String s = PyOps.str(v);
            return s.equals("~") || s.startsWith("~/") ? System.getProperty("user.home") + s.substring(1) : s;
        });
        f.put("realpath", (e, v, a) -> java.nio.file.Path.of(PyOps.str(v)).toAbsolutePath().normalize().toString());
        f.put("path_join", (e, v, a) -> {
            String out = "";
            for (Object p : PyOps.iterate(v)) {
                String s = PyOps.str(p);
                out = s.startsWith("/") || out.isEmpty() ? s : (out.endsWith("/") ? out + s : out + "/" + s);
            }
            return out;
        });
        f.put("splitext", (e, v, a) -> {
            String s = PyOps.str(v);
            int slash = s.lastIndexOf('/');
            int dot = s.lastIndexOf('.');
            if (dot <= slash + 1 || s.substring(slash + 1, dot).chars().allMatch(c -> c == '.')) return new ArrayList<>(List.of(s, ""));
            return new ArrayList<>(List.of(s.substring(0, dot), s.substring(dot)));
        });
        f.put("comment", (e, v, a) -> {
            StringBuilder sb = new StringBuilder("#\n");
            for (String line : PyOps.str(v).split("\n", -1)) sb.append("# ").append(line).append('\n');
            return sb.append("#").toString();
        });
        f.put("urlsplit", (e, v, a) -> urlsplit(PyOps.str(v), a.str(0, "query", "")));
    }

    private static Object nz(String s) {
        return s == null ? "" : s;
    }

    private static Object regexSearch(Env e, Object v, Fn.Args a) {
        String regex = a.str(0, "regex", "");
        List<String> groups = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) groups.add(PyOps.str(a.positional().get(i)));
        boolean ic = a.keywords().containsKey("ignorecase") && PyOps.truthy(a.keywords().get("ignorecase"));
        boolean ml = a.keywords().containsKey("multiline") && PyOps.truthy(a.keywords().get("multiline"));
        Matcher m = PyRegex.compile(regex, ic, ml).matcher(PyOps.str(v));
        if (!m.find()) return null;
        if (groups.isEmpty()) return m.group();
        List<Object> out = new ArrayList<>();
        for (String g : groups) {
            if (g.startsWith("\\g<")) out.add(m.group(g.substring(3, g.length() - 1)));
            else if (g.startsWith("\\")) out.add(m.group(Integer.parseInt(g.substring(1))));
            else throw new EvalError("Unknown argument");
        }
        return out;
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetterOrDigit(c) && c != '\'';
        }
        return sb.toString();
    }

    static String center(String s, int width) {
        if (s.length() >= width) return s;
        int total = width - s.length();
        int left = total / 2 + (total % 2 == 1 && width % 2 == 1 ? 1 : 0);
        return " ".repeat(left) + s + " ".repeat(total - left);
    }

    private static Object indent(Env e, Object v, Fn.Args a) {
        Object w = a.get(0, "width", 4L);
        String ind = w instanceof CharSequence s ? s.toString() : " ".repeat((int) PyOps.asLong(w));
        boolean first = a.bool(1, "first", false);
        boolean blank = a.bool(2, "blank", false);
        String s = PyOps.str(v) + "\n";
        List<Object> lines = PyMethods.lines(s);
        String rv;
        if (blank) {
            rv = String.join("\n" + ind, lines.stream().map(Object::toString).toList());
        } else {
            StringBuilder sb = new StringBuilder(lines.isEmpty() ? "" : lines.get(0).toString());
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i).toString();
                sb.append('\n').append(l.isEmpty() ? l : ind + l);
            }
            rv = sb.toString();
        }
        return first ? ind + rv : rv;
    }

    private static Object urlsplit(String url, String query) {
        java.net.URI u = java.net.URI.create(url);
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("fragment", u.getRawFragment() == null ? "" : u.getRawFragment());
        m.put("hostname", u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT));
        m.put("netloc", u.getRawAuthority() == null ? "" : u.getRawAuthority());
        String ui = u.getRawUserInfo();
        m.put("password", ui != null && ui.contains(":") ? ui.substring(ui.indexOf(':') + 1) : null);
        m.put("path", u.getRawPath() == null ? "" : u.getRawPath());
        m.put("port", u.getPort() < 0 ? null : (Object) (long) u.getPort());
        m.put("query", u.getRawQuery() == null ? "" : u.getRawQuery());
        m.put("scheme", u.getScheme() == null ? "" : u.getScheme());
        m.put("username", ui == null ? null : ui.contains(":") ? ui.substring(0, ui.indexOf(':')) : ui);
        if (!query.isEmpty()) {
            if (!m.containsKey(query)) throw new EvalError("urlsplit: unknown URL component: " + query);
            return m.get(query);
        }
        return m;
    }
}
