package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code jplay doc}: pages from the module specs, the list, snippets, and a helpful miss. */
class DocCommandTest {
    private final Path cwd = Path.of("").toAbsolutePath();

    @Test
    void showsAModulePageByShortOrFullName() throws Exception {
        JplayProcess.Run r = JplayProcess.run(cwd, "doc", "ansible.builtin.command");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("> ANSIBLE.BUILTIN.COMMAND\n")
                .contains("OPTIONS (= is mandatory):", "- chdir\n        Change into this directory first.\n        type: path",
                        "EXAMPLES:", "RETURN VALUES:", "- rc\n");
    }

    @Test
    void listsModulesAndWritesSnippets() throws Exception {
        assertThat(JplayProcess.run(cwd, "doc", "-l").out()).contains("ansible.builtin.shell ").contains("Execute shell commands on targets");
        assertThat(JplayProcess.run(cwd, "doc", "-s", "shell").out()).startsWith("- name: Execute shell commands on targets\n  ansible.builtin.shell:\n");
    }

    @Test
    void suggestsTheModuleMeant() throws Exception {
        JplayProcess.Run r = JplayProcess.run(cwd, "doc", "shel");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ERROR! module shel not found; did you mean shell?");
    }
}
