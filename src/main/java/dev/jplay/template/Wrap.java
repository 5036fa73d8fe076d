package dev.jplay.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code textwrap.wrap} (as Jinja2's {@code wordwrap} uses it: tabs and newlines left alone, whitespace dropped at line ends). */
final class Wrap {
    private static final String WS = "[\\t\\n\\u000b\\f\\r ]";
    private static final String NWS = "[^\\t\\n\\u000b\\f\\r ]";
    private static final String WP = "[\\w!\"'&.,?]";
    private static final String LT = "[^\\d\\W]";
    private static final Pattern WORDSEP = Pattern.compile("(" + WS + "+|(?<=" + WP + ")-{2,}(?=\\w)|" + NWS + "+?(?:-(?:(?<=" + LT + "{2}-)|(?<="
            + LT + "-" + LT + "-))(?=" + LT + "-?" + LT + ")|(?=" + WS + "|\\z)|(?<=" + WP + ")(?=-{2,}\\w)))", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SIMPLE = Pattern.compile("(" + WS + "+)");

    private Wrap() {}

    /** Jinja2's {@code wordwrap}: each line of {@code s} wrapped at {@code width}, lines joined with {@code wrapstring}. */
    static String wordwrap(String s, int width, boolean breakLong, String wrapstring, boolean breakOnHyphens) {
        List<String> out = new ArrayList<>();
        for (Object line : PyMethods.lines(s, false)) out.add(String.join(wrapstring, wrap(line.toString(), width, breakLong, breakOnHyphens)));
        return String.join(wrapstring, out);
    }

    static List<String> wrap(String text, int width, boolean breakLong, boolean breakOnHyphens) {
        if (width <= 0) throw new EvalError("invalid width " + width + " (must be > 0)");
        List<String> chunks = split(text, breakOnHyphens);
        List<String> lines = new ArrayList<>();
        int at = 0;
        while (at < chunks.size()) {
            List<String> cur = new ArrayList<>();
            int len = 0;
            if (chunks.get(at).strip().isEmpty() && !lines.isEmpty()) at++;
            while (at < chunks.size() && len + chunks.get(at).length() <= width) {
                len += chunks.get(at).length();
                cur.add(chunks.get(at++));
            }
            if (at < chunks.size() && chunks.get(at).length() > width) {
                int spaceLeft = Math.max(1, width - len);
                String chunk = chunks.get(at);
                if (breakLong) {
                    int end = spaceLeft;
                    if (breakOnHyphens && chunk.length() > spaceLeft) {
                        int hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
                        if (hyphen > 0 && !chunk.substring(0, hyphen).chars().allMatch(c -> c == '-')) end = hyphen + 1;
                    }
                    cur.add(chunk.substring(0, end));
                    chunks.set(at, chunk.substring(end));
                } else if (cur.isEmpty()) {
                    cur.add(chunk);
                    at++;
                }
            }
            if (!cur.isEmpty() && cur.get(cur.size() - 1).strip().isEmpty()) cur.remove(cur.size() - 1);
            if (!cur.isEmpty()) lines.add(String.join("", cur));
        }
        return lines;
    }

    private static List<String> split(String text, boolean hyphens) {
        List<String> chunks = new ArrayList<>();
        Matcher m = (hyphens ? WORDSEP : SIMPLE).matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) chunks.add(text.substring(last, m.start()));
            chunks.add(m.group());
            last = m.end();
        }
        if (last < text.length()) chunks.add(text.substring(last));
        return chunks;
    }
}
