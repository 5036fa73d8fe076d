package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts on a real file: add, idempotence, check and diff, replace a changed key, hashed entries, remove. */
class KnownHostsTest {
    private static final String K1 = "AAAAC3NzaC1lZDI1NTE5AAAAIC9yoQYlRZKv6pJg4tnsoW7bl7rFxr6bqh0tAhjcUm7s";
    private static final String K2 = "AAAAC3NzaC1lZDI1NTE5AAAAIJncqVb4gcLAQXvTRAx4kp5am+ZXl/4hpclIw+uItL+S";
    @TempDir
    Path dir;

    @Test
    void addsReplacesHashesAndRemoves() throws Exception {
        Path kh = dir.resolve("ssh/known_hosts");
        Map<String, Object> add = Map.of("name", "git.example.com", "key", "git.example.com ssh-ed25519 " + K1, "path", kh.toString());
        Map<String, Object> check = TestContext.local().check(true).diff(true).run(new KnownHosts(), add);
        assertThat(check).containsEntry("changed", true);
        assertThat(check.get("diff").toString()).contains("git.example.com ssh-ed25519 " + K1);
        assertThat(kh).doesNotExist();
        assertThat(TestContext.local().run(new KnownHosts(), add)).containsEntry("changed", true);
        assertThat(Files.readString(kh)).isEqualTo("git.example.com ssh-ed25519 " + K1 + "\n");
        assertThat(TestContext.local().run(new KnownHosts(), add)).containsEntry("changed", false);

        Files.writeString(kh, "other ssh-rsa AAAAB3\n" + Files.readString(kh));
        Map<String, Object> changedKey = Map.of("name", "git.example.com", "key", "git.example.com ssh-ed25519 " + K2, "path", kh.toString());
        assertThat(TestContext.local().run(new KnownHosts(), changedKey)).containsEntry("changed", true);
        assertThat(Files.readString(kh)).isEqualTo("other ssh-rsa AAAAB3\ngit.example.com ssh-ed25519 " + K2 + "\n");

        Map<String, Object> hashed = Map.of("name", "h2.example.com", "key", "h2.example.com ssh-ed25519 " + K1, "path", kh.toString(),
                "hash_host", true);
        assertThat(TestContext.local().run(new KnownHosts(), hashed)).containsEntry("changed", true);
        assertThat(Files.readString(kh)).contains("|1|").doesNotContain("h2.example.com");
        assertThat(TestContext.local().run(new KnownHosts(), hashed)).as("the hashed entry is recognised").containsEntry("changed", false);

        Map<String, Object> absent = Map.of("name", "h2.example.com", "state", "absent", "path", kh.toString());
        assertThat(TestContext.local().run(new KnownHosts(), absent)).containsEntry("changed", true);
        assertThat(Files.readString(kh)).doesNotContain("|1|");
        assertThat(TestContext.local().run(new KnownHosts(), absent)).containsEntry("changed", false);
    }

    @Test
    void theDiffIsAlwaysInTheResultWithTheFileAsHeaders() throws Exception {
        Path kh = Files.writeString(dir.resolve("known_hosts"), "other ssh-rsa AAAAB3\n");
        Map<String, Object> add = Map.of("name", "git.example.com", "key", "git.example.com ssh-ed25519 " + K1, "path", kh.toString());
        Map<String, Object> check = TestContext.local().check(true).run(new KnownHosts(), add);
        assertThat(check.get("diff")).isEqualTo(Map.of("before_header", kh.toString(), "after_header", kh.toString(),
                "before", "other ssh-rsa AAAAB3\n", "after", "other ssh-rsa AAAAB3\ngit.example.com ssh-ed25519 " + K1 + "\n"));
    }

    /** As known_hosts.py 2.14: check mode exits with changed and the diff only; a missing file's before header is /dev/null. */
    @Test
    void checkModeResultIsChangedAndDiffOnly() throws Exception {
        Path kh = dir.resolve("known_hosts");
        Map<String, Object> add = Map.of("name", "git.example.com", "key", "git.example.com ssh-ed25519 " + K1, "path", kh.toString());
        Map<String, Object> check = TestContext.local().check(true).run(new KnownHosts(), add);
        assertThat(check).containsOnlyKeys("changed", "diff").containsEntry("changed", true);
        assertThat(check.get("diff")).isEqualTo(Map.of("before_header", "/dev/null", "after_header", kh.toString(),
                "before", "", "after", "git.example.com ssh-ed25519 " + K1 + "\n"));
        assertThat(TestContext.local().run(new KnownHosts(), add)).containsKeys("name", "key", "path", "hash_host", "state");
    }

    @Test
    void absentWithAKeyRemovesOnlyThatKey() throws Exception {
        Path kh = Files.writeString(dir.resolve("known_hosts"), "a.example.com ssh-ed25519 " + K1 + "\n");
        Map<String, Object> other = Map.of("name", "a.example.com", "key", "a.example.com ssh-ed25519 " + K2, "state", "absent", "path", kh.toString());
        assertThat(TestContext.local().run(new KnownHosts(), other)).containsEntry("changed", false);
        Map<String, Object> same = Map.of("name", "a.example.com", "key", "a.example.com ssh-ed25519 " + K1, "state", "absent", "path", kh.toString());
        assertThat(TestContext.local().run(new KnownHosts(), same)).containsEntry("changed", true);
        assertThat(Files.readString(kh)).isEmpty();
    }

    @Test
    void hashHostReplacesAPlainEntry() throws Exception {
        Path kh = Files.writeString(dir.resolve("known_hosts"), "a.example.com ssh-ed25519 " + K1 + "\n");
        Map<String, Object> hashed = Map.of("name", "a.example.com", "key", "a.example.com ssh-ed25519 " + K1, "path", kh.toString(), "hash_host", true);
        assertThat(TestContext.local().run(new KnownHosts(), hashed)).containsEntry("changed", true);
        assertThat(Files.readString(kh)).startsWith("|1|").doesNotContain("a.example.com");
        assertThat(TestContext.local().run(new KnownHosts(), hashed)).containsEntry("changed", false);
    }

    /** As the known_hosts target: a plain key replaces the host's hashed entry (the host field differs), appended last. */
    @Test
    void aPlainKeyReplacesAHashedEntry() throws Exception {
        Path kh = Files.writeString(dir.resolve("known_hosts"), "a.example.com ssh-ed25519 " + K1 + "\nother ssh-rsa AAAAB3\n");
        Map<String, Object> hashed = Map.of("name", "a.example.com", "key", "a.example.com ssh-ed25519 " + K1, "path", kh.toString(), "hash_host", true);
        assertThat(TestContext.local().run(new KnownHosts(), hashed)).containsEntry("changed", true);
        Map<String, Object> plain = Map.of("name", "a.example.com", "key", "a.example.com ssh-ed25519 " + K1, "path", kh.toString());
        assertThat(TestContext.local().run(new KnownHosts(), plain)).containsEntry("changed", true);
        assertThat(Files.readString(kh)).isEqualTo("other ssh-rsa AAAAB3\na.example.com ssh-ed25519 " + K1 + "\n");
        assertThat(TestContext.local().run(new KnownHosts(), plain)).containsEntry("changed", false);
    }

    @Test
    void refusesAKeyForAnotherHost() throws Exception {
        assertThat(TestContext.local().run(new KnownHosts(), Map.of("name", "a.example.com,b.example.com", "key", "a.example.com ssh-ed25519 " + K1,
                "path", dir.resolve("kh").toString()))).containsEntry("msg", "Comma separated list of names is not supported. "
                        + "Please pass a single name to lookup in the known_hosts file.");
        assertThat(TestContext.local().run(new KnownHosts(), Map.of("name", "a.example.com", "key", "b.example.com ssh-ed25519 " + K1,
                "path", dir.resolve("kh").toString()))).containsEntry("failed", true);
    }
}
