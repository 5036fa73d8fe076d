package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** yum_repository on a real directory: the files and results ansible-playbook 2.14 produced for the same steps. */
class YumRepositoryTest {
    @TempDir
    Path dir;
    final YumRepository repo = new YumRepository();

    private Map<String, Object> run(TestContext ctx, Object... kv) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("reposdir", dir.toString());
        for (int i = 0; i < kv.length; i += 2) args.put((String) kv[i], kv[i + 1]);
        return ctx.run(repo, args);
    }

    @Test
    void writesSectionsAsConfigparserAndIsIdempotent() throws Exception {
        Object[] epel = {"name", "epel", "description", "EPEL", "baseurl", List.of("http://a/x", "http://b/x"), "gpgcheck", true,
                "exclude", List.of("a", "b")};
        assertThat(run(TestContext.local().check(true), epel)).containsEntry("changed", true);
        Path file = dir.resolve("epel.repo");
        assertThat(file).doesNotExist();
        Map<String, Object> r = run(TestContext.local(), epel);
        assertThat(r).containsEntry("changed", true).containsEntry("repo", "epel").containsEntry("state", "present");
        assertThat(Files.readString(file)).isEqualTo("[epel]\nbaseurl = http://a/x\n\thttp://b/x\nexclude = a b\ngpgcheck = 1\nname = EPEL\n\n");
        assertThat(run(TestContext.local(), epel)).containsEntry("changed", false);
        Map<String, Object> other = run(TestContext.local(), "name", "other", "file", "epel", "description", "Other", "mirrorlist", "http://m",
                "enabled", false, "mode", "0600");
        assertThat(other).containsEntry("changed", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = (Map<String, Object>) other.get("diff");
        assertThat(diff).containsEntry("before_header", file.toString()).containsEntry("after",
                "[epel]\nbaseurl = http://a/x\nhttp://b/x\nexclude = a b\ngpgcheck = 1\nname = EPEL\n\n[other]\nenabled = 0\nmirrorlist = http://m\nname = Other\n\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(run(TestContext.local(), "name", "other", "file", "epel", "state", "absent")).containsEntry("changed", true);
        assertThat(run(TestContext.local(), "name", "epel", "state", "absent")).containsEntry("changed", true);
        assertThat(file).doesNotExist();
        assertThat(run(TestContext.local(), "name", "epel", "state", "absent")).containsEntry("changed", false);
    }

    @Test
    void failsAsAnsibleDoes() throws Exception {
        assertThat(run(TestContext.local(), "name", "x", "description", "X"))
                .containsEntry("msg", "Parameter 'baseurl', 'metalink' or 'mirrorlist' is required.");
        assertThat(run(TestContext.local(), "name", "x", "baseurl", List.of("http://x"))).containsEntry("msg", "Parameter 'description' is required.");
        assertThat(run(TestContext.local(), "name", "x", "description", "X", "baseurl", List.of("http://x"), "reposdir", dir.resolve("no").toString()))
                .containsEntry("msg", "Repo directory '" + dir.resolve("no") + "' does not exist.");
    }
}
