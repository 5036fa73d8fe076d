package dev.jplay.template;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python regular expressions and replacement strings in Java's dialect (also used by the file modules): named
 * groups {@code (?P<n>...)} and {@code (?P=n)}, {@code \Z}, Unicode {@code \w \d \s}, only {@code \n} ends a line. A bad
 * pattern throws a RuntimeException with Python-like text.
 */
public final class PyRegex {
    private PyRegex() {}

    public static Pattern compile(String pyPattern, boolean ignoreCase, boolean multiline) {
        try {
            return pattern(pyPattern, ignoreCase, multiline);
        } catch (PatternSyntaxException e) {
            throw new EvalError("bad regular expression '" + pyPattern + "': " + pythonError(e));
        }
    }

    /** {@link #compile} leaving a bad pattern's PatternSyntaxException to the caller (to word the error its own way). */
    static Pattern pattern(String pyPattern, boolean ignoreCase, boolean multiline) {
        String p = translate(pyPattern);
        int flags = Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS
                | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0) | (multiline ? Pattern.MULTILINE : 0);
        return Pattern.compile(p, flags);
    }

    /**
     * A Python {@code bytes} pattern compiled as pexpect compiles it ({@code re.DOTALL}), for text decoded as
     * ISO-8859-1 (one char per byte): {@code .} is one byte, {@code \w \d \s} and {@code (?i)} are ASCII-only, and a
     * non-ASCII character in the pattern stands for its UTF-8 bytes, as Ansible's {@code to_bytes} makes it.
     */
    public static Pattern compileBytes(String pyPattern) {
        String bytes = new String(pyPattern.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        try {
            return Pattern.compile(translate(bytes), Pattern.UNIX_LINES | Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new EvalError("bad regular expression '" + pyPattern + "': " + pythonError(e));
        }
    }

    /** Python's syntax in Java's: named groups and their back references, {@code \Z}. */
    private static String translate(String py) {
        return py.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>").replace("\\Z", "\\z");
    }

    /** Python's re.error text for Java's syntax error, where the two name the same fault ("nothing to repeat at position 0"). */
    static String pythonError(PatternSyntaxException e) {
        int at = Math.max(0, e.getIndex());
        if (e.getDescription().startsWith("Dangling meta character")) return "nothing to repeat at position " + at;
        return e.getDescription() + " at position " + at;
    }

    /** A Python {@code re.sub} replacement ({@code \1}, {@code \g<1>}, {@code \g<name>}, {@code \n}) for {@code Matcher.replaceAll}. */
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
                    sb.append('$').append(Integer.parseInt(py.substring(i + 1, j)));
                    i = j - 1;
                } else if (n == 'g' && i + 2 < py.length() && py.charAt(i + 2) == '<') {
                    int close = py.indexOf('>', i);
                    if (close < 0) throw new EvalError("missing >, unterminated name at position " + (i + 3));
                    String g = py.substring(i + 3, close);
                    sb.append(g.matches("\\d+") ? "$" + Integer.parseInt(g) : "${" + g + "}");
                    i = close;
                } else {
                    String esc = switch (n) {
                        case 'n' -> "\n";
                        case 't' -> "\t";
                        case 'r' -> "\r";
                        case 'f' -> "\f";
                        case 'v' -> "\u000b";
                        case 'a' -> "\u0007";
                        case 'b' -> "\b";
                        case '\\' -> "\\\\";
                        default -> null;
                    };
                    if (esc == null) {
                        if (Character.isLetter(n) && n < 128) throw new EvalError("bad escape \\" + n + " at position " + i);
                        sb.append("\\\\").append(n == '$' ? "\\$" : String.valueOf(n));
                    } else {
                        sb.append(esc);
                    }
                    i++;
                }
            } else if (Character.isDigit(c)) {
                sb.append('\\').append(c); // a digit after a group number is literal in Python, not part of the number
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
