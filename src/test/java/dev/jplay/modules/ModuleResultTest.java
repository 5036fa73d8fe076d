package dev.jplay.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The result mechanism's stdout_lines/stderr_lines, split as Python's str.splitlines() splits them. */
class ModuleResultTest {
    @Test
    void outputLinesAreSplitAsPythonSplitlines() {
        assertThat(ModuleResult.splitLines("")).isEmpty();
        assertThat(ModuleResult.splitLines("a\r\nb\n")).containsExactly("a", "b");
        assertThat(ModuleResult.splitLines("a\n\nb")).containsExactly("a", "", "b");
        assertThat(ModuleResult.splitLines("a\r")).containsExactly("a");
        assertThat(ModuleResult.splitLines("a\u000bb\fc\u2028d")).containsExactly("a", "b", "c", "d");
    }

    @Test
    void withOutputLinesAddsTheLinesOnceForStringOutputs() {
        var r = ModuleResult.ok().put("stdout", "x\ny\n").put("stderr", "e").put("stderr_lines", List.of("kept")).withOutputLines().toMap();
        assertThat(r).containsEntry("stdout_lines", List.of("x", "y")).containsEntry("stderr_lines", List.of("kept"));
        assertThat(ModuleResult.ok().put("stdout", null).withOutputLines().toMap()).doesNotContainKey("stdout_lines");
    }
}
