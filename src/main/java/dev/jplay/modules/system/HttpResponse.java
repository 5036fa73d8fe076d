package dev.jplay.modules.system;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A response as {@code curl --include} printed it: the last header block (earlier ones are redirects), the body,
 * and the status and final URL from curl's write-out line. {@code error} is curl's message when it failed.
 */
record HttpResponse(int status, String reason, Map<String, String> headers, String body, String finalUrl, String error) {

    static HttpResponse parse(String out, String error) {
        int mark = out.lastIndexOf("\n" + CurlConfig.MARK + " ");
        String tail = mark < 0 ? "" : out.substring(mark + CurlConfig.MARK.length() + 2).strip();
        String text = mark < 0 ? out : out.substring(0, mark);
        String[] w = tail.split(" ", 2);
        int status = w.length > 0 && w[0].matches("\\d+") ? Integer.parseInt(w[0]) : -1;
        String url = w.length > 1 ? w[1] : null;
        Map<String, String> headers = new LinkedHashMap<>();
        String reason = "";
        while (text.startsWith("HTTP/")) {
            int end = text.indexOf("\r\n\r\n");
            String block = end < 0 ? text : text.substring(0, end);
            text = end < 0 ? "" : text.substring(end + 4);
            headers.clear();
            String[] lines = block.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            reason = statusLine.length > 2 ? statusLine[2] : "";
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        if (status == 0 || error != null && status <= 0) status = -1;
        return new HttpResponse(status, reason, headers, text, url, error);
    }

    String url(String requested) {
        return finalUrl == null || finalUrl.isEmpty() ? requested : finalUrl;
    }

    /** Ansible's msg: {@code OK (N bytes)}, {@code HTTP Error 404: Not Found}, or {@code Request failed: ...}. */
    String msg() {
        if (status < 0) return "Request failed: " + (error == null ? "no response" : error);
        if (status >= 400) return "HTTP Error " + status + ": " + reason;
        return "OK (" + headers.getOrDefault("content-length", "unknown") + " bytes)";
    }

    boolean isJson() {
        String type = headers.getOrDefault("content-type", "").split(";")[0].strip().toLowerCase(Locale.ROOT);
        String sub = type.contains("/") ? type.substring(type.indexOf('/') + 1) : "";
        if (sub.contains("+")) sub = sub.substring(sub.indexOf('+') + 1);
        return sub.equals("json") || sub.equals("javascript");
    }
}
