package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected lists were recorded with ansible 2.14 ({@code ansible localhost -m find}) on the same tree. */
class FindTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void tree() throws Exception {
        Files.createDirectories(tmp.resolve("sub/.hid"));
        Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(tmp.resolve("logs/a.log"), "error: x\n");
        Files.writeString(tmp.resolve("logs/b.log"), "ok\n");
        Files.writeString(tmp.resolve(".hidden.log"), "z\n");
        Files.writeString(tmp.resolve("sub/c.txt"), "q\n");
        Files.writeString(tmp.resolve("sub/.hid/d.log"), "r\n");
        Files.createSymbolicLink(tmp.resolve("link.log"), Path.of("logs/a.log"));
    }

    @SuppressWarnings("unchecked")
    private List<String> find(Map<String, Object> extra, long examined) throws Exception {
        Map<String, Object> args = new java.util.LinkedHashMap<>(extra);
        args.put("paths", tmp.toString());
        Map<String, Object> r = TestContext.local().run(new Find(), args);
        assertThat(r).containsEntry("changed", false).containsEntry("examined", examined).containsEntry("msg", "All paths examined");
        List<Map<String, Object>> files = (List<Map<String, Object>>) r.get("files");
        assertThat(r.get("matched")).isEqualTo((long) files.size());
        return files.stream().map(f -> tmp.relativize(Path.of((String) f.get("path"))).toString()).sorted().toList();
    }

    /** A path that is not a directory is skipped with a warning in the result (Ansible's module.warn), as 2.14 registers it. */
    @Test
    void notADirectoryWarnsInTheResult() throws Exception {
        String p = tmp.resolve("logs/a.log").toString();
        Map<String, Object> r = TestContext.local().run(new Find(), Map.of("paths", p));
        assertThat(r).containsEntry("msg", "Not all paths examined, check warnings for details")
                .containsEntry("warnings", List.of("Skipped '" + p + "' path due to this access issue: '" + p + "' is not a directory\n"));
    }

    /** Ansible's walk looks at (examines) the entries one level below depth without matching them. */
    @Test
    void depthExaminesOneLevelMore() throws Exception {
        assertThat(find(Map.of("recurse", true, "depth", 1, "file_type", "any"), 8)).containsExactly("link.log", "logs", "sub");
        assertThat(find(Map.of("recurse", true, "depth", 2, "file_type", "any"), 9)).containsExactly("link.log", "logs", "logs/a.log",
                "logs/b.log", "sub", "sub/c.txt");
    }

    @Test
    void globsHiddenAndRecurse() throws Exception {
        assertThat(find(Map.of("patterns", "*.log", "recurse", true), 9)).containsExactly("logs/a.log", "logs/b.log", "sub/.hid/d.log");
        assertThat(find(Map.of("patterns", "*.log", "recurse", true, "hidden", true), 9))
                .containsExactly(".hidden.log", "logs/a.log", "logs/b.log", "sub/.hid/d.log");
        assertThat(find(Map.of("patterns", List.of("*.log", "*.txt"), "excludes", "b*", "recurse", true), 9))
                .containsExactly("logs/a.log", "sub/.hid/d.log", "sub/c.txt");
    }

    @Test
    void typesRegexAndContains() throws Exception {
        assertThat(find(Map.of("contains", "error", "recurse", true), 9)).containsExactly("logs/a.log");
        assertThat(find(Map.of("file_type", "directory", "recurse", true), 9)).containsExactly("logs", "sub");
        assertThat(find(Map.of("patterns", "^[ab]\\.", "use_regex", true, "recurse", true), 9)).containsExactly("logs/a.log", "logs/b.log");
        assertThat(find(Map.of("file_type", "any"), 4)).containsExactly("link.log", "logs", "sub");
        assertThat(find(Map.of("file_type", "link", "patterns", "*.log"), 4)).containsExactly("link.log");
    }

    @Test
    void statKeysAndChecksum() throws Exception {
        Map<String, Object> r = TestContext.local().run(new Find(), Map.of("paths", tmp.resolve("logs").toString(), "patterns", "a.log",
                "get_checksum", true));
        @SuppressWarnings("unchecked")
        Map<String, Object> f = ((List<Map<String, Object>>) r.get("files")).get(0);
        assertThat(f).containsEntry("isreg", true).containsEntry("size", 9L).containsEntry("checksum", Texts.sha1("error: x\n".getBytes()));
        Path a = tmp.resolve("logs/a.log");
        assertThat(f).containsEntry("inode", ((Number) Files.getAttribute(a, "unix:ino")).longValue())
                .containsEntry("nlink", ((Number) Files.getAttribute(a, "unix:nlink")).longValue())
                .containsEntry("dev", ((Number) Files.getAttribute(a, "unix:dev")).longValue())
                .containsEntry("uid", ((Number) Files.getAttribute(a, "unix:uid")).longValue());
        assertThat((Double) f.get("mtime")).isCloseTo(Files.getLastModifiedTime(a).toMillis() / 1000.0, within(0.01));

        // find and stat describe a file with the same keys and values (one parser serves both); not atime: find's
        // checksum read the file after listing it
        @SuppressWarnings("unchecked")
        Map<String, Object> st = (Map<String, Object>) TestContext.local().run(new Stat(), Map.of("path", a.toString())).get("stat");
        for (String k : List.of("path", "mode", "isdir", "isreg", "islnk", "uid", "gid", "size", "inode", "dev", "nlink",
                "mtime", "ctime", "pw_name", "gr_name", "rusr", "wgrp", "xoth")) {
            assertThat(f.get(k)).as(k).isEqualTo(st.get(k));
        }
    }
}
