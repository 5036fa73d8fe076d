package dev.jplay.modules.system;

import dev.jplay.data.Json;
import dev.jplay.modules.ModuleArgs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The curl config ({@code curl -K -}, read from stdin) for a {@code uri} request: URL, method, headers, body,
 * credentials and TLS options travel on stdin so no header, token or password reaches the host's argv.
 */
final class CurlConfig {
    static final String MARK = "__JPLAY_CURL__";

    private CurlConfig() {}

    static String build(ModuleArgs a) {
        StringBuilder sb = new StringBuilder();
        String method = a.str("method").toUpperCase(Locale.ROOT);
        line(sb, "url", a.str("url"));
        line(sb, "request", method);
        sb.append("silent\nshow-error\nhttp1.1\n");
        if (a.has("dest")) line(sb, "output", a.str("dest"));
        else sb.append("include\n");
        line(sb, "write-out", "\n" + MARK + " %{http_code} %{url_effective}\n");
        line(sb, "max-time", String.valueOf(a.integer("timeout", 30)));
        if (!a.bool("validate_certs")) sb.append("insecure\n");
        String follow = a.str("follow_redirects", "safe");
        if (follow.equals("all") || follow.equals("yes") || follow.equals("urllib2")
                || follow.equals("safe") && (method.equals("GET") || method.equals("HEAD"))) {
            sb.append("location\n");
            line(sb, "max-redirs", "50");
        }
        if (a.has("url_username")) line(sb, "user", a.str("url_username") + ":" + a.str("url_password", ""));
        if (a.has("client_cert")) line(sb, "cert", a.str("client_cert"));
        if (a.has("client_key")) line(sb, "key", a.str("client_key"));
        if (a.has("ca_path")) line(sb, "cacert", a.str("ca_path"));
        Map<String, String> headers = new LinkedHashMap<>();
        a.dict("headers").forEach((k, v) -> headers.put(k, String.valueOf(v)));
        String body = body(a, headers);
        headers.forEach((k, v) -> line(sb, "header", k + ": " + v));
        if (body != null) line(sb, "data-raw", body);
        return sb.toString();
    }

    /** The request body as text, adding the Content-Type Ansible adds for json and form bodies. */
    private static String body(ModuleArgs a, Map<String, String> headers) {
        Object body = a.get("body");
        if (body == null) return null;
        String format = a.str("body_format", "raw");
        boolean typed = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("content-type"));
        if (format.equals("json")) {
            if (!typed) headers.put("Content-Type", "application/json");
            return body instanceof String s ? s : Json.write(body);
        }
        if (format.equals("form-urlencoded")) {
            if (!typed) headers.put("Content-Type", "application/x-www-form-urlencoded");
            return body instanceof Map<?, ?> m ? urlencode(m) : body instanceof List<?> l ? urlencodePairs(l) : body.toString();
        }
        return body.toString();
    }

    private static String urlencode(Map<?, ?> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return sb.toString();
    }

    private static String urlencodePairs(List<?> l) {
        StringBuilder sb = new StringBuilder();
        for (Object o : l) {
            if (o instanceof List<?> p && p.size() == 2) sb.append(sb.isEmpty() ? "" : "&").append(enc(p.get(0))).append('=').append(enc(p.get(1)));
        }
        return sb.toString();
    }

    private static String enc(Object o) {
        return URLEncoder.encode(String.valueOf(o), StandardCharsets.UTF_8);
    }

    /** {@code name = "value"} with curl's config escapes. */
    private static void line(StringBuilder sb, String name, String value) {
        StringBuilder v = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> v.append("\\\\");
                case '"' -> v.append("\\\"");
                case '\n' -> v.append("\\n");
                case '\r' -> v.append("\\r");
                case '\t' -> v.append("\\t");
                default -> v.append(c);
            }
        }
        sb.append(name).append(" = \"").append(v).append("\"\n");
    }
}
