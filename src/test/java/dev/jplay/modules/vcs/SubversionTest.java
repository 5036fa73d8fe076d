package dev.jplay.modules.vcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.LocalConnection;
import dev.jplay.modules.TestContext;
import dev.jplay.testing.CountingConnection;
import dev.jplay.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subversion module with the real svn on a {@code svnadmin create} repository in a temp dir (file:// URLs). The
 * expected results were recorded from ansible-playbook 2.14.18 running the same steps on the same repository layout:
 * the same before/after, messages and failed commands, and the same resulting trees.
 */
class SubversionTest {
    @TempDir
    Path dir;
    String url;
    final Subversion svn = new Subversion();

    @BeforeEach
    void setUp() throws Exception {
        Needs.executable("/usr/bin/svnadmin", "needs subversion (apt-get install subversion; ./test installs it)");
        url = "file://" + dir.resolve("repo");
        sh("svnadmin create repo && mkdir -p init/trunk init/branches && echo one > init/trunk/f && svn -q import init " + url + " -m 'initial import'"
                + " && svn -q co " + url + "/trunk seed && cd seed && echo two > f && echo g > g && svn -q add g && svn -q ci -m 'second rev'"
                + " && svn -q cp " + url + "/trunk " + url + "/branches/b1 -m 'a branch'");
    }

    private String sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private Map<String, Object> run(boolean check, String path, Object... kv) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("repo", url + path);
        for (int i = 0; i < kv.length; i += 2) args.put((String) kv[i], kv[i + 1]);
        CountingConnection c = new CountingConnection(new LocalConnection("localhost"));
        Map<String, Object> r = new TestContext(c).check(check).run(svn, args);
        assertThat(c.trips()).as("round trips (subversion's PERFORMANCE)").isEqualTo(1);
        return r;
    }

    private List<String> at(int rev, String path) {
        return List.of("Revision: " + rev, "URL: " + url + path);
    }

    @Test
    void checksOutUpdatesRevertsAndSwitchesAsAnsible() throws Exception {
        String wc = dir.resolve("wc").toString();
        Map<String, Object> first = run(false, "/trunk", "dest", wc, "revision", "1");
        assertThat(first).containsEntry("changed", true).containsEntry("before", null).containsEntry("after", at(1, "/trunk"));
        assertThat(Files.readString(Path.of(wc, "f"))).isEqualTo("one\n");
        assertThat(run(false, "/trunk", "dest", wc, "revision", "1")).containsEntry("changed", false).containsEntry("before", at(1, "/trunk"));
        assertThat(run(true, "/trunk", "dest", wc)).containsEntry("changed", true).containsEntry("before", "Revision: 1").containsEntry("after", "Revision: 3");
        assertThat(Files.readString(Path.of(wc, "f"))).isEqualTo("one\n");
        assertThat(run(false, "/trunk", "dest", wc)).containsEntry("changed", true).containsEntry("before", at(1, "/trunk"))
                .containsEntry("after", at(3, "/trunk"));
        Files.writeString(Path.of(wc, "f"), "mine\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(run(false, "/trunk", "dest", wc)).containsEntry("failed", true).containsEntry("msg", "ERROR: modified files exist in the repository.");
        assertThat(run(true, "/trunk", "dest", wc)).containsEntry("failed", true);
        assertThat(run(false, "/trunk", "dest", wc, "force", true)).containsEntry("changed", true).containsEntry("before", at(3, "/trunk"))
                .containsEntry("after", at(3, "/trunk"));
        assertThat(Files.readString(Path.of(wc, "f"))).isEqualTo("two\n");
        assertThat(run(false, "/branches/b1", "dest", wc)).containsEntry("changed", false).containsEntry("after", at(3, "/branches/b1"));
        assertThat(run(false, "/trunk", "dest", wc, "update", false)).containsOnlyKeys("changed").containsEntry("changed", false);
        Map<String, Object> gone = run(false, "/trunk", "dest", wc, "switch", false, "revision", "2");
        assertThat(gone).containsEntry("failed", true).containsEntry("rc", 1L).containsEntry("msg", "svn: E160005: Target path '/branches/b1' does not exist")
                .containsEntry("cmd", "/usr/bin/svn --non-interactive --no-auth-cache --trust-server-cert update -r 2 " + wc);
    }

    @Test
    void exportsInPlaceAndRemoteRevisionAsAnsible() throws Exception {
        String ex = dir.resolve("ex").toString();
        assertThat(run(false, "/trunk", "dest", ex, "export", true)).containsOnlyKeys("changed").containsEntry("changed", true);
        assertThat(Path.of(ex, ".svn")).doesNotExist();
        assertThat(Files.readString(Path.of(ex, "g"))).isEqualTo("g\n");
        Map<String, Object> again = run(false, "/trunk", "dest", ex, "export", true);
        assertThat(again).containsEntry("failed", true).containsEntry("rc", 1L)
                .containsEntry("cmd", "/usr/bin/svn --non-interactive --no-auth-cache --trust-server-cert export -r HEAD " + url + "/trunk " + ex)
                .containsEntry("msg", "svn: E155000: Destination directory exists; please remove the directory or use --force to overwrite\n"
                        + "svn: E155000: '" + ex + "' already exists");
        assertThat(run(false, "/trunk", "dest", ex, "export", true, "force", true)).containsEntry("changed", true);
        assertThat(run(false, "/trunk", "checkout", false, "update", false, "export", false)).containsEntry("changed", false)
                .containsEntry("after", "Revision: 3");
        assertThat(run(false, "/trunk", "dest", ex)).containsEntry("msg", "ERROR: " + ex + " folder already exists, but its not a subversion repository.");
        assertThat(run(false, "/trunk", "dest", ex, "in_place", true)).containsEntry("changed", true).containsEntry("before", null)
                .containsEntry("after", at(3, "/trunk"));
        assertThat(Path.of(ex, ".svn")).isDirectory();
        assertThat(run(false, "/trunk", "dest", dir.resolve("none").toString(), "checkout", false)).containsOnlyKeys("changed");
        assertThat(run(true, "/trunk", "dest", dir.resolve("n2").toString())).containsOnlyKeys("changed").containsEntry("changed", true);
        assertThat(dir.resolve("n2")).doesNotExist();
        assertThat(run(false, "/nosuch", "dest", dir.resolve("n2").toString())).containsEntry("failed", true)
                .containsEntry("msg", "svn: E170000: URL '" + url + "/nosuch' doesn't exist");
    }

    @Test
    void aPasswordGoesOnStdinNeverOnTheCommandLine() throws Exception {
        Path wrapper = dir.resolve("svn-wrapper");
        Files.writeString(wrapper, "#!/bin/sh\necho \"$*\" >> " + dir.resolve("argv") + "\ncase \"$*\" in *--password-from-stdin*) cat >> "
                + dir.resolve("stdin") + ";; esac\nexec /usr/bin/svn \"$@\" < /dev/null\n");
        wrapper.toFile().setExecutable(true);
        Map<String, Object> r = run(false, "/trunk", "dest", dir.resolve("wc").toString(), "username", "alice", "password", "s3cret",
                "executable", wrapper.toString(), "validate_certs", true);
        assertThat(r).containsEntry("changed", true);
        assertThat(Files.readString(dir.resolve("argv"))).doesNotContain("s3cret").contains("--non-interactive --no-auth-cache --username alice "
                + "--password-from-stdin checkout -r HEAD").doesNotContain("--trust-server-cert");
        assertThat(Files.readString(dir.resolve("stdin"))).startsWith("s3cret\n");
    }
}
