package dev.jplay.template;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jinja2's {@code urlize}: URLs and e-mail addresses in text turned into links (the text HTML-escaped). */
final class Urlize {
    private static final Pattern HTTP = Pattern.compile("^((https?://|www\\.)(([\\w%-]+\\.)+)?([a-z]{2,63}|xn--[\\w%]{2,59})"
            + "|([\\w%-]{2,63}\\.)+(com|net|int|edu|gov|org|info|mil)"
            + "|(https?://)((([\\d]{1,3})(\\.[\\d]{1,3}){3})|(\\[([\\da-f]{0,4}:){2}([\\da-f]{0,4}:?){1,6}])))"
            + "(?::[\\d]{1,5})?(?:[/?#]\\S*)?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EMAIL = Pattern.compile("^\\S+@\\w[\\w.-]*\\.\\w+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LEAD = Pattern.compile("^([(<]|&lt;)+");
    private static final Pattern TRAIL = Pattern.compile("([)>.,\\n]|&gt;)+$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][\\w+.-]*:(//)?$");

    private Urlize() {}

    /** {@code urlize(trim_url_limit=None, nofollow=False, target=None, rel=None, extra_schemes=None)}. */
    static String urlize(String text, Fn.Args a) {
        Object limitArg = a.get(0, "trim_url_limit", null);
        Integer limit = limitArg == null ? null : (int) PyOps.index(limitArg);
        TreeSet<String> relParts = new TreeSet<>(List.of(a.str(3, "rel", "").split("\\s+")));
        relParts.remove("");
        if (a.bool(1, "nofollow", false)) relParts.add("nofollow");
        relParts.add("noopener");
        String rel = String.join(" ", relParts);
        String target = a.str(2, "target", null);
        List<String> extra = new ArrayList<>();
        Object schemes = a.get(4, "extra_schemes", null);
        if (schemes != null) {
            for (Object s : PyOps.iterate(schemes)) {
                String scheme = PyOps.str(s);
                if (!SCHEME.matcher(scheme).matches()) throw new EvalError("'" + scheme + "' is not a valid URI scheme prefix.");
                extra.add(scheme);
            }
        }
        String relAttr = rel.isEmpty() ? "" : " rel=\"" + Markup.escape(rel).text() + "\"";
        String targetAttr = target == null || target.isEmpty() ? "" : " target=\"" + Markup.escape(target).text() + "\"";
        String escaped = Markup.escape(text).text();
        StringBuilder out = new StringBuilder();
        Matcher ws = Pattern.compile("\\s+").matcher(escaped);
        int last = 0;
        while (ws.find()) {
            out.append(word(escaped.substring(last, ws.start()), limit, relAttr, targetAttr, extra)).append(ws.group());
            last = ws.end();
        }
        return out.append(word(escaped.substring(last), limit, relAttr, targetAttr, extra)).toString();
    }

    private static String word(String word, Integer limit, String relAttr, String targetAttr, List<String> extra) {
        String head = "";
        String middle = word;
        String tail = "";
        Matcher m = LEAD.matcher(middle);
        if (m.find()) {
            head = m.group();
            middle = middle.substring(m.end());
        }
        m = TRAIL.matcher(middle);
        if (m.find()) {
            tail = m.group();
            middle = middle.substring(0, m.start());
        }
        for (String[] pair : new String[][] {{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}}) {
            int starts = count(middle, pair[0]);
            if (starts <= count(middle, pair[1])) continue;
            for (int i = Math.min(starts, count(tail, pair[1])); i > 0; i--) {
                int end = tail.indexOf(pair[1]) + pair[1].length();
                middle += tail.substring(0, end);
                tail = tail.substring(end);
            }
        }
        if (HTTP.matcher(middle).matches()) {
            String href = middle.startsWith("https://") || middle.startsWith("http://") ? middle : "https://" + middle;
            middle = "<a href=\"" + href + "\"" + relAttr + targetAttr + ">" + trim(middle, limit) + "</a>";
        } else if (middle.startsWith("mailto:") && EMAIL.matcher(middle.substring(7)).matches()) {
            middle = "<a href=\"" + middle + "\">" + middle.substring(7) + "</a>";
        } else if (middle.contains("@") && !middle.startsWith("www.") && !middle.contains(":") && EMAIL.matcher(middle).matches()) {
            middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
        } else {
            for (String scheme : extra) {
                if (!middle.equals(scheme) && middle.startsWith(scheme)) middle = "<a href=\"" + middle + "\"" + relAttr + targetAttr + ">" + middle + "</a>";
            }
        }
        return head + middle + tail;
    }

    private static String trim(String url, Integer limit) {
        return limit != null && url.length() > limit ? url.substring(0, limit) + "..." : url;
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
        return n;
    }
}
