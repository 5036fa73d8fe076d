package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jplay.modules.TestContext;
import dev.jplay.testing.Needs;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UriTest {
    @TempDir
    Path dir;
    HttpServer server;
    String base;
    final AtomicReference<String> lastBody = new AtomicReference<>();
    final AtomicReference<String> lastAuth = new AtomicReference<>();
    final Uri module = new Uri();
    final TestContext ctx = TestContext.local();

    @BeforeEach
    void setUp() throws Exception {
        Needs.executable("/usr/bin/curl", "needs curl (./test installs it)");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", ex -> {
            lastBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            lastAuth.set(ex.getRequestHeaders().getFirst("Authorization") + "|" + ex.getRequestHeaders().getFirst("Content-Type"));
            byte[] b = "{\"status\": \"up\", \"n\": 3}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.createContext("/old", ex -> {
            ex.getResponseHeaders().add("Location", "/health");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void tearDown() {
        if (server != null) server.stop(0);
    }

    @Test
    void getsJsonAndFollowsRedirects() throws Exception {
        Map<String, Object> r = ctx.run(module, Map.of("url", base + "/old", "return_content", true));
        assertThat(r).containsEntry("changed", false).containsEntry("status", 200L).containsEntry("redirected", true)
                .containsEntry("url", base + "/health").containsEntry("msg", "OK (24 bytes)")
                .containsEntry("content_type", "application/json").containsEntry("content", "{\"status\": \"up\", \"n\": 3}")
                .containsEntry("json", Map.of("status", "up", "n", 3L));
    }

    @Test
    void postsJsonBodyWithCredentialsOffArgv() throws Exception {
        Map<String, Object> r = ctx.run(module, Map.of("url", base + "/health", "method", "POST", "body_format", "json",
                "body", Map.of("name", "web\"01"), "url_username", "admin", "url_password", "s3cr3t"));
        assertThat(r).containsEntry("status", 200L).doesNotContainKey("content");
        assertThat(lastBody.get()).isEqualTo("{\"name\": \"web\\\"01\"}");
        assertThat(lastAuth.get()).isEqualTo("Basic YWRtaW46czNjcjN0|application/json");
    }

    @Test
    void unexpectedStatusFails() throws Exception {
        Map<String, Object> r = ctx.run(module, Map.of("url", base + "/missing"));
        assertThat(r).containsEntry("failed", true).containsEntry("status", 404L)
                .containsEntry("msg", "Status code was 404 and not [200]: HTTP Error 404: Not Found");
        assertThat(ctx.run(module, Map.of("url", base + "/missing", "status_code", List.of(200, 404)))).doesNotContainKey("failed");
        assertThat(ctx.run(module, Map.of("url", base + "/missing", "status_code", 404))).doesNotContainKey("failed");
        assertThat(ctx.run(module, Map.of("url", base + "/health", "creates", dir.toString())))
                .containsEntry("stdout", "skipped, since '" + dir + "' exists");
        server.stop(0);
        Map<String, Object> down = ctx.run(module, Map.of("url", base + "/health", "timeout", 5));
        assertThat(down).containsEntry("status", -1L);
        assertThat((String) down.get("msg")).startsWith("Status code was -1 and not [200]: Request failed: curl: (7)");
    }
}
