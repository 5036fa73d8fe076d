package dev.jplay.modules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ping as Ansible's: pong, its crash as a module traceback, and Python's discovery when Ansible's would run. */
class PingTest {
    @Test
    void crashFailsWithTheModulesTracebackAsAnsiblesPythonModuleDoes() throws Exception {
        Map<String, Object> r = TestContext.local().run(new Ping(), Map.of("data", "crash"));
        assertThat(r).containsEntry("failed", true).containsEntry("module_stdout", "").containsEntry("rc", 1)
                .containsEntry("msg", "MODULE FAILURE\nSee stdout/stderr for the exact error");
        assertThat(r.get("module_stderr")).asString().startsWith("Traceback (most recent call last):").endsWith("Exception: boom\n");
    }

    @Test
    void reportsTheDiscoveredPythonOnlyWhenTheInterpreterIsToBeDiscovered() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3 to be discovered");
        Map<String, Object> vars = Map.of("ansible_python_interpreter", "auto_legacy");
        TestContext auto = TestContext.local().evaluator(e -> vars.getOrDefault(e.substring(0, e.indexOf(' ')), ""));
        assertThat(auto.run(new Ping(), Map.of())).containsEntry("ping", "pong")
                .containsEntry("ansible_facts", Map.of("discovered_interpreter_python", "/usr/bin/python3"));
        Map<String, Object> set = Map.of("ansible_python_interpreter", "/usr/bin/python3");
        TestContext explicit = TestContext.local().evaluator(e -> set.getOrDefault(e.substring(0, e.indexOf(' ')), ""));
        assertThat(explicit.run(new Ping(), Map.of("data", "x"))).containsEntry("ping", "x").doesNotContainKey("ansible_facts");
    }
}
