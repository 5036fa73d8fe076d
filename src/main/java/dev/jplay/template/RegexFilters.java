package dev.jplay.template;

import dev.jplay.data.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Regular expression filters, with Python's {@code re} semantics: regex_replace, regex_search, regex_findall, regex_escape. */
final class RegexFilters {
    private static final String SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f";

    private RegexFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "regex_replace" -> (e, v, a) -> {
                unexpected(a, "regex_replace", "pattern", "replacement", "ignorecase", "multiline");
                Pattern p = PyRegex.compile(a.str(0, "pattern", ""), a.bool(2, "ignorecase", false), a.bool(3, "multiline", false));
                return p.matcher(PyOps.str(v)).replaceAll(PyRegex.replacement(a.str(1, "replacement", "")));
            };
            case "regex_search" -> RegexFilters::search;
            case "regex_findall" -> RegexFilters::findall;
            case "regex_escape" -> (e, v, a) -> {
                String s = PyOps.str(v);
                String type = a.str(0, "re_type", "python");
                return switch (type) {
                    case "python" -> escape(s);
                    case "posix_basic" -> s.replaceAll("([\\].\\[^$*\\\\])", "\\\\$1");
                    case "posix_extended" -> throw new EvalError("Regex type (" + type + ") not yet implemented");
                    default -> throw new EvalError("Invalid regex type (" + type + ")");
                };
            };
            default -> null;
        };
    }

    /** Python's TypeError for a keyword argument the function does not take. */
    static void unexpected(Fn.Args a, String fn, String... names) {
        for (String k : a.keywords().keySet()) {
            if (!List.of(names).contains(k)) throw EvalError.type(fn + "() got an unexpected keyword argument '" + k + "'");
        }
    }

    /** Python's {@code re.escape}: a backslash before the characters special in patterns. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    private static Object search(Env e, Object v, Fn.Args a) {
        String regex = a.str(0, "regex", "");
        List<Object> groups = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            String g = PyOps.str(a.positional().get(i));
            if (g.startsWith("\\g")) {
                Matcher m = Pattern.compile("\\\\g<(\\S+)>").matcher(g);
                if (!m.lookingAt()) throw new EvalError("'NoneType' object has no attribute 'group'");
                groups.add(m.group(1));
            } else if (g.startsWith("\\")) {
                Matcher m = Pattern.compile("\\\\(\\d+)").matcher(g);
                if (!m.lookingAt()) throw new EvalError("'NoneType' object has no attribute 'group'");
                groups.add(Integer.parseInt(m.group(1)));
            } else {
                throw new EvalError("Unknown argument");
            }
        }
        boolean ic = a.keywords().containsKey("ignorecase") && PyOps.truthy(a.keywords().get("ignorecase"));
        boolean ml = a.keywords().containsKey("multiline") && PyOps.truthy(a.keywords().get("multiline"));
        Matcher m = PyRegex.compile(regex, ic, ml).matcher(PyOps.str(v));
        if (!m.find()) return null;
        if (groups.isEmpty()) return m.group();
        List<Object> out = new ArrayList<>();
        for (Object g : groups) {
            try {
                out.add(g instanceof Integer i ? m.group(i) : m.group(g.toString()));
            } catch (IndexOutOfBoundsException | IllegalArgumentException ex) {
                throw new EvalError("no such group");
            }
        }
        return out;
    }

    /** {@code regex_findall(regex, multiline=False, ignorecase=False)}: Python's re.findall. */
    private static Object findall(Env e, Object v, Fn.Args a) {
        Pattern p = PyRegex.compile(a.str(0, "regex", ""), a.bool(2, "ignorecase", false), a.bool(1, "multiline", false));
        Matcher m = p.matcher(PyOps.str(v));
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            if (m.groupCount() == 0) {
                out.add(m.group());
            } else if (m.groupCount() == 1) {
                out.add(nz(m.group(1)));
            } else {
                List<Object> g = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) g.add(nz(m.group(i)));
                out.add(Tuple.copyOf(g));
            }
        }
        return out;
    }

    private static Object nz(String s) {
        return s == null ? "" : s;
    }
}
