package dev.jplay.data;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON reading and writing with Python's {@code json.dumps} formatting, so output matches Ansible's byte for byte.
 * Reading gives {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Long} (or {@code BigInteger}),
 * {@code Double}, {@code Boolean} and {@code null}.
 */
public final class Json {
    private Json() {}

    /** How to write: {@code indent < 0} is one line with {@code ", "} and {@code ": "}; otherwise {@code ","} and newlines. */
    public record Style(int indent, boolean sortKeys, boolean ensureAscii) {
        /** {@code json.dumps(v)}: one line, keys in order, non-ASCII escaped. */
        public static final Style DUMPS = new Style(-1, false, true);
        /** Ansible's callback for one-line results: sorted keys, UTF-8 kept. */
        public static final Style RESULT = new Style(-1, true, false);
        /** Ansible's callback for indented results ({@code debug}, {@code -v} with a YAML-less callback). */
        public static final Style RESULT_INDENTED = new Style(4, true, false);
        /** {@code to_nice_json}: indent 4, sorted keys, non-ASCII escaped. */
        public static final Style NICE = new Style(4, true, true);
    }

    public static String write(Object v) {
        return write(v, Style.DUMPS);
    }

    public static String write(Object v, Style style) {
        StringBuilder sb = new StringBuilder();
        write(v, style, 0, sb);
        return sb.toString();
    }

    private static void write(Object v, Style st, int level, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) sb.append("NaN");
            else if (Double.isInfinite(d)) sb.append(d > 0 ? "Infinity" : "-Infinity");
            else sb.append(Py.floatRepr(d));
        } else if (v instanceof Number n) {
            sb.append(n.toString());
        } else if (v instanceof CharSequence s) {
            string(s.toString(), st.ensureAscii(), sb);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            Map<?, ?> src = m;
            if (st.sortKeys()) {
                TreeMap<String, Object> sorted = new TreeMap<>();
                m.forEach((k, val) -> sorted.put(String.valueOf(k), val));
                src = sorted;
            }
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = src.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                newline(st, level + 1, sb);
                Object k = e.getKey();
                string(k instanceof CharSequence ? k.toString() : keyString(k), st.ensureAscii(), sb);
                sb.append(": ");
                write(e.getValue(), st, level + 1, sb);
                if (it.hasNext()) sb.append(st.indent() < 0 ? ", " : ",");
            }
            newline(st, level, sb);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                newline(st, level + 1, sb);
                write(it.next(), st, level + 1, sb);
                if (it.hasNext()) sb.append(st.indent() < 0 ? ", " : ",");
            }
            newline(st, level, sb);
            sb.append(']');
        } else if (v instanceof byte[] bytes) {
            string(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), st.ensureAscii(), sb);
        } else if (v instanceof VaultText vault) {
            // as Ansible's JSON encoder shows a value it has not decrypted
            write(java.util.Map.of("__ansible_vault", vault.ciphertext()), st, level, sb);
        } else {
            string(String.valueOf(v), st.ensureAscii(), sb);
        }
    }

    private static String keyString(Object k) {
        if (k == null) return "null";
        if (k instanceof Boolean b) return b ? "true" : "false";
        return String.valueOf(k);
    }

    private static void newline(Style st, int level, StringBuilder sb) {
        if (st.indent() < 0) return;
        sb.append('\n').append(" ".repeat(st.indent() * level));
    }

    /** Writes a JSON string literal the way Python does. */
    public static void string(String s, boolean ensureAscii, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /** Parses JSON text; throws {@link IllegalArgumentException} with the offset on bad input. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.i != text.length()) throw p.error("extra data after the JSON value");
        return v;
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            int line = 1, col = 1;
            for (int k = 0; k < Math.min(i, s.length()); k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                    col = 1;
                } else col++;
            }
            return new IllegalArgumentException(what + " at line " + line + " column " + col);
        }

        void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        Object value() {
            if (i >= s.length()) throw error("unexpected end of JSON");
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                case 'N':
                    return literal("NaN", Double.NaN);
                case 'I':
                    return literal("Infinity", Double.POSITIVE_INFINITY);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw error("unexpected character '" + c + "'");
            }
        }

        Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) throw error("unexpected token");
            i += word.length();
            return v;
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                if (peek() != '"') throw error("expected a string key");
                String k = string();
                ws();
                if (peek() != ':') throw error("expected ':'");
                i++;
                ws();
                m.put(k, value());
                ws();
                char c = peek();
                i++;
                if (c == '}') return m;
                if (c != ',') throw error("expected ',' or '}'");
            }
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            ws();
            if (peek() == ']') {
                i++;
                return l;
            }
            while (true) {
                ws();
                l.add(value());
                ws();
                char c = peek();
                i++;
                if (c == ']') return l;
                if (c != ',') throw error("expected ',' or ']'");
            }
        }

        char peek() {
            if (i >= s.length()) throw error("unexpected end of JSON");
            return s.charAt(i);
        }

        String string() {
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                if (i >= s.length()) throw error("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        Object number() {
            int start = i;
            if (s.charAt(i) == '-') i++;
            if (s.startsWith("Infinity", i)) {
                i += 8;
                return Double.NEGATIVE_INFINITY;
            }
            boolean frac = false;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') i++;
                else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                    frac = true;
                    i++;
                } else break;
            }
            String num = s.substring(start, i);
            try {
                if (frac) return Double.parseDouble(num);
                BigInteger b = new BigInteger(num);
                return b.bitLength() < 64 ? (Object) b.longValue() : b;
            } catch (NumberFormatException ex) {
                throw error("bad number '" + num + "'");
            }
        }
    }
}
