package dev.jplay.modules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jplay.modules.TestContext;
import dev.jplay.testing.Needs;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rpm_key with the real rpm and gpg of this machine (Debian's rpm package), on an rpm database in a temp dir
 * ({@code rpm --dbpath}): keys imported, found and erased by rpm itself. Messages as ansible-core 2.14's module words
 * them.
 */
class RpmKeyTest {
    static final String KEY1_ID = "911EAF521848E0A8";
    static final String KEY1_FPR = "62FC897A34C306966FB32E33911EAF521848E0A8";

    @TempDir
    Path dir;
    Path db;
    RpmKey module;
    Path key1;

    @BeforeEach
    void setUp() throws Exception {
        Needs.executable("/usr/bin/rpm", "needs rpm (apt-get install rpm; ./test installs it)");
        Needs.executable("/usr/bin/gpg", "needs gpg");
        db = Files.createDirectories(dir.resolve("db"));
        Process p = new ProcessBuilder("rpm", "--dbpath", db.toString(), "--initdb").inheritIO().start();
        assertThat(p.waitFor()).isZero();
        module = new RpmKey(db.toString());
        key1 = dir.resolve("key1.asc");
        Files.writeString(key1, resource("key1.asc"));
    }

    static String resource(String name) throws Exception {
        try (InputStream in = RpmKeyTest.class.getResourceAsStream("/modules/rpm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    TestContext ctx() throws Exception {
        return TestContext.local().environment(Map.of("GNUPGHOME", Files.createDirectories(dir.resolve("gnupg")).toString()));
    }

    String keys() throws Exception {
        Process p = new ProcessBuilder("rpm", "--dbpath", db.toString(), "-q", "gpg-pubkey").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    @Test
    void importsFromFileOnceAndCheckModeChangesNothing() throws Exception {
        assertThat(ctx().check(true).run(module, Map.of("key", key1.toString()))).containsEntry("changed", true);
        assertThat(keys()).isEqualTo("package gpg-pubkey is not installed");
        assertThat(ctx().run(module, Map.of("key", key1.toString()))).containsEntry("changed", true).doesNotContainKey("failed");
        assertThat(keys()).startsWith("gpg-pubkey-1848e0a8-");
        assertThat(ctx().run(module, Map.of("key", key1.toString()))).containsEntry("changed", false);
        assertThat(ctx().run(module, Map.of("key", "1848E0A8"))).containsEntry("changed", false);
    }

    @Test
    void removesByIdShortOrLong() throws Exception {
        ctx().run(module, Map.of("key", key1.toString()));
        assertThat(ctx().check(true).run(module, Map.of("key", "0x" + KEY1_ID.toLowerCase(), "state", "absent"))).containsEntry("changed", true);
        assertThat(keys()).startsWith("gpg-pubkey-1848e0a8-");
        assertThat(ctx().run(module, Map.of("key", "1848e0a8", "state", "absent"))).containsEntry("changed", true);
        assertThat(keys()).isEqualTo("package gpg-pubkey is not installed");
        assertThat(ctx().run(module, Map.of("key", KEY1_ID, "state", "absent"))).containsEntry("changed", false);
        assertThat(ctx().run(module, Map.of("key", key1.toString(), "state", "absent"))).containsEntry("changed", false);
    }

    @Test
    void fingerprintIsCheckedBeforeImport() throws Exception {
        Map<String, Object> bad = ctx().run(module, Map.of("key", key1.toString(), "fingerprint", "0000 1111"));
        assertThat(bad).containsEntry("failed", true).containsEntry("msg",
                "The specified fingerprint, '00001111', does not match the key fingerprint '" + KEY1_FPR + "'");
        assertThat(keys()).isEqualTo("package gpg-pubkey is not installed");
        String spaced = KEY1_FPR.toLowerCase().replaceAll("(.{4})", "$1 ");
        assertThat(ctx().run(module, Map.of("key", key1.toString(), "fingerprint", spaced))).containsEntry("changed", true);
    }

    @Test
    void keyTextAndSecondKeyLeaveTheFirst() throws Exception {
        ctx().run(module, Map.of("key", key1.toString()));
        assertThat(ctx().run(module, Map.of("key", resource("key2.asc")))).containsEntry("changed", true);
        assertThat(keys()).contains("gpg-pubkey-1848e0a8-").contains("gpg-pubkey-0da436d4-");
        assertThat(ctx().run(module, Map.of("key", resource("key2.asc")))).containsEntry("changed", false);
        assertThat(ctx().run(module, Map.of("key", "0DA436D4", "state", "absent"))).containsEntry("changed", true);
        assertThat(keys()).startsWith("gpg-pubkey-1848e0a8-").doesNotContain("0da436d4");
    }

    @Test
    void fetchesUrls() throws Exception {
        Needs.executable("/usr/bin/curl", "needs curl");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            byte[] body = x.getRequestURI().getPath().equals("/key1.asc") ? Files.readAllBytes(key1) : "<html>not a key</html>".getBytes();
            x.sendResponseHeaders(x.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(ctx().run(module, Map.of("key", base + "/key1.asc"))).containsEntry("changed", true);
            assertThat(ctx().run(module, Map.of("key", base + "/key1.asc"))).containsEntry("changed", false);
            assertThat(ctx().run(module, Map.of("key", base + "/page.html"))).containsEntry("failed", true)
                    .containsEntry("msg", "Not a public key: " + base + "/page.html");
            assertThat((String) ctx().run(module, Map.of("key", base + "/missing")).get("msg"))
                    .startsWith("failed to fetch key at " + base + "/missing , error was: ").contains("404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesWhatIsNotAKey() throws Exception {
        assertThat(ctx().run(module, Map.of("key", dir.resolve("nothing").toString()))).containsEntry("failed", true)
                .containsEntry("msg", "Not a valid key " + dir.resolve("nothing"));
        assertThat(ctx().run(module, Map.of("key", "DEADBEEF"))).containsEntry("failed", true)
                .containsEntry("msg", "When importing a key, a valid file must be given");
        Path junk = Files.writeString(dir.resolve("junk.txt"), "hello\n");
        assertThat((String) ctx().run(module, Map.of("key", junk.toString())).get("msg")).contains("no valid OpenPGP data found");
    }

    @Test
    void readsKeysLikeAnsible() {
        assertThat(RpmKey.kind("https://example.org/RPM-GPG-KEY")).isEqualTo("url");
        assertThat(RpmKey.kind("0xDEADB33F")).isEqualTo("id");
        assertThat(RpmKey.kind("deadb33f")).isEqualTo("id");
        assertThat(RpmKey.kind("/etc/pki/rpm-gpg/RPM-GPG-KEY")).isEqualTo("path");
        assertThat(RpmKey.kind("-----BEGIN PGP PUBLIC KEY BLOCK-----\nx\n-----END PGP PUBLIC KEY BLOCK-----\n")).isEqualTo("text");
    }
}
