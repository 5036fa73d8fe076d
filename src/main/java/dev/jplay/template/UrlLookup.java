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
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis((long) (timeout * 1000))).GET();
            req.header("User-Agent", kw.containsKey("http_agent") ? PyOps.str(kw.get("http_agent")) : "ansible-httpget");
            if (kw.get("headers") instanceof Map<?, ?> h) h.forEach((k, v) -> req.header(PyOps.keyString(k), PyOps.str(v)));
            if (kw.get("username") != null) {
                String cred = PyOps.str(kw.get("username")) + ":" + (kw.get("password") == null ? "" : PyOps.str(kw.get("password")));
                req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(cred.getBytes(StandardCharsets.UTF_8)));
            }
            String body;
            try {
                HttpResponse<String> r = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() >= 400) throw new EvalError("Received HTTP error for " + url + " : HTTP Error " + r.statusCode());
                body = r.body();
            } catch (IOException ex) {
                throw new EvalError("Failed lookup url for " + url + " : " + ex.getMessage());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new EvalError("interrupted while fetching " + url);
            }
            if (split) out.addAll(PyMethods.lines(body, false));
            else out.add(body);
        }
        return out;
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
