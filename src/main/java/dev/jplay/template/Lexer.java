package dev.jplay.template;

import dev.jplay.data.Py;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns template text into one token stream, as Jinja2's lexer does: data, {@code {{ }}} and {@code {% %}} with the
 * expression tokens inside (brackets balanced, so a {@code }}} inside a dict literal does not end a tag), comments
 * dropped, {@code {% raw %}} bodies as data, whitespace control ({@code {%-}, {@code -%}}, {@code {%+}, {@code +%}})
 * and {@link Syntax}'s trim_blocks / lstrip_blocks. Errors carry Jinja2's messages.
 */
final class Lexer {
    private static final Pattern FLOAT = Pattern.compile(
            "(\\d+_)*\\d+((\\.(\\d+_)*\\d+)?[eE][+\\-]?(\\d+_)*\\d+|\\.(\\d+_)*\\d+)");
    private static final Pattern INT = Pattern.compile(
            "0[bB](_?[01])+|0[oO](_?[0-7])+|0[xX](_?[\\da-fA-F])+|[1-9](_?\\d)*|0(_?0)*");
    private static final String[] OPS = {"//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]", "(", ")",
        "{", "}", ">", "<", "=", ".", ":", "|", ",", ";"};

    private final String src;
    private final Syntax sx;
    private final int n;
    private final List<Token> out = new ArrayList<>();
    private int pos;
    /** The next data starts with whitespace to drop ({@code -%}}). */
    private boolean lstripNext;

    private Lexer(String src, Syntax sx) {
        // Jinja2 drops one newline ending the text unless keep_trailing_newline is set
        this.src = !sx.keepTrailingNewline() && src.endsWith("\n") ? src.substring(0, src.length() - 1) : src;
        this.sx = sx;
        this.n = this.src.length();
    }

    /** The tokens of {@code src} (which the caller has already stripped of a {@code #jinja2:} header), ending with EOF. */
    static List<Token> lex(String src, Syntax sx) {
        Lexer l = new Lexer(src, sx);
        try {
            l.root();
        } catch (ParseError e) {
            l.out.add(new Token(Token.Kind.ERROR, e.getMessage(), null, e.pos));
        }
        l.out.add(new Token(Token.Kind.EOF, "", null, l.n));
        return l.out;
    }

    /**
     * The tokens of a bare expression (a {@code when:} condition), as if it stood in a {@code {% if %}} tag: its
     * tokens, then BLOCK_END and EOF at the end of the text.
     */
    static List<Token> expression(String text) {
        Lexer l = new Lexer(text, Syntax.FILE.with(java.util.Map.of("keep_trailing_newline", true)));
        try {
            l.tag(false, 0, 0, null);
        } catch (ParseError e) {
            l.out.add(new Token(Token.Kind.ERROR, e.getMessage(), null, e.pos));
        }
        l.out.add(new Token(Token.Kind.BLOCK_END, "", null, l.n));
        l.out.add(new Token(Token.Kind.EOF, "", null, l.n));
        return l.out.subList(1, l.out.size());
    }

    private void root() {
        while (pos < n) {
            int open = nextOpen();
            String data = src.substring(pos, open < 0 ? n : open);
            if (open < 0) {
                data(data, pos);
                pos = n;
                return;
            }
            String delim = delimAt(open);
            int after = open + delim.length();
            char mod = after < n ? src.charAt(after) : 0;
            boolean tag = !delim.equals(sx.varStart());
            if (mod == '-') {
                data = stripTrailing(data);
            } else if (tag && sx.lstripBlocks() && mod != '+') {
                data = lstripLine(data, open);
            }
            data(data, pos);
            if (mod == '-' || mod == '+') after++;
            if (delim.equals(sx.commentStart())) {
                comment(open, after);
            } else if (delim.equals(sx.blockStart()) && raw(open, after)) {
                continue;
            } else {
                boolean variable = delim.equals(sx.varStart());
                tag(variable, open, after, variable ? sx.varEnd() : sx.blockEnd());
            }
        }
    }

    /** The earliest start of a variable, block or comment tag at or after {@code pos}, or -1. */
    private int nextOpen() {
        int best = -1;
        for (String d : new String[] {sx.varStart(), sx.blockStart(), sx.commentStart()}) {
            int i = src.indexOf(d, pos);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    private String delimAt(int i) {
        if (src.startsWith(sx.varStart(), i)) return sx.varStart();
        if (src.startsWith(sx.commentStart(), i)) return sx.commentStart();
        return sx.blockStart();
    }

    private void data(String text, int at) {
        if (lstripNext) {
            text = stripLeading(text);
            lstripNext = false;
        }
        if (!text.isEmpty()) out.add(new Token(Token.Kind.DATA, text, text, at));
    }

    private void comment(int open, int from) {
        int end = src.indexOf(sx.commentEnd(), from);
        if (end < 0) throw new ParseError("Missing end of comment tag", open);
        boolean strip = end > from && src.charAt(end - 1) == '-';
        boolean keep = end > from && src.charAt(end - 1) == '+';
        pos = end + sx.commentEnd().length();
        afterTag(strip, keep);
    }

    private void afterTag(boolean strip, boolean keepNewline) {
        if (strip) lstripNext = true;
        else if (sx.trimBlocks() && !keepNewline && pos < n && src.charAt(pos) == '\n') pos++;
    }

    /** A {@code {% raw %}} block: its body up to {@code {% endraw %}} becomes data. */
    private boolean raw(int open, int from) {
        Matcher m = tagWord("raw").matcher(src).region(open, n);
        if (!m.lookingAt()) return false;
        Matcher end = tagWord("endraw").matcher(src);
        if (!end.find(m.end())) throw new ParseError("Missing end of raw directive", open);
        String body = src.substring(m.end(), end.start());
        if (m.group(2).equals("-")) body = stripLeading(body);
        else if (sx.trimBlocks() && !m.group(2).equals("+") && body.startsWith("\n")) body = body.substring(1);
        if (end.group(1).equals("-")) body = stripTrailing(body);
        if (!body.isEmpty()) out.add(new Token(Token.Kind.DATA, body, body, m.end()));
        pos = end.end();
        afterTag(end.group(2).equals("-"), end.group(2).equals("+"));
        return true;
    }

    private Pattern tagWord(String word) {
        return Pattern.compile(Pattern.quote(sx.blockStart()) + "([-+]?)\\s*" + word + "\\s*([-+]?)" + Pattern.quote(sx.blockEnd()));
    }

    /** The tokens of a {@code {{ }}} or {@code {% %}} tag, up to its end delimiter at bracket balance 0. */
    private void tag(boolean variable, int open, int from, String end) {
        out.add(new Token(variable ? Token.Kind.VAR_BEGIN : Token.Kind.BLOCK_BEGIN, src.substring(open, from), null, open));
        Deque<Character> balance = new ArrayDeque<>();
        pos = from;
        while (true) {
            // Jinja2 skips \s+ of a Python str: Unicode spaces too (a no-break space before a filter, as in include_vars' test)
            while (pos < n && PyOps.isSpace(src.charAt(pos))) pos++;
            if (pos >= n) return;
            if (balance.isEmpty() && end != null) {
                char c = src.charAt(pos);
                boolean modified = (c == '-' || (!variable && c == '+')) && src.startsWith(end, pos + 1);
                if (modified || src.startsWith(end, pos)) {
                    out.add(new Token(variable ? Token.Kind.VAR_END : Token.Kind.BLOCK_END, end, null, pos));
                    pos += end.length() + (modified ? 1 : 0);
                    afterTag(modified && c == '-', variable || (modified && c == '+'));
                    return;
                }
            }
            token(balance, variable);
        }
    }

    private void token(Deque<Character> balance, boolean variable) {
        char c = src.charAt(pos);
        Matcher m;
        if ((m = FLOAT.matcher(src).region(pos, n)).lookingAt() && (pos == 0 || src.charAt(pos - 1) != '.')) {
            String t = m.group();
            out.add(new Token(Token.Kind.FLOAT, t, Double.parseDouble(t.replace("_", "")), pos));
            pos = m.end();
        } else if ((m = INT.matcher(src).region(pos, n)).lookingAt()) {
            String t = m.group();
            out.add(new Token(Token.Kind.INT, t, integer(t), pos));
            pos = m.end();
        } else if (Character.isLetter(c) || c == '_') {
            int s = pos;
            while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            String w = src.substring(s, pos);
            out.add(new Token(Token.Kind.NAME, w, w, s));
        } else if (c == '\'' || c == '"') {
            string(c, variable);
        } else {
            for (String op : OPS) {
                if (src.startsWith(op, pos)) {
                    balance(op, balance);
                    out.add(new Token(Token.Kind.OP, op, op, pos));
                    pos += op.length();
                    return;
                }
            }
            throw new ParseError("unexpected char " + Py.repr(String.valueOf(c)) + " at " + pos, pos);
        }
    }

    private void balance(String op, Deque<Character> balance) {
        switch (op) {
            case "(" -> balance.push(')');
            case "[" -> balance.push(']');
            case "{" -> balance.push('}');
            case ")", "]", "}" -> {
                if (balance.isEmpty()) throw new ParseError("unexpected '" + op + "'", pos);
                char expected = balance.pop();
                if (expected != op.charAt(0)) throw new ParseError("unexpected '" + op + "', expected '" + expected + "'", pos);
            }
            default -> { }
        }
    }

    private static Object integer(String t) {
        String s = t.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        BigInteger b;
        if (s.startsWith("0x")) b = new BigInteger(s.substring(2), 16);
        else if (s.startsWith("0o")) b = new BigInteger(s.substring(2), 8);
        else if (s.startsWith("0b")) b = new BigInteger(s.substring(2), 2);
        else b = new BigInteger(s);
        return PyOps.norm(b);
    }

    /**
     * A quoted string. Inside {@code {{ }}} of a playbook string ({@link Syntax#escapeBackslashes}) backslashes stay as
     * written, as Ansible doubles them before Jinja2 reads them; elsewhere Python's escapes are decoded.
     */
    private void string(char q, boolean variable) {
        int s = pos;
        int i = pos + 1;
        while (i < n && src.charAt(i) != q) i += src.charAt(i) == '\\' ? 2 : 1;
        if (i >= n) throw new ParseError("unexpected char " + Py.repr(String.valueOf(q)) + " at " + s, s);
        String body = src.substring(s + 1, i);
        pos = i + 1;
        String value = variable && sx.escapeBackslashes() ? body : PyStrings.unescape(body);
        out.add(new Token(Token.Kind.STRING, src.substring(s, pos), value, s));
    }

    /** lstrip_blocks: the spaces and tabs before a block tag that starts its line. */
    private String lstripLine(String data, int tagPos) {
        int nl = data.lastIndexOf('\n');
        boolean lineStart = nl >= 0 || pos == 0 || (tagPos - data.length() > 0 && src.charAt(tagPos - data.length() - 1) == '\n');
        if (!lineStart) return data;
        String tail = data.substring(nl + 1);
        for (int i = 0; i < tail.length(); i++) if (tail.charAt(i) != ' ' && tail.charAt(i) != '\t') return data;
        return data.substring(0, nl + 1);
    }

    static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && PyOps.isSpace(s.charAt(i))) i++;
        return s.substring(i);
    }

    static String stripTrailing(String s) {
        int i = s.length();
        while (i > 0 && PyOps.isSpace(s.charAt(i - 1))) i--;
        return s.substring(0, i);
    }
}
