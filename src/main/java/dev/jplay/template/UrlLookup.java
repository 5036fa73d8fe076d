package dev.jplay.template;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The url lookup: the content of URLs fetched from the controller (GET), split into lines unless split_lines=false. */
final class UrlLookup {
    private static final List<String> OPTIONS = List.of("validate_certs", "split_lines", "headers", "timeout", "username", "password",
            "force_basic_auth", "force", "http_agent", "follow_redirects", "use_proxy");

    private UrlLookup() {}

    static List<Object> run(Env e, List<Object> terms, Map<String, Object> kw) {
        for (String k : kw.keySet()) {
            if (!OPTIONS.contains(k)) throw Library.LookupFailure.lookupError("jplay's url lookup does not support the option '" + k + "'");
        }
        boolean validate = !kw.containsKey("validate_certs") || PyOps.truthy(kw.get("validate_certs"));
        boolean split = !kw.containsKey("split_lines") || PyOps.truthy(kw.get("split_lines"));
        double timeout = kw.containsKey("timeout") ? PyOps.asDouble(kw.get("timeout")) : 10;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofMillis((long) (timeout * 1000)));
        String redirects = kw.containsKey("follow_redirects") ? PyOps.str(kw.get("follow_redirects")) : "urllib2";
        b.followRedirects(redirects.equals("none") || redirects.equals("no") || redirects.equals("false")
                ? HttpClient.Redirect.NEVER : HttpClient.Redirect.NORMAL);
        if (!validate) b.sslContext(trustAll());
        HttpClient client = b.build();
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            String url = PyOps.str(t);
            String body = fetch(client, url, kw, timeout);
            if (split) out.addAll(PyMethods.lines(body, false));
            else out.add(body);
        }
        return out;
    }

    /** The body of one URL: http(s) through the client, file: read here (as urllib does); other schemes fail as urllib's. */
    private static String fetch(HttpClient client, String url, Map<String, Object> kw, double timeout) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException ex) {
            throw failed(url, "unknown url type: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("file")) return file(url, uri.getPath());
        if (!scheme.equals("http") && !scheme.equals("https")) {
            if (scheme.equals("ftp")) throw new EvalError("jplay's url lookup fetches http, https and file URLs, not ftp: " + url);
            throw failed(url, "unknown url type: " + scheme);
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis((long) (timeout * 1000))).GET();
        req.header("User-Agent", kw.containsKey("http_agent") ? PyOps.str(kw.get("http_agent")) : "ansible-httpget");
        if (kw.get("headers") instanceof Map<?, ?> h) h.forEach((k, v) -> req.header(PyOps.keyString(k), PyOps.str(v)));
        if (kw.get("username") != null) {
            String cred = PyOps.str(kw.get("username")) + ":" + (kw.get("password") == null ? "" : PyOps.str(kw.get("password")));
            req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(cred.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() >= 400) throw new EvalError("Received HTTP error for " + url + " : HTTP Error " + r.statusCode());
            return r.body();
        } catch (java.net.http.HttpTimeoutException ex) {
            throw failed(url, "timed out");
        } catch (java.net.ConnectException ex) {
            boolean unresolved = ex.getCause() instanceof java.nio.channels.UnresolvedAddressException;
            throw failed(url, unresolved ? "[Errno -2] Name or service not known" : "[Errno 111] Connection refused");
        } catch (IOException ex) {
            throw failed(url, String.valueOf(ex.getMessage()));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EvalError("interrupted while fetching " + url);
        }
    }

    private static String file(String url, String path) {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path)), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException ex) {
            throw failed(url, "[Errno 2] No such file or directory: " + dev.jplay.data.Py.repr(path));
        } catch (java.nio.file.AccessDeniedException ex) {
            throw failed(url, "[Errno 13] Permission denied: " + dev.jplay.data.Py.repr(path));
        } catch (IOException ex) {
            throw failed(url, String.valueOf(ex.getMessage()));
        }
    }

    /** urllib's URLError as Ansible's url lookup reports it. */
    private static EvalError failed(String url, String reason) {
        return new EvalError("Failed lookup url for " + url + " : <urlopen error " + reason + ">");
    }

    private static SSLContext trustAll() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) { }

                public void checkServerTrusted(X509Certificate[] chain, String authType) { }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return c;
        } catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
