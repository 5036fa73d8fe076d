package dev.jplay.template;

/** Python string literal decoding (unicode-escape, as Jinja2 decodes string literals in templates). */
final class PyStrings {
    private PyStrings() {}

    /** The value of a string literal's body: backslash escapes (n, t, x.., u...., U........, octal ...) decoded; unknown ones stay. */
    static String unescape(String body) {
        if (body.indexOf('\\') < 0) return body;
        StringBuilder sb = new StringBuilder(body.length());
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                sb.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000b');
                case '\\', '\'', '"' -> sb.append(e);
                case '\n' -> { }
                case 'x' -> i = hex(body, i, 2, sb);
                case 'u' -> i = hex(body, i, 4, sb);
                case 'U' -> i = hex(body, i, 8, sb);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int j = i;
                        int v = 0;
                        while (j < n && j < i + 3 && body.charAt(j) >= '0' && body.charAt(j) <= '7') v = v * 8 + body.charAt(j++) - '0';
                        sb.append((char) v);
                        i = j - 1;
                    } else {
                        sb.append('\\').append(e);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int hex(String body, int i, int digits, StringBuilder sb) {
        if (i + digits >= body.length()) throw new ParseError("truncated \\" + body.charAt(i) + " escape", -1);
        String h = body.substring(i + 1, i + 1 + digits);
        try {
            sb.appendCodePoint(Integer.parseInt(h, 16));
        } catch (IllegalArgumentException ex) {
            throw new ParseError("truncated \\" + body.charAt(i) + " escape", -1);
        }
        return i + digits;
    }

    /** UTF-8 bytes as text; bytes that are not UTF-8 become lone surrogates U+DC80..U+DCFF (Python's surrogateescape). */
    static String decodeUtf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT).onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length * 2 + 4);
        while (true) {
            java.nio.charset.CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) out.put((char) (0xDC00 | (in.get() & 0xff)));
            } else {
                break;
            }
        }
        d.flush(out);
        out.flip();
        return out.toString();
    }
}
