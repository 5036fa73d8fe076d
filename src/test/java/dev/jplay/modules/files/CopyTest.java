package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.Secret;
import dev.jplay.modules.TestContext;
import dev.jplay.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyTest {
    @TempDir
    Path tmp;

    private final Copy copy = new Copy();

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void contentIsWrittenOnceThenUnchanged() throws Exception {
        Path dest = tmp.resolve("a.txt");
        Map<String, Object> args = Map.of("content", "hello\n", "dest", dest.toString(), "mode", "0640");
        TestContext ctx = TestContext.local();
        Map<String, Object> r = ctx.run(copy, args);
        assertThat(r).containsEntry("changed", true).containsEntry("mode", "0640")
                .containsEntry("checksum", "f572d396fae9206628714fb2ce00f72e94f2258f").containsEntry("state", "file")
                .containsEntry("size", 6L).containsEntry("dest", dest.toString());
        assertThat(Files.readString(dest)).isEqualTo("hello\n");
        assertThat(mode(dest)).isEqualTo("rw-r-----");
        assertThat(ctx.run(copy, args)).containsEntry("changed", false).containsEntry("mode", "0640");
    }

    @Test
    void checkModeAndDiffChangeNothing() throws Exception {
        Path dest = tmp.resolve("a.txt");
        Files.writeString(dest, "old\n");
        TestContext ctx = TestContext.local().check(true).diff(true);
        Map<String, Object> r = ctx.run(copy, Map.of("content", "new\n", "dest", dest.toString()));
        assertThat(r).containsEntry("changed", true);
        assertThat(Files.readString(dest)).isEqualTo("old\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = (Map<String, Object>) r.get("diff");
        assertThat(diff).containsEntry("before", "old\n").containsEntry("after", "new\n").containsEntry("before_header", dest.toString());
    }

    @Test
    void symbolicModeOnUnchangedFile() throws Exception {
        Path dest = tmp.resolve("a.txt");
        Files.writeString(dest, "x");
        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rw-rw-r--"));
        TestContext ctx = TestContext.local();
        Map<String, Object> args = Map.of("content", "x", "dest", dest.toString(), "mode", "u+x,g-w");
        assertThat(ctx.run(copy, args)).containsEntry("changed", true).containsEntry("mode", "0744");
        assertThat(mode(dest)).isEqualTo("rwxr--r--");
        assertThat(ctx.run(copy, args)).containsEntry("changed", false);
    }

    @Test
    void srcFileIntoDirectoryWithBackupAndValidate() throws Exception {
        Path ctl = tmp.resolve("ctl");
        Files.createDirectories(ctl.resolve("files"));
        Files.writeString(ctl.resolve("files/app.conf"), "v2\n");
        Path dir = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(dir.resolve("app.conf"), "v1\n");
        TestContext ctx = TestContext.local().controllerDir(ctl);
        Map<String, Object> args = Map.of("src", "app.conf", "dest", dir.toString(), "backup", true, "validate", "grep -q v %s");
        Map<String, Object> r = ctx.run(copy, args);
        assertThat(r).containsEntry("changed", true).containsEntry("dest", dir.resolve("app.conf").toString());
        assertThat(Files.readString(dir.resolve("app.conf"))).isEqualTo("v2\n");
        assertThat(Files.readString(Path.of((String) r.get("backup_file")))).isEqualTo("v1\n");
        assertThat(ctx.run(copy, args)).containsEntry("changed", false);
    }

    @Test
    void failedValidationLeavesDestAlone() throws Exception {
        Path dest = tmp.resolve("a.txt");
        Files.writeString(dest, "old\n");
        Map<String, Object> r = TestContext.local().run(copy, Map.of("content", "bad\n", "dest", dest.toString(), "validate", "grep -q good %s"));
        assertThat(r).containsEntry("failed", true).containsEntry("msg", "failed to validate");
        assertThat(Files.readString(dest)).isEqualTo("old\n");
        try (var s = Files.list(tmp)) {
            assertThat(s).hasSize(1);
        }
    }

    @Test
    void expectedChecksumIsVerified() throws Exception {
        Map<String, Object> r = TestContext.local().run(copy, Map.of("content", "x", "dest", tmp.resolve("f").toString(), "checksum", "00"));
        assertThat(r).containsEntry("failed", true).containsEntry("msg", "Copied file does not match the expected checksum. Transfer failed.");
        assertThat(tmp.resolve("f")).doesNotExist();
    }

    @Test
    void trailingSlashCreatesParents() throws Exception {
        Path ctl = Files.createDirectories(tmp.resolve("ctl/files"));
        Files.writeString(ctl.resolve("a.conf"), "a");
        Path dest = tmp.resolve("x/y/");
        TestContext ctx = TestContext.local().controllerDir(ctl.getParent());
        assertThat(ctx.run(copy, Map.of("src", "a.conf", "dest", dest + "/"))).containsEntry("changed", true)
                .containsEntry("dest", dest.resolve("a.conf").toString());
        assertThat(Files.readString(dest.resolve("a.conf"))).isEqualTo("a");
    }

    @Test
    void missingParentFailsUnlessTrailingSlash() throws Exception {
        Map<String, Object> r = TestContext.local().run(copy, Map.of("content", "x", "dest", tmp.resolve("no/a").toString()));
        assertThat(r).containsEntry("failed", true).containsEntry("msg", "Destination directory " + tmp.resolve("no") + " does not exist");
        // in check mode (an earlier task would have made the directory) it is a change, as in Ansible
        assertThat(TestContext.local().check(true).run(copy, Map.of("content", "x", "dest", tmp.resolve("no/a").toString())))
                .containsEntry("changed", true).doesNotContainKey("failed");
        assertThat(tmp.resolve("no")).doesNotExist();
    }

    @Test
    void directoryTreeWithAndWithoutTrailingSlash() throws Exception {
        Path ctl = tmp.resolve("ctl");
        Files.createDirectories(ctl.resolve("files/site/sub"));
        Files.writeString(ctl.resolve("files/site/index.html"), "<h1/>");
        Files.writeString(ctl.resolve("files/site/sub/a.css"), "a{}");
        Path dest = tmp.resolve("www");
        TestContext ctx = TestContext.local().controllerDir(ctl);
        Map<String, Object> args = Map.of("src", "site", "dest", dest + "/", "mode", "0600");
        assertThat(ctx.run(copy, args)).containsEntry("changed", true);
        assertThat(Files.readString(dest.resolve("site/sub/a.css"))).isEqualTo("a{}");
        assertThat(mode(dest.resolve("site/index.html"))).isEqualTo("rw-------");
        assertThat(ctx.run(copy, args)).containsEntry("changed", false);

        Files.writeString(dest.resolve("site/index.html"), "changed");
        assertThat(TestContext.local().controllerDir(ctl).check(true).run(copy, args)).containsEntry("changed", true);
        assertThat(Files.readString(dest.resolve("site/index.html"))).isEqualTo("changed");

        Path flat = tmp.resolve("flat");
        assertThat(ctx.run(copy, Map.of("src", "site/", "dest", flat.toString()))).containsEntry("changed", true);
        assertThat(Files.readString(flat.resolve("index.html"))).isEqualTo("<h1/>");
        assertThat(Files.exists(flat.resolve("site"))).isFalse();
    }

    @Test
    void remoteSrcFileAndForceNo() throws Exception {
        Path src = tmp.resolve("src.txt");
        Files.writeString(src, "remote\n");
        Path dest = tmp.resolve("dest.txt");
        TestContext ctx = TestContext.local();
        Map<String, Object> args = Map.of("src", src.toString(), "dest", dest.toString(), "remote_src", true);
        assertThat(ctx.run(copy, args)).containsEntry("changed", true);
        assertThat(Files.readString(dest)).isEqualTo("remote\n");
        assertThat(ctx.run(copy, args)).containsEntry("changed", false);
        Files.writeString(dest, "other");
        assertThat(ctx.run(copy, Map.of("content", "x", "dest", dest.toString(), "force", false)))
                .containsEntry("changed", false).containsEntry("msg", "file already exists");
        assertThat(Files.readString(dest)).isEqualTo("other");
    }

    @Test
    void vaultedSourceIsDecryptedUnlessDecryptIsFalse() throws Exception {
        // secrets.yml was encrypted by ansible-vault 2.14 (src/test/resources/compat/vault)
        Path vaulted = Path.of("src/test/resources/compat/vault/secrets.yml").toAbsolutePath();
        Vault vault = new Vault(List.of(new Vault.Id("default", Secret.of("compat-vault-pass"))));
        TestContext ctx = TestContext.local().vault(vault);
        Path dest = tmp.resolve("secrets.yml");
        Map<String, Object> args = Map.of("src", vaulted.toString(), "dest", dest.toString());
        assertThat(ctx.run(copy, args)).containsEntry("changed", true);
        assertThat(Files.readString(dest)).contains("db_password: \"s3cr3t-p\u00e4ss\"").doesNotContain("ANSIBLE_VAULT");
        assertThat(ctx.run(copy, args)).containsEntry("changed", false);

        Path raw = tmp.resolve("raw.yml");
        ctx.run(copy, Map.of("src", vaulted.toString(), "dest", raw.toString(), "decrypt", false));
        assertThat(Files.readString(raw)).isEqualTo(Files.readString(vaulted));

        Map<String, Object> failed = TestContext.local().run(copy, Map.of("src", vaulted.toString(), "dest", tmp.resolve("x").toString()));
        assertThat(failed).containsEntry("failed", true);
        assertThat((String) failed.get("msg")).startsWith("Attempting to decrypt but no vault secrets found");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
