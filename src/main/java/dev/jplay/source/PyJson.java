package dev.jplay.source;

import dev.jplay.data.Unsafe;
import dev.jplay.data.VaultText;
import java.math.BigInteger;
import java.util.Map;

/**
 * JSON read as Ansible's DataLoader reads it first, before YAML: Python's {@code json.loads} (strict: no control
 * characters in strings, {@code NaN}/{@code Infinity} allowed, a repeated key keeps its first place and its last value)
 * with Ansible's object hook ({@code {"__ansible_unsafe": ...}}, {@code {"__ansible_vault": ...}}). Values keep their
 * positions, as {@link YamlMap} and {@link YamlList}. A mistake is a {@link Failure} whose message is Python's, word for
 * word ({@code Expecting value: line 1 column 1 (char 0)}), since Ansible shows it beside the YAML error.
 */
final class PyJson {
    /** Python's {@code json.JSONDecodeError}: its message (with line, column and char offset) and where it is. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Loc loc;

        Failure(String message, Loc loc) {
            super(message, null, false, false);
            this.loc = loc;
        }

        Loc loc() {
            return loc;
        }
    }

    private final String s;
    private final String name;
    private final int end;

    private PyJson(String s, String name) {
        this.s = s;
        this.name = name;
        this.end = s.length();
    }

    /** The value of {@code text}, or a {@link Failure} as Python's json.loads raises it. */
    static Object load(String text, String name) {
        PyJson p = new PyJson(text, name);
        if (text.startsWith("\ufeff")) throw p.fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        int[] next = new int[1];
        int at = p.ws(0);
        Object v = p.value(at, next);
        int after = p.ws(next[0]);
        if (after != p.end) throw p.fail("Extra data", after);
        return v;
    }

    private Failure fail(String what, int pos) {
        Loc at = loc(pos);
        int lineStart = pos - (at.col() - 1);
        // Python counts code points, not UTF-16 chars
        int col = s.codePointCount(lineStart, pos) + 1;
        return new Failure(what + ": line " + at.line() + " column " + col + " (char " + s.codePointCount(0, pos) + ")", at);
    }

    private Loc loc(int pos) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < end; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Loc(name, line, pos - lineStart + 1);
    }

    private int ws(int i) {
        while (i < end && " \t\n\r".indexOf(s.charAt(i)) >= 0) i++;
        return i;
    }

    private boolean word(int i, String w) {
        return s.startsWith(w, i);
    }

    /** One value at {@code i} (Python's scan_once); its end goes to {@code next[0]}. */
    private Object value(int i, int[] next) {
        if (i >= end) throw fail("Expecting value", i);
        char c = s.charAt(i);
        switch (c) {
            case '"':
                return string(i + 1, next);
            case '{':
                return object(i, next);
            case '[':
                return array(i, next);
            default:
                break;
        }
        Object constant = constant(i, next);
        if (constant != null) return constant == NULL ? null : constant;
        return number(i, next);
    }

    private static final Object NULL = new Object();

    private Object constant(int i, int[] next) {
        String[] words = {"null", "true", "false", "NaN", "Infinity", "-Infinity"};
        Object[] values = {NULL, Boolean.TRUE, Boolean.FALSE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = 0; k < words.length; k++) {
            if (word(i, words[k])) {
                next[0] = i + words[k].length();
                return values[k];
            }
        }
        return null;
    }

    private Object number(int start, int[] next) {
        int i = start;
        if (s.charAt(i) == '-') {
            i++;
            if (i >= end) throw fail("Expecting value", start);
        }
        char c = s.charAt(i);
        if (c >= '1' && c <= '9') {
            i++;
            while (i < end && digit(i)) i++;
        } else if (c == '0') {
            i++;
        } else {
            throw fail("Expecting value", start);
        }
        boolean isFloat = false;
        if (i < end - 1 && s.charAt(i) == '.' && digit(i + 1)) {
            isFloat = true;
            i += 2;
            while (i < end && digit(i)) i++;
        }
        if (i < end - 1 && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int eStart = i++;
            if (i < end - 1 && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
            while (i < end && digit(i)) i++;
            if (digit(i - 1)) isFloat = true;
            else i = eStart;
        }
        next[0] = i;
        String text = s.substring(start, i);
        if (isFloat) return Double.parseDouble(text);
        BigInteger b = new BigInteger(text);
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private boolean digit(int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    /** A string whose opening quote is just before {@code from} (Python's scanstring, strict). */
    private String string(int from, int[] next) {
        int begin = from - 1;
        StringBuilder sb = new StringBuilder();
        int i = from;
        while (true) {
            if (i >= end) throw fail("Unterminated string starting at", begin);
            char c = s.charAt(i);
            if (c == '"') {
                next[0] = i + 1;
                return sb.toString();
            }
            if (c < 0x20) throw fail("Invalid control character at", i);
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= end) throw fail("Unterminated string starting at", begin);
            char e = s.charAt(i + 1);
            if (e == 'u') {
                i = unicodeEscape(i, sb);
                continue;
            }
            int k = "\"\\/bfnrt".indexOf(e);
            if (k < 0) throw fail("Invalid \\escape", i);
            sb.append("\"\\/\b\f\n\r\t".charAt(k));
            i += 2;
        }
    }

    /** A {@code \\u} escape (four hex digits) whose backslash is at {@code i} (with a following low surrogate); the index after it. */
    private int unicodeEscape(int i, StringBuilder sb) {
        int after = i + 6;
        if (after >= end) throw fail("Invalid \\uXXXX escape", i + 1); // Python wants a character after the digits
        char c = (char) hex4(i + 2, i + 1);
        sb.append(c);
        if (Character.isHighSurrogate(c) && after + 6 < end && s.charAt(after) == '\\' && s.charAt(after + 1) == 'u') {
            char low = (char) hex4(after + 2, after + 1);
            if (Character.isLowSurrogate(low)) {
                sb.append(low);
                return after + 6;
            }
        }
        return after;
    }

    private int hex4(int at, int errPos) {
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) throw fail("Invalid \\uXXXX escape", errPos);
            v = v * 16 + d;
        }
        return v;
    }

    private Object object(int open, int[] next) {
        YamlMap m = new YamlMap(loc(open));
        int i = ws(open + 1);
        if (i < end && s.charAt(i) == '}') {
            next[0] = i + 1;
            return hook(m);
        }
        while (true) {
            if (i >= end || s.charAt(i) != '"') throw fail("Expecting property name enclosed in double quotes", i);
            Loc keyLoc = loc(i);
            String key = string(i + 1, next);
            i = ws(next[0]);
            if (i >= end || s.charAt(i) != ':') throw fail("Expecting ':' delimiter", i);
            i = ws(i + 1);
            Loc valueLoc = i < end && s.charAt(i) == '"' ? loc(i + 1) : loc(i);
            Object v = value(i, next);
            m.putLocated(key, v, keyLoc, valueLoc);
            i = ws(next[0]);
            if (i < end && s.charAt(i) == '}') break;
            if (i >= end || s.charAt(i) != ',') throw fail("Expecting ',' delimiter", i);
            i = ws(i + 1);
        }
        next[0] = i + 1;
        return hook(m);
    }

    /** Ansible's object hook: a mapping with {@code __ansible_vault} or {@code __ansible_unsafe} stands for that value. */
    private static Object hook(YamlMap m) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().equals("__ansible_vault")) return new VaultText(String.valueOf(e.getValue()), m.valueLoc(e.getKey()));
            if (e.getKey().equals("__ansible_unsafe")) return unsafe(e.getValue());
        }
        return m;
    }

    /** Ansible's wrap_var: every string inside becomes unsafe. */
    private static Object unsafe(Object v) {
        if (v instanceof String str) return new Unsafe(str);
        if (v instanceof YamlMap map) {
            map.replaceAll((k, x) -> unsafe(x));
            return map;
        }
        if (v instanceof YamlList list) {
            list.replaceAll(PyJson::unsafe);
            return list;
        }
        return v;
    }

    private Object array(int open, int[] next) {
        YamlList l = new YamlList(loc(open));
        int i = ws(open + 1);
        if (i < end && s.charAt(i) == ']') {
            next[0] = i + 1;
            return l;
        }
        while (true) {
            Loc at = i < end && s.charAt(i) == '"' ? loc(i + 1) : loc(i);
            l.addLocated(value(i, next), at);
            i = ws(next[0]);
            if (i < end && s.charAt(i) == ']') break;
            if (i >= end || s.charAt(i) != ',') throw fail("Expecting ',' delimiter", i);
            i = ws(i + 1);
        }
        next[0] = i + 1;
        return l;
    }
}
