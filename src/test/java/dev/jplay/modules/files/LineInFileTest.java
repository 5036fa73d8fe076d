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

    @Test
    void emptyRegexpOrSearchStringIsAWarningInTheResult() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "a\nb\n");
        Map<String, Object> r = TestContext.local().run(new LineInFile(), Map.of("path", f.toString(), "regexp", "", "line", "c"));
        assertThat(Files.readString(f)).isEqualTo("a\nc\n");
        assertThat(r).containsEntry("warnings", List.of("The regular expression is an empty string, which will match every line in the file. "
                + "This may have unintended consequences, such as replacing the last line in the file rather than appending. "
                + "If this is desired, use '^' to match every line in the file and avoid this warning."));
        r = TestContext.local().run(new LineInFile(), Map.of("path", f.toString(), "search_string", "", "line", "d"));
        assertThat(r).containsEntry("warnings", List.of("The search string is an empty string, which will match every line in the file. "
                + "This may have unintended consequences, such as replacing the last line in the file rather than appending."));
        assertThat(TestContext.local().run(new LineInFile(), Map.of("path", f.toString(), "line", "d"))).doesNotContainKey("warnings");
    }
}
