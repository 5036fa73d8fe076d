package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ReplaceTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> matchesAnsible() throws Exception {
        return AnsibleCases.load("replace.json").stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> AnsibleCases.replay(new Replace(), c, tmp)));
    }

    @Test
    void diffIsHeadedByPath() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "a\n");
        Map<String, Object> r = TestContext.local().diff(true).run(new Replace(), Map.of("path", f.toString(), "regexp", "a", "replace", "b"));
        assertThat(r.get("diff")).isEqualTo(Map.of("before", "a\n", "after", "b\n", "before_header", f.toString(), "after_header", f.toString()));
    }
}
