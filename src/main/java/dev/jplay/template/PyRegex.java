package dev.jplay.template;

import java.util.regex.Pattern;

/** Python regular expressions and replacement strings in Java's dialect (also used by the file modules). A bad pattern throws a RuntimeException with Python-like text. */
public final class PyRegex {
    private PyRegex() {}

    public static Pattern compile(String pyPattern, boolean ignoreCase, boolean multiline) {
        String p = pyPattern.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        int flags = (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0) | (multiline ? Pattern.MULTILINE : 0);
        try {
            return Pattern.compile(p, flags);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new EvalError("bad regular expression '" + pyPattern + "': " + e.getDescription());
        }
    }

    /** A Python {@code re.sub} replacement ({@code \1}, {@code \g<1>}, {@code \g<name>}) for {@code Matcher.replaceAll}. */
    public static String replacement(String py) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < py.length(); i++) {
            char c = py.charAt(i);
            if (c == '$') {
                sb.append("\\$");
            } else if (c == '\\' && i + 1 < py.length()) {
                char n = py.charAt(i + 1);
                if (Character.isDigit(n)) {
                    int j = i + 1;
                    while (j < py.length() && j < i + 3 && Character.isDigit(py.charAt(j))) j++;
                    sb.append('$').append(py, i + 1, j);
                    i = j - 1;
                } else if (n == 'g' && i + 2 < py.length() && py.charAt(i + 2) == '<') {
                    int close = py.indexOf('>', i);
                    String g = py.substring(i + 3, close);
                    sb.append(g.matches("\\d+") ? "$" + g : "${" + g + "}");
                    i = close;
                } else if (n == 'n') {
                    sb.append('\n');
                    i++;
                } else if (n == 't') {
                    sb.append('\t');
                    i++;
                } else if (n == '\\') {
                    sb.append("\\\\");
                    i++;
                } else {
                    sb.append("\\\\");
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
