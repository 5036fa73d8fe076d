package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.modules.TestContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic modes against Ansible's own {@code _symbolic_mode_to_octal} (recorded with umask 022). */
class ModesTest {
    @Test
    void symbolicModesMatchAnsible() throws Exception {
        for (Map<String, Object> c : AnsibleCases.load("symbolic_modes.json")) {
            int current = Integer.parseInt((String) c.get("current"), 8);
            int got = Modes.resolve(c.get("mode"), current, (Boolean) c.get("dir"));
            assertThat(Modes.octal(got)).as(c.get("mode") + " on " + c.get("current")).isEqualTo(c.get("expected"));
        }
    }

    @Test
    void octalForms() {
        assertThat(Modes.resolve(420L, 0, false)).isEqualTo(0644);
        assertThat(Modes.resolve("0750", 0, false)).isEqualTo(0750);
        assertThat(Modes.resolve("644", 0, false)).isEqualTo(0644);
        assertThatThrownBy(() -> Modes.resolve("rw-r--r--", 0644, false)).hasMessage("mode must be in octal or symbolic form");
    }

    @Test
    void invalidModeFailsTheTask(@TempDir Path tmp) throws Exception {
        assertThat(TestContext.local().run(new Copy(), Map.of("content", "x", "dest", tmp.resolve("f").toString(), "mode", "bogus")))
                .containsEntry("failed", true).containsEntry("msg", "mode must be in octal or symbolic form");
    }
}
