package dev.jplay.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits template text into data, {@code {{ }}} and {@code {% %}} pieces (comments dropped), applying whitespace
 * control ({@code {%-}}, {@code -%}}) and Ansible's {@code trim_blocks=True}; {@code {% raw %}} bodies become data.
 */
final class Lexer {
    enum Kind { TEXT, VAR, BLOCK }

    /** A piece; for VAR and BLOCK, {@code start}/{@code end} delimit the inside of the tag in the text. */
    record Piece(Kind kind, String text, int start, int end) {}

    private static final Pattern END_RAW = Pattern.compile("\\{%(-?)\\s*endraw\\s*(-?)%\\}");

    private Lexer() {}

    static List<Piece> lex(String src) {
        List<Piece> out = new ArrayList<>();
        int pos = 0;
        boolean lstripNext = false;
        int n = src.length();
        while (pos < n) {
            int open = nextOpen(src, pos);
            String data = src.substring(pos, open < 0 ? n : open);
            if (lstripNext) data = stripLeading(data);
            lstripNext = false;
            if (open < 0) {
                addText(out, data);
                break;
            }
            char kind = src.charAt(open + 1);
            int innerStart = open + 2;
            if (innerStart < n && (src.charAt(innerStart) == '-' || src.charAt(innerStart) == '+')) {
                if (src.charAt(innerStart) == '-') data = stripTrailing(data);
                innerStart++;
            }
            addText(out, data);
            int close = kind == '#' ? src.indexOf("#}", innerStart) : findClose(src, innerStart, kind == '{' ? "}}" : "%}");
            if (close < 0) throw new ParseError(kind == '#' ? "missing end of comment tag" : "unexpected end of template, expected '"
                    + (kind == '{' ? "}}" : "%}") + "'", open);
            int innerEnd = close;
            boolean stripAfter = close > innerStart && src.charAt(close - 1) == '-';
            if (stripAfter || (close > innerStart && src.charAt(close - 1) == '+')) innerEnd--;
            pos = close + 2;
            if (stripAfter) {
                lstripNext = true;
            } else if (kind != '{' && pos < n && src.charAt(pos) == '\n') {
                pos++;
            } else if (kind != '{' && pos + 1 < n && src.startsWith("\r\n", pos)) {
                pos += 2;
            }
            if (kind == '{') {
                out.add(new Piece(Kind.VAR, null, innerStart, innerEnd));
            } else if (kind == '%') {
                String tag = src.substring(innerStart, innerEnd).strip();
                if (tag.equals("raw")) {
                    Matcher m = END_RAW.matcher(src);
                    if (!m.find(pos)) throw new ParseError("missing endraw for raw block", open);
                    String body = src.substring(pos, m.start());
                    if (!m.group(1).isEmpty()) body = stripTrailing(body);
                    addText(out, body);
                    pos = m.end();
                    if (!m.group(2).isEmpty()) lstripNext = true;
                    else if (pos < n && src.charAt(pos) == '\n') pos++;
                } else {
                    out.add(new Piece(Kind.BLOCK, null, innerStart, innerEnd));
                }
            }
        }
        return out;
    }

    private static void addText(List<Piece> out, String s) {
        if (!s.isEmpty()) out.add(new Piece(Kind.TEXT, s, -1, -1));
    }

    private static int nextOpen(String s, int from) {
        int i = s.indexOf('{', from);
        while (i >= 0 && i + 1 < s.length()) {
            char c = s.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') return i;
            i = s.indexOf('{', i + 1);
        }
        return -1;
    }

    /** The end delimiter, skipping quoted strings and nested braces inside the tag. */
    private static int findClose(String s, int from, String end) {
        char quote = 0;
        int depth = 0;
        for (int i = from; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') quote = c;
            else if (c == '{' || c == '[' || c == '(') depth++;
            else if (depth > 0 && (c == '}' || c == ']' || c == ')')) depth--;
            else if (depth == 0 && s.startsWith(end, i)) return i;
        }
        return -1;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return s.substring(i);
    }

    private static String stripTrailing(String s) {
        int i = s.length();
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) i--;
        return s.substring(0, i);
    }
}
