package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurpFetchTempTest {
    @TempDir
    Path tmp;

    @Test
    void slurpEncodesBase64() throws Exception {
        Path f = Files.write(tmp.resolve("bin"), new byte[] {0, 1, 2, (byte) 255});
        Map<String, Object> r = TestContext.local().run(new Slurp(), Map.of("src", f.toString()));
        assertThat(r).containsEntry("changed", false).containsEntry("encoding", "base64").containsEntry("source", f.toString());
        assertThat(Base64.getDecoder().decode((String) r.get("content"))).containsExactly(0, 1, 2, 255);
        assertThat(TestContext.local().run(new Slurp(), Map.of("src", tmp.resolve("x").toString())))
                .containsEntry("failed", true).containsEntry("msg", "file not found: " + tmp.resolve("x"));
    }

    /** The messages of ansible-core 2.14's slurp for each error open() meets (a path through a file, a directory, no access). */
    @Test
    void slurpSaysWhyItCouldNotRead() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "x");
        assertThat(TestContext.local().run(new Slurp(), Map.of("src", tmp.toString())))
                .containsEntry("msg", "source is a directory and must be a file: " + tmp);
        assertThat(TestContext.local().run(new Slurp(), Map.of("src", f + "/x")))
                .containsEntry("msg", "unable to slurp file: [Errno 20] Not a directory: '" + f + "/x'");
        // what a user without access to the file or a directory above it gets (root reads everything here)
        assertThat(Slurp.failure("/d/f", "cat: /d/f: Permission denied\n")).isEqualTo("file is not readable: /d/f");
    }

    @Test
    void fetchIntoHostDirThenUnchanged() throws Exception {
        Path src = Files.writeString(tmp.resolve("remote.conf"), "data\n");
        Path dest = tmp.resolve("fetched");
        Map<String, Object> args = Map.of("src", src.toString(), "dest", dest.toString());
        Map<String, Object> check = TestContext.local().check(true).run(new Fetch(), args);
        assertThat(check).containsEntry("changed", true);
        Path expected = Path.of(dest + "/localhost/" + src);
        assertThat(Files.exists(expected)).isFalse();
        Map<String, Object> r = TestContext.local().run(new Fetch(), args);
        assertThat(r).containsEntry("changed", true).containsEntry("dest", expected.toString())
                .containsEntry("checksum", Texts.sha1("data\n".getBytes()));
        assertThat(Files.readString(expected)).isEqualTo("data\n");
        assertThat(TestContext.local().run(new Fetch(), args)).containsEntry("changed", false);

        Map<String, Object> flat = TestContext.local().run(new Fetch(), Map.of("src", src.toString(), "dest", dest + "/", "flat", true));
        assertThat(flat).containsEntry("dest", dest.resolve("remote.conf").toString());
        assertThat(TestContext.local().run(new Fetch(), Map.of("src", tmp.resolve("none").toString(), "dest", dest.toString(),
                "fail_on_missing", false))).containsEntry("changed", false)
                .containsEntry("msg", "the remote file does not exist, not transferring, ignored");
    }

    @Test
    void tempfileCreatesUniquePaths() throws Exception {
        Map<String, Object> args = Map.of("path", tmp.toString(), "state", "directory", "suffix", ".build");
        Map<String, Object> r = TestContext.local().run(new TempFile(), args);
        Path p = Path.of((String) r.get("path"));
        assertThat(r).containsEntry("changed", true).containsEntry("state", "directory").containsEntry("mode", "0700");
        assertThat(Files.isDirectory(p)).isTrue();
        assertThat(p.getFileName().toString()).startsWith("ansible.").endsWith(".build");
        assertThat(TestContext.local().run(new TempFile(), args).get("path")).isNotEqualTo(r.get("path"));
        try (var s = Files.list(tmp)) {
            long before = s.count();
            TestContext.local().check(true).run(new TempFile(), args);
            try (var s2 = Files.list(tmp)) {
                assertThat(s2.count()).isEqualTo(before);
            }
        }
    }
}
