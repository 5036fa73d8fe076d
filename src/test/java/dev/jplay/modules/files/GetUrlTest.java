package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jplay.modules.TestContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetUrlTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>("v1\n");
    private final AtomicReference<String> auth = new AtomicReference<>();
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            int code = ex.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            ex.sendResponseHeaders(code, code == 404 ? -1 : b.length);
            if (code == 200) ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void downloadsOnlyWhenContentChanges() throws Exception {
        Path dest = tmp.resolve("tool.txt");
        Map<String, Object> args = Map.of("url", base + "/tool.txt", "dest", dest.toString(), "mode", "0600");
        assertThat(TestContext.local().check(true).run(new GetUrl(), args)).containsEntry("changed", true);
        assertThat(Files.exists(dest)).isFalse();
        Map<String, Object> r = TestContext.local().run(new GetUrl(), args);
        assertThat(r).containsEntry("changed", true).containsEntry("status_code", 200L).containsEntry("mode", "0600")
                .containsEntry("msg", "OK (3 bytes)").containsEntry("checksum_src", Texts.sha1("v1\n".getBytes()));
        assertThat(Files.readString(dest)).isEqualTo("v1\n");
        assertThat(TestContext.local().run(new GetUrl(), args)).containsEntry("changed", false);
        body.set("v2\n");
        assertThat(TestContext.local().run(new GetUrl(), args)).containsEntry("changed", true);
        assertThat(Files.readString(dest)).isEqualTo("v2\n");
        try (var s = Files.list(tmp)) {
            assertThat(s).hasSize(1);
        }
    }

    @Test
    void checksumIntoDirectoryWithAuth() throws Exception {
        String sha = Texts.digest("SHA-256", "v1\n".getBytes());
        Map<String, Object> args = Map.of("url", base + "/pkg.tgz?x=1", "dest", tmp.toString(), "checksum", "sha256:" + sha,
                "url_username", "u", "url_password", "s3cret", "force_basic_auth", true);
        Map<String, Object> r = TestContext.local().run(new GetUrl(), args);
        assertThat(r).containsEntry("changed", true).containsEntry("dest", tmp.resolve("pkg.tgz").toString());
        assertThat(auth.get()).isEqualTo("Basic dTpzM2NyZXQ=");
        body.set("v2\n");
        assertThat(TestContext.local().run(new GetUrl(), args)).containsEntry("changed", false).containsEntry("msg", "file already exists");
        Map<String, Object> bad = TestContext.local().run(new GetUrl(), Map.of("url", base + "/x", "dest", tmp.resolve("x").toString(),
                "checksum", "sha256:" + sha));
        assertThat(bad).containsEntry("failed", true);
        assertThat((String) bad.get("msg")).startsWith("The checksum for " + tmp.resolve("x") + " did not match sha256:" + sha);
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    }

    @Test
    void aMissingDirectoryFailsAlsoInCheckMode() throws Exception {
        Map<String, Object> args = Map.of("url", base + "/tool.txt", "dest", tmp.resolve("no/tool.txt").toString());
        for (boolean check : new boolean[] {true, false}) {
            assertThat(TestContext.local().check(check).run(new GetUrl(), args)).containsEntry("failed", true)
                    .containsEntry("msg", "Destination " + tmp.resolve("no") + " does not exist");
        }
        assertThat(tmp.resolve("no")).doesNotExist();
    }

    @Test
    void httpErrorFails() throws Exception {
        Map<String, Object> r = TestContext.local().run(new GetUrl(), Map.of("url", base + "/missing", "dest", tmp.resolve("m").toString()));
        assertThat(r).containsEntry("failed", true).containsEntry("msg", "Request failed").containsEntry("status_code", 404L);
        try (var s = Files.list(tmp)) {
            assertThat(s).isEmpty();
        }
    }
}
