package dev.jplay.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code k=v} argument syntax ({@code copy: src=a dest="/tmp/my file"}), word for word as Ansible's
 * {@code split_args}/{@code parse_kv} read it: words split on spaces and newlines except inside quotes and
 * {@code {{ }}}, {@code {% %}}, {@code {# #}} blocks; in each word the first {@code =} not escaped by a backslash
 * separates key and value; backslash escapes ({@code \n}, {@code \t}, {@code \"}, {@code \x41}, {@code \u00e9} ...)
 * are decoded as Python's {@code unicode-escape} decodes them; one pair of outer quotes is removed from a value.
 * Words without {@code =} are free-form text ({@code _raw_params}).
 */
public final class KeyValue {
    private KeyValue() {}

    /** The key of free-form text. */
    public static final String RAW = "_raw_params";

    /** The keys {@code command}, {@code shell}, {@code script} and {@code raw} read from {@code k=v} words; others stay in the command. */
    public static final Set<String> COMMAND_KEYS = Set.of("creates", "removes", "chdir", "executable", "warn", "stdin",
            "stdin_add_newline", "strip_empty_ends");

    /** Quotes or a template block left open: Ansible's "failed at splitting arguments" error. */
    public static final class Unbalanced extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Unbalanced(String args) {
            super("failed at splitting arguments, either an unbalanced jinja2 block or quotes: " + args);
        }
    }

    /**
     * Parses {@code args} into pairs and free-form text ({@link #RAW}). With {@code checkRaw} (the command modules),
     * only the {@link #COMMAND_KEYS} are pairs and every other word stays in the free-form text as written.
     *
     * @throws Unbalanced when a quote or template block is not closed
     */
    public static Map<String, Object> parse(String args, boolean checkRaw) {
        Map<String, Object> options = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        for (String orig : splitArgs(args)) {
            String x = decodeEscapes(orig);
            int pos = equalsAt(x);
            if (pos < 0) {
                raw.add(x.indexOf('=') >= 0 ? x.replace("\\=", "=") : orig);
                continue;
            }
            String k = x.substring(0, pos);
            if (checkRaw && !COMMAND_KEYS.contains(k)) raw.add(orig);
            else options.put(k.strip(), unquote(x.substring(pos + 1).strip()));
        }
        if (!raw.isEmpty()) options.put(RAW, joinArgs(raw));
        return options;
    }

    /** The first '=' after the first character that is not escaped by a backslash, else -1. */
    private static int equalsAt(String x) {
        for (int pos = x.indexOf('=', 1); pos > 0; pos = x.indexOf('=', pos + 1)) {
            if (x.charAt(pos - 1) != '\\') return pos;
        }
        return -1;
    }

    /** Splits like Ansible's split_args, keeping quoted text and template blocks (with their spaces) in one word. */
    public static List<String> splitArgs(String args) {
        List<String> params = new ArrayList<>();
        Character quote = null;
        boolean inside = false;
        int print = 0;
        int block = 0;
        int comment = 0;
        String[] items = args.split("\n", -1);
        for (int itemIdx = 0; itemIdx < items.length; itemIdx++) {
            String[] tokens = items[itemIdx].split(" ", -1);
            boolean continuation = false;
            for (int idx = 0; idx < tokens.length; idx++) {
                String token = tokens[idx];
                if (token.isEmpty() && idx != 0) {
                    if (!params.isEmpty()) appendLast(params, " ");
                    continue;
                }
                if (token.equals("\\") && !inside) {
                    continuation = true;
                    continue;
                }
                boolean wasInside = inside;
                quote = quoteState(token, quote);
                inside = quote != null;
                boolean appended = false;
                boolean inBlock = print > 0 || block > 0 || comment > 0;
                if (inside && !wasInside && !inBlock) {
                    params.add(token);
                    appended = true;
                } else if (inBlock || inside || wasInside) {
                    if (params.isEmpty()) params.add("");
                    if (idx == 0 && wasInside) appendLast(params, token);
                    else if (tokens.length > 1) appendLast(params, (idx > 0 ? " " : "") + token);
                    else appendLast(params, "\n" + token);
                    appended = true;
                }
                int before = print;
                print = depth(token, print, "{{", "}}");
                if (print != before && !appended) {
                    params.add(token);
                    appended = true;
                }
                before = block;
                block = depth(token, block, "{%", "%}");
                if (block != before && !appended) {
                    params.add(token);
                    appended = true;
                }
                before = comment;
                comment = depth(token, comment, "{#", "#}");
                if (comment != before && !appended) {
                    params.add(token);
                    appended = true;
                }
                if (print == 0 && block == 0 && comment == 0 && !inside && !appended && !token.isEmpty()) params.add(token);
            }
            if (items.length > 1 && itemIdx != items.length - 1 && !continuation && !params.isEmpty()) appendLast(params, "\n");
        }
        if (print > 0 || block > 0 || comment > 0 || inside) throw new Unbalanced(args);
        return params;
    }

    private static void appendLast(List<String> params, String s) {
        params.set(params.size() - 1, params.get(params.size() - 1) + s);
    }

    /** The open quote after {@code token}: a quote character not preceded by a backslash opens or closes one. */
    private static Character quoteState(String token, Character quote) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ((c == '"' || c == '\'') && (i == 0 || token.charAt(i - 1) != '\\')) {
                if (quote == null) quote = c;
                else if (quote == c) quote = null;
            }
        }
        return quote;
    }

    private static int depth(String token, int depth, String open, String close) {
        int n = count(token, open) - count(token, close);
        return n == 0 ? depth : Math.max(0, depth + n);
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
        return n;
    }

    /** Free-form words joined back: a space between words, none after a newline. */
    private static String joinArgs(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append(' ');
            sb.append(w);
        }
        return sb.toString();
    }

    private static final Pattern ESCAPE = Pattern.compile(
            "\\\\U[0-9a-fA-F]{8}|\\\\u[0-9a-fA-F]{4}|\\\\x[0-9a-fA-F]{2}|\\\\N\\{[^}]+}|\\\\[\\\\'\"abfnrtv]");

    /** Decodes the backslash escapes Ansible decodes in {@code k=v} words (Python's unicode-escape for each match). */
    public static String decodeEscapes(String s) {
        if (s.indexOf('\\') < 0) return s;
        Matcher m = ESCAPE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(decodeOne(m.group())));
        m.appendTail(sb);
        return sb.toString();
    }

    private static String decodeOne(String e) {
        char c = e.charAt(1);
        return switch (c) {
            case 'U', 'u', 'x' -> {
                long cp = Long.parseLong(e.substring(2), 16);
                yield cp <= Character.MAX_CODE_POINT ? new String(Character.toChars((int) cp)) : e; // \U00110000: kept as written
            }
            case 'N' -> {
                try {
                    yield new String(Character.toChars(Character.codePointOf(e.substring(3, e.length() - 1))));
                } catch (IllegalArgumentException unknownName) {
                    yield e;
                }
            }
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000b";
            default -> String.valueOf(c); // \\ \' \"
        };
    }

    /** Removes one pair of outer quotes, as Ansible's {@code unquote} (not when the closing quote is escaped). */
    public static String unquote(String v) {
        boolean quoted = v.length() > 1 && v.charAt(0) == v.charAt(v.length() - 1) && (v.charAt(0) == '"' || v.charAt(0) == '\'')
                && v.charAt(v.length() - 2) != '\\';
        return quoted ? v.substring(1, v.length() - 1) : v;
    }
}
