package dev.jplay.template;

import dev.jplay.data.Py;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Filters on text: case, trim, replace, split, center, indent, wordcount, truncate, wordwrap, format, quote, comment. */
final class StringFilters {
    private static final Pattern WORD_START = Pattern.compile("([-\\s({\\[<]+)");
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private StringFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "lower" -> (e, v, a) -> PyOps.str(v).toLowerCase(Locale.ROOT);
            case "upper" -> (e, v, a) -> PyOps.str(v).toUpperCase(Locale.ROOT);
            case "capitalize" -> (e, v, a) -> capitalize(PyOps.str(v));
            case "title" -> (e, v, a) -> title(PyOps.str(v));
            case "trim" -> (e, v, a) -> PyMethods.strip(PyOps.str(v), a.get(0, "chars", null), true, true);
            case "string" -> (e, v, a) -> v instanceof Markup m ? m : PyOps.str(v);
            case "replace" -> (e, v, a) -> {
                a.require(0, "old", "new");
                Object count = a.get(2, "count", null);
                return replace(PyOps.str(v), PyOps.str(a.get(0, "old")), PyOps.str(a.get(1, "new")), count == null ? -1 : PyOps.index(count));
            };
            case "split" -> (e, v, a) -> {
                if (!(v instanceof CharSequence s)) {
                    throw EvalError.type("descriptor 'split' for 'str' objects doesn't apply to a '" + PyOps.typeName(v) + "' object");
                }
                return PyMethods.split(s.toString(), a.get(0, "sep", null), (int) a.integer(1, "maxsplit", -1), false);
            };
            case "center" -> (e, v, a) -> center(PyOps.str(v), (int) a.integer(0, "width", 80), " ");
            case "indent" -> StringFilters::indent;
            case "wordcount" -> (e, v, a) -> {
                Matcher m = WORD.matcher(PyOps.str(v));
                long n = 0;
                while (m.find()) n++;
                return n;
            };
            case "truncate" -> StringFilters::truncate;
            case "wordwrap" -> (e, v, a) -> Wrap.wordwrap(PyOps.str(v), (int) a.integer(0, "width", 79), a.bool(1, "break_long_words", true),
                    a.str(2, "wrapstring", "\n"), a.bool(3, "break_on_hyphens", true));
            case "format" -> (e, v, a) -> {
                if (!a.positional().isEmpty() && !a.keywords().isEmpty()) {
                    throw new EvalError("can't handle positional and keyword arguments at the same time");
                }
                Object args = a.keywords().isEmpty() ? dev.jplay.data.Tuple.copyOf(a.positional()) : new LinkedHashMap<>(a.keywords());
                return PyFormat.percent(PyOps.str(v), args);
            };
            case "quote" -> (e, v, a) -> Py.shellQuote(v == null ? "" : PyOps.str(v));
            case "comment" -> StringFilters::comment;
            default -> null;
        };
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Jinja2's title: each word (split at spaces, hyphens and opening brackets) capitalized. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder();
        Matcher m = WORD_START.matcher(s);
        int last = 0;
        while (m.find()) {
            sb.append(capitalizeWord(s.substring(last, m.start()))).append(m.group());
            last = m.end();
        }
        return sb.append(capitalizeWord(s.substring(last))).toString();
    }

    private static String capitalizeWord(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Python's {@code str.replace(old, new, count)}. */
    static String replace(String s, String from, String to, long count) {
        if (count < 0) return s.replace(from, to);
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (long n = 0; n < count; n++) {
            int idx = s.indexOf(from, pos);
            if (idx < 0) break;
            sb.append(s, pos, idx).append(to);
            pos = idx + from.length();
            if (from.isEmpty()) {
                if (pos < s.length()) sb.append(s.charAt(pos));
                pos++;
                if (pos > s.length()) break;
            }
        }
        if (pos <= s.length()) sb.append(s, Math.min(pos, s.length()), s.length());
        return sb.toString();
    }

    /** Python's {@code str.center(width, fill)}: the extra space goes left when both the margin and the width are odd. */
    static String center(String s, int width, String fill) {
        if (s.length() >= width) return s;
        int marg = width - s.length();
        int left = marg / 2 + (marg & width & 1);
        return fill.repeat(left) + s + fill.repeat(marg - left);
    }

    private static Object indent(Env e, Object v, Fn.Args a) {
        Object w = a.get(0, "width", 4L);
        String ind = w instanceof CharSequence s ? s.toString() : " ".repeat((int) PyOps.index(w));
        boolean first = a.bool(1, "first", false);
        boolean blank = a.bool(2, "blank", false);
        if (!(v instanceof CharSequence)) throw EvalError.type("unsupported operand type(s) for +=: '" + PyOps.typeName(v) + "' and 'str'");
        List<Object> lines = PyMethods.lines(v + "\n", false);
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

    private static Object truncate(Env e, Object v, Fn.Args a) {
        long length = a.integer(0, "length", 255);
        boolean killwords = a.bool(1, "killwords", false);
        String end = a.str(2, "end", "...");
        long leeway = a.integer(3, "leeway", 5);
        if (length < end.length()) throw new EvalError("expected length >= " + end.length() + ", got " + length);
        if (leeway < 0) throw new EvalError("expected leeway >= 0, got " + leeway);
        int n = PyOps.size(v);
        String s = PyOps.str(v);
        if (n <= length + leeway) return s;
        String cut = s.substring(0, (int) (length - end.length()));
        if (killwords) return cut + end;
        int sp = cut.lastIndexOf(' ');
        return (sp >= 0 ? cut.substring(0, sp) : cut) + end;
    }

    private static final Map<String, Map<String, String>> STYLES = Map.of(
            "plain", Map.of("decoration", "# "),
            "erlang", Map.of("decoration", "% "),
            "c", Map.of("decoration", "// "),
            "cblock", Map.of("beginning", "/*", "decoration", " * ", "end", " */"),
            "xml", Map.of("beginning", "<!--", "decoration", " - ", "end", "-->"));

    /** Ansible's {@code comment(style='plain', **kw)}. */
    private static Object comment(Env e, Object v, Fn.Args a) {
        if (!(v instanceof CharSequence)) throw new EvalError("'" + PyOps.typeName(v) + "' object has no attribute 'replace'");
        String style = a.str(0, "style", "plain");
        Map<String, String> sp = STYLES.get(style);
        if (sp == null) throw new EvalError(Py.repr(style));
        String prepost = a.keywords().containsKey("decoration") ? PyOps.str(a.keywords().get("decoration")) : sp.get("decoration");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("newline", "\n");
        p.put("beginning", "");
        p.put("prefix", PyMethods.strip(prepost, null, false, true));
        p.put("prefix_count", 1L);
        p.put("decoration", "");
        p.put("postfix", PyMethods.strip(prepost, null, false, true));
        p.put("postfix_count", 1L);
        p.put("end", "");
        p.putAll(sp);
        p.putAll(a.keywords());
        String nl = PyOps.str(p.get("newline"));
        String decoration = PyOps.str(p.get("decoration"));
        StringBuilder out = new StringBuilder();
        String beginning = PyOps.str(p.get("beginning"));
        if (!beginning.isEmpty()) out.append(beginning).append(nl);
        String prefix = PyOps.str(p.get("prefix"));
        long prefixCount = PyOps.index(p.get("prefix_count"));
        if (!prefix.isEmpty()) out.append((prefix.equals(nl) ? nl : prefix + nl).repeat((int) Math.max(0, prefixCount)));
        String text = decoration + v.toString().replace(nl, nl + decoration);
        out.append(text.replace(decoration + nl, PyMethods.strip(decoration, null, false, true) + nl));
        long postfixCount = PyOps.index(p.get("postfix_count"));
        String postfix = PyOps.str(p.get("postfix"));
        for (long i = 0; i < postfixCount; i++) out.append(nl).append(postfix);
        String end = PyOps.str(p.get("end"));
        if (!end.isEmpty()) out.append(nl).append(end);
        return out.toString();
    }
}
