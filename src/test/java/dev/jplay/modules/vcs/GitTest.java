package dev.jplay.modules.vcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.LocalConnection;
import dev.jplay.modules.TestContext;
import dev.jplay.testing.CountingConnection;
import dev.jplay.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git module with the real git on real repositories in a temp dir (results compared with ansible-playbook 2.14's
 * on the same steps: clone, no-op, version switch with diff, check mode, local modifications, shallow/bare clones).
 */
class GitTest {
    @TempDir
    Path dir;
    Path src;
    final Git git = new Git();

    @BeforeEach
    void setUp() throws Exception {
        Needs.executable("/usr/bin/git", "needs git (apt-get install git; ./test installs it)");
        src = dir.resolve("src");
        sh("git init -q -b main src && cd src && git config user.email a@b && git config user.name a && echo one > f && git add f"
                + " && git commit -qm one && git tag v1 && git checkout -qb feature && echo feat > g && git add g && git commit -qm feat"
                + " && git checkout -q main && echo two > f && git commit -qam two");
    }

    private String sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private Map<String, Object> run(TestContext ctx, Object... kv) throws Exception {
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        args.put("repo", src.toString());
        for (int i = 0; i < kv.length; i += 2) args.put((String) kv[i], kv[i + 1]);
        return ctx.run(git, args);
    }

    @Test
    void eachRunTakesOneRoundTrip() throws Exception {
        String dest = dir.resolve("one").toString();
        for (boolean check : new boolean[] {true, false, false}) {
            CountingConnection c = new CountingConnection(new LocalConnection("localhost"));
            assertThat(run(new TestContext(c).check(check).diff(true), "dest", dest)).doesNotContainKey("failed");
            assertThat(c.trips()).as("round trips (git's PERFORMANCE), check=%s", check).isEqualTo(1);
        }
    }

    @Test
    void clonesThenIsUnchangedThenSwitchesVersionWithADiff() throws Exception {
        String dest = dir.resolve("w/c").toString();
        String head = sh("git -C src rev-parse HEAD");
        Map<String, Object> r = run(TestContext.local(), "dest", dest);
        assertThat(r).containsEntry("changed", true).containsEntry("before", null).containsEntry("after", head);
        assertThat(Files.readString(Path.of(dest, "f"))).isEqualTo("two\n");
        assertThat(run(TestContext.local(), "dest", dest)).containsEntry("changed", false).containsEntry("before", head)
                .containsEntry("after", head).containsEntry("remote_url_changed", false);
        Map<String, Object> v1 = run(TestContext.local().diff(true), "dest", dest, "version", "v1");
        assertThat(v1).containsEntry("changed", true).containsEntry("before", head);
        assertThat(v1.get("diff")).isEqualTo(Map.of("prepared", "diff --git a/f b/f\nindex f719efd..5626abf 100644\n--- a/f\n+++ b/f\n"
                + "@@ -1 +1 @@\n-two\n+one\n"));
        assertThat(Files.readString(Path.of(dest, "f"))).isEqualTo("one\n");
        assertThat(run(TestContext.local(), "dest", dest, "version", "v1")).containsEntry("changed", false);
    }

    @Test
    void checkModeReportsTheRemoteHeadAndTouchesNothing() throws Exception {
        String dest = dir.resolve("c").toString();
        String head = sh("git -C src rev-parse HEAD");
        Map<String, Object> r = run(TestContext.local().check(true).diff(true), "dest", dest);
        assertThat(r).containsEntry("changed", true).containsEntry("after", head)
                .containsEntry("diff", Map.of("prepared", ">> Newly checked out " + head));
        assertThat(Path.of(dest)).doesNotExist();
        run(TestContext.local(), "dest", dest);
        sh("cd src && echo three > f && git commit -qam three");
        String three = sh("git -C src rev-parse HEAD");
        assertThat(run(TestContext.local().check(true), "dest", dest)).containsEntry("changed", true).containsEntry("before", head)
                .containsEntry("after", three);
        assertThat(Files.readString(Path.of(dest, "f"))).isEqualTo("two\n");
        assertThat(run(TestContext.local(), "dest", dest)).containsEntry("changed", true).containsEntry("after", three);
        assertThat(Files.readString(Path.of(dest, "f"))).isEqualTo("three\n");
    }

    @Test
    void localModificationsFailUnlessForced() throws Exception {
        String dest = dir.resolve("c").toString();
        run(TestContext.local(), "dest", dest);
        Files.writeString(Path.of(dest, "f"), "mine\n");
        Files.writeString(Path.of(dest, "untracked"), "x");
        Map<String, Object> r = run(TestContext.local(), "dest", dest);
        assertThat(r).containsEntry("failed", true).containsEntry("changed", false)
                .containsEntry("msg", "Local modifications exist in the destination: " + dest + " (force=no).").containsKey("before");
        Map<String, Object> forced = run(TestContext.local(), "dest", dest, "force", true);
        assertThat(forced).containsEntry("changed", true).containsEntry("msg", "Local modifications exist in the destination: " + dest);
        assertThat(Files.readString(Path.of(dest, "f"))).isEqualTo("two\n");
        assertThat(Path.of(dest, "untracked")).exists();
    }

    @Test
    void shallowBranchBareAndFailures() throws Exception {
        String shallow = dir.resolve("s").toString();
        assertThat(run(TestContext.local(), "dest", shallow, "version", "feature", "depth", 1L)).containsEntry("changed", true);
        assertThat(sh("git -C s rev-list --count HEAD")).isEqualTo("1");
        assertThat(Path.of(shallow, "g")).exists();
        assertThat(run(TestContext.local(), "dest", shallow, "version", "feature", "depth", 1L)).containsEntry("changed", false);
        String bare = dir.resolve("b.git").toString();
        assertThat(run(TestContext.local(), "dest", bare, "bare", true)).containsEntry("changed", true);
        assertThat(Path.of(bare, "HEAD")).exists();
        assertThat(run(TestContext.local(), "dest", bare, "bare", true)).containsEntry("changed", false);
        Map<String, Object> bad = run(TestContext.local(), "dest", dir.resolve("n").toString(), "version", "nosuch");
        assertThat(bad).containsEntry("failed", true).containsEntry("msg", "Failed to checkout nosuch").containsEntry("rc", 1L)
                .containsEntry("stderr", "error: pathspec 'nosuch' did not match any file(s) known to git\n");
        String sha = sh("git -C src rev-parse v1");
        Map<String, Object> warned = run(TestContext.local(), "dest", dir.resolve("d").toString(), "version", sha, "depth", 1L);
        assertThat(warned).containsEntry("changed", true).containsEntry("after", sha).containsEntry("warnings",
                List.of("Ignoring depth argument. Shallow clones are only available for HEAD, branches, tags or in combination with refspec."));
    }

    @Test
    void archiveIsReplacedOnlyWhenItsContentChanges() throws Exception {
        String dest = dir.resolve("c").toString();
        String tar = dir.resolve("a.tar").toString();
        assertThat(run(TestContext.local(), "dest", dest, "archive", tar)).containsEntry("changed", true);
        assertThat(sh("tar tf a.tar")).contains("f");
        assertThat(run(TestContext.local(), "dest", dest, "archive", tar)).containsEntry("changed", false);
        assertThat(run(TestContext.local(), "dest", dest, "archive", dir.resolve("a.rar").toString()))
                .containsEntry("msg", "Unable to get file extension from archive file name : " + dir.resolve("a.rar"));
    }
}
