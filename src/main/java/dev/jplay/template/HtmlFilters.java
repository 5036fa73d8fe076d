package dev.jplay.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML and URL filters: escape, forceescape, safe, striptags, xmlattr, urlize, urlencode, urldecode, urlsplit. */
final class HtmlFilters {
    private static final Pattern COMMENTS = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TAGS = Pattern.compile("<.*?>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);");
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"), Map.entry("trade", "\u2122"), Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"), Map.entry("laquo", "\u00ab"), Map.entry("raquo", "\u00bb"), Map.entry("euro", "\u20ac"));

    private HtmlFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "e", "escape" -> (e, v, a) -> Markup.escape(v);
            case "forceescape" -> (e, v, a) -> Markup.escape(PyOps.str(v));
            case "safe" -> (e, v, a) -> new Markup(PyOps.str(v));
            case "striptags" -> (e, v, a) -> {
                String s = TAGS.matcher(COMMENTS.matcher(PyOps.str(v)).replaceAll("")).replaceAll("");
                return new Markup(unescape(String.join(" ", StringsSplit.whitespace(s))));
            };
            case "xmlattr" -> (e, v, a) -> {
                if (!(v instanceof Map<?, ?> m)) throw new EvalError("'" + PyOps.typeName(v) + "' object has no attribute 'items'");
                List<String> parts = new ArrayList<>();
                m.forEach((k, x) -> {
                    if (x != null && !(x instanceof Undefined)) parts.add(Markup.escape(k).text() + "=\"" + Markup.escape(x).text() + "\"");
                });
                String rv = String.join(" ", parts);
                return new Markup(a.bool(0, "autospace", true) && !rv.isEmpty() ? " " + rv : rv);
            };
            case "urlize" -> (e, v, a) -> Urlize.urlize(PyOps.str(v), a);
            case "urlencode" -> (e, v, a) -> urlencode(v);
            case "urldecode" -> (e, v, a) -> unquotePlus(PyOps.str(v));
            case "urlsplit" -> (e, v, a) -> UrlSplit.split(v, a.str(0, "query", ""));
            default -> null;
        };
    }

    /** HTML entities decoded (named ones commonly used, and numeric). */
    static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ent = m.group(1);
            String rep;
            if (ent.startsWith("#x") || ent.startsWith("#X")) rep = new String(Character.toChars(Integer.parseInt(ent.substring(2), 16)));
            else if (ent.startsWith("#")) rep = new String(Character.toChars(Integer.parseInt(ent.substring(1))));
            else rep = ENTITIES.getOrDefault(ent, m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Jinja2's urlencode: a string quoted ({@code /} kept), a dict or list of pairs as a query string. */
    private static String urlencode(Object v) {
        if (v instanceof CharSequence || !PyOps.iterable(v)) return quote(PyOps.str(v), "/");
        List<String> parts = new ArrayList<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> parts.add(quote(PyOps.str(k), "").replace("%20", "+") + "=" + quote(PyOps.str(x), "").replace("%20", "+")));
        } else {
            for (Object pair : PyOps.iterate(v)) {
                List<Object> kv = PyOps.iterate(pair);
                parts.add(quote(PyOps.str(kv.get(0)), "").replace("%20", "+") + "=" + quote(PyOps.str(kv.get(1)), "").replace("%20", "+"));
            }
        }
        return String.join("&", parts);
    }

    /** Python's {@code urllib.parse.quote}: UTF-8, letters, digits, {@code _.-~} and {@code safe} kept, the rest %XX. */
    static String quote(String s, String safe) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0 || (c < 128 && safe.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** Python's {@code unquote_plus}: {@code +} as space, %XX decoded as UTF-8 (invalid sequences replaced). */
    static String unquotePlus(String s) {
        String t = s.replace('+', ' ');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '%' && i + 2 < t.length() && isHex(t.charAt(i + 1)) && isHex(t.charAt(i + 2))) {
                out.write(Integer.parseInt(t.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                if (out.size() > 0) {
                    sb.append(out.toString(StandardCharsets.UTF_8));
                    out.reset();
                }
                sb.append(c);
            }
        }
        if (out.size() > 0) sb.append(out.toString(StandardCharsets.UTF_8));
        return sb.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Splitting on whitespace, as Python's {@code str.split()}. */
    static final class StringsSplit {
        private StringsSplit() {}

        static List<String> whitespace(String s) {
            List<String> out = new ArrayList<>();
            for (String w : s.strip().split("\\s+")) if (!w.isEmpty()) out.add(w);
            return out;
        }
    }

    /** Python's {@code urllib.parse.urlsplit}, as the urlsplit filter returns it. */
    static final class UrlSplit {
        private static final String SCHEME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";

        private UrlSplit() {}

        static Object split(Object value, String query) {
            if (!(value instanceof CharSequence)) throw new EvalError("'" + PyOps.typeName(value) + "' object has no attribute 'decode'");
            String url = PyMethods.strip(value.toString(), null, true, false).replace("\t", "").replace("\r", "").replace("\n", "");
            String scheme = "";
            String netloc = "";
            String q = "";
            String fragment = "";
            int i = url.indexOf(':');
            if (i > 0 && url.charAt(0) < 128 && Character.isLetter(url.charAt(0))
                    && url.substring(0, i).chars().allMatch(c -> SCHEME_CHARS.indexOf(c) >= 0)) {
                scheme = url.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                url = url.substring(i + 1);
            }
            if (url.startsWith("//")) {
                int delim = url.length();
                for (char c : "/?#".toCharArray()) {
                    int w = url.indexOf(c, 2);
                    if (w >= 0) delim = Math.min(delim, w);
                }
                netloc = url.substring(2, delim);
                url = url.substring(delim);
                if (netloc.contains("[") != netloc.contains("]")) throw new EvalError("Invalid IPv6 URL");
            }
            int hash = url.indexOf('#');
            if (hash >= 0) {
                fragment = url.substring(hash + 1);
                url = url.substring(0, hash);
            }
            int qm = url.indexOf('?');
            if (qm >= 0) {
                q = url.substring(qm + 1);
                url = url.substring(0, qm);
            }
            String userinfo = netloc.contains("@") ? netloc.substring(0, netloc.lastIndexOf('@')) : null;
            String hostinfo = netloc.substring(netloc.lastIndexOf('@') + 1);
            String hostname;
            String port;
            int br = hostinfo.indexOf('[');
            if (br >= 0) {
                String bracketed = hostinfo.substring(br + 1);
                int close = bracketed.indexOf(']');
                hostname = close >= 0 ? bracketed.substring(0, close) : bracketed;
                String after = close >= 0 ? bracketed.substring(close + 1) : "";
                port = after.contains(":") ? after.substring(after.indexOf(':') + 1) : "";
            } else {
                int colon = hostinfo.indexOf(':');
                hostname = colon >= 0 ? hostinfo.substring(0, colon) : hostinfo;
                port = colon >= 0 ? hostinfo.substring(colon + 1) : "";
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fragment", fragment);
            m.put("hostname", hostname.isEmpty() ? null : hostname.toLowerCase(java.util.Locale.ROOT));
            m.put("netloc", netloc);
            m.put("password", userinfo != null && userinfo.contains(":") ? userinfo.substring(userinfo.indexOf(':') + 1) : null);
            m.put("path", url);
            Object portValue = null;
            if (!port.isEmpty()) {
                if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) throw new EvalError("Port could not be cast to integer value as '" + port + "'");
                long p = Long.parseLong(port);
                if (p > 65535) throw new EvalError("Port out of range 0-65535");
                portValue = p;
            }
            m.put("port", portValue);
            m.put("query", q);
            m.put("scheme", scheme);
            m.put("username", userinfo == null ? null : userinfo.contains(":") ? userinfo.substring(0, userinfo.indexOf(':')) : userinfo);
            if (query.isEmpty()) return m;
            if (!m.containsKey(query)) throw new EvalError("urlsplit: unknown URL component: " + query);
            return m.get(query);
        }
    }
}
