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

class LineInFileTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> matchesAnsible() throws Exception {
        return AnsibleCases.load("lineinfile.json").stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> AnsibleCases.replay(new LineInFile(), c, tmp)));
    }

    @Test
    void diffShowsContentAndAttributes() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "a\n");
        Map<String, Object> r = TestContext.local().diff(true).run(new LineInFile(), Map.of("path", f.toString(), "line", "b"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> diff = (List<Map<String, Object>>) r.get("diff");
        assertThat(diff.get(0)).containsEntry("before", "a\n").containsEntry("after", "a\nb\n")
                .containsEntry("before_header", f + " (content)");
        assertThat(diff.get(1)).containsEntry("before_header", f + " (file attributes)");
        assertThat(r).containsEntry("backup", "");
    }

    @Test
    void modeChangeIsReportedWithLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "a\n");
        Map<String, Object> r = TestContext.local().run(new LineInFile(), Map.of("path", f.toString(), "line", "b", "mode", "0600"));
        assertThat(r).containsEntry("msg", "line added and ownership, perms or SE linux context changed");
        assertThat(Files.getPosixFilePermissions(f)).hasSize(2);
    }
}
