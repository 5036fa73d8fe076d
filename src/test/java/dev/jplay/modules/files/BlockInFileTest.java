package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class BlockInFileTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> matchesAnsible() throws Exception {
        return AnsibleCases.load("blockinfile.json").stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> AnsibleCases.replay(new BlockInFile(), c, tmp)));
    }

    @Test
    void backupAndDiff() throws Exception {
        Path f = Files.writeString(tmp.resolve("hosts"), "127.0.0.1 localhost\n");
        Map<String, Object> r = TestContext.local().diff(true)
                .run(new BlockInFile(), Map.of("path", f.toString(), "block", "10.0.0.1 db", "backup", true));
        assertThat(r).containsEntry("changed", true).containsEntry("msg", "Block inserted");
        assertThat(Files.readString(Path.of((String) r.get("backup_file")))).isEqualTo("127.0.0.1 localhost\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> d = ((List<Map<String, Object>>) r.get("diff")).get(0);
        assertThat(d).containsEntry("before", "127.0.0.1 localhost\n")
                .containsEntry("after", "127.0.0.1 localhost\n# BEGIN ANSIBLE MANAGED BLOCK\n10.0.0.1 db\n# END ANSIBLE MANAGED BLOCK\n");
    }
}
