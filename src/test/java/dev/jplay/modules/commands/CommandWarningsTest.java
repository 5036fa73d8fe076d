package dev.jplay.modules.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** command's own warning is in the result's warnings (registered, shown by the output), as ansible-core 2.14's module.warn. */
class CommandWarningsTest {
    @Test
    void executableWithCommandIsAWarningInTheResult() throws Exception {
        TestContext c = TestContext.local();
        Map<String, Object> r = c.run(Command.command(), Map.of("_raw_params", "echo hi", "executable", "/bin/bash"));
        assertThat(r).containsEntry("stdout", "hi").containsEntry("warnings", List.of("As of Ansible 2.4, the parameter 'executable' is no "
                + "longer supported with the 'command' module. Not using '/bin/bash'."));
        assertThat(c.run(Command.shell(), Map.of("_raw_params", "echo hi", "executable", "/bin/bash"))).doesNotContainKey("warnings");
    }
}
