package dev.jplay.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jplay.modules.external.ExternalModules;
import dev.jplay.testing.JplayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drop-in modules: the example motd module, a WANT_JSON module, and a module that prints garbage. */
class ExternalModuleTest {
    @TempDir
    Path dir;

    private Module module(String name) {
        return new ModuleRegistry(ExternalModules.scan(List.of(Path.of("modules").toAbsolutePath(), dir))).find(name);
    }

    private ModuleResult run(TestContext ctx, Module m, Map<String, Object> args) throws Exception {
        return m.run(new ModuleArgs(args), ctx);
    }

    @Test
    void theExampleModuleIsIdempotentAndHonoursCheckAndDiff() throws Exception {
        Module motd = module("motd");
        assertThat(motd.spec().shortDescription()).isEqualTo("Set the message of the day (/etc/motd)");
        Path f = dir.resolve("motd");
        Map<String, Object> args = Map.of("text", "it's \"quoted\" $HOME", "path", f.toString());
        ModuleResult checked = run(TestContext.local().check(true), motd, args);
        assertThat(checked.isChanged()).isTrue();
        assertThat(f).doesNotExist();
        ModuleResult first = run(TestContext.local().diff(true), motd, args);
        assertThat(first.isChanged()).isTrue();
        assertThat(Files.readString(f)).isEqualTo("it's \"quoted\" $HOME\n");
        assertThat(first.toMap().get("diff")).isEqualTo(Map.of("before", "", "after", "it's \"quoted\" $HOME\n",
                "before_header", f.toString(), "after_header", f.toString()));
        assertThat(run(TestContext.local(), motd, args).isChanged()).isFalse();
    }

    @Test
    void wantJsonModulesGetJsonArguments() throws Exception {
        Path m = Files.writeString(dir.resolve("echoargs.py"), "#!/usr/bin/env python3\n# WANT_JSON\nimport json, sys\n"
                + "a = json.load(open(sys.argv[1]))\nprint(json.dumps({'changed': False, 'got': a['items'], 'check': a['_ansible_check_mode']}))\n");
        m.toFile().setExecutable(true);
        ModuleResult r = run(TestContext.local().check(true), module("echoargs"), Map.of("items", List.of(1, "two")));
        assertThat(r.toMap()).containsEntry("got", List.of(1L, "two")).containsEntry("check", true).containsEntry("changed", false);
    }

    @Test
    void aModuleThatDoesNotAnswerJsonFailsLikeAnsible() throws Exception {
        Path m = Files.writeString(dir.resolve("broken"), "#!/bin/sh\necho not json; echo oops >&2; exit 3\n");
        m.toFile().setExecutable(true);
        ModuleResult r = run(TestContext.local(), module("broken"), Map.of());
        assertThat(r.isFailed()).isTrue();
        assertThat(r.toMap()).containsEntry("msg", "MODULE FAILURE\nSee stdout/stderr for the exact error")
                .containsEntry("module_stdout", "not json\n").containsEntry("module_stderr", "oops\n").containsEntry("rc", 3);
    }

    @Test
    void aPythonShebangRunsUnderTheHostsPythonAsAnsibleRewritesIt() throws Exception {
        assumeTrue(Files.notExists(Path.of("/usr/bin/python")), "the test shows /usr/bin/python is not needed: this machine has it");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
        Path m = Files.writeString(dir.resolve("whichpy"), "#!/usr/bin/python -u\nimport sys, json\n"
                + "print('motd before')\nprint(json.dumps({'exe': sys.executable}))\nprint('after')\n");
        m.toFile().setExecutable(true);
        Map<String, Object> vars = new HashMap<>(Map.of("ansible_python_interpreter", "/usr/bin/python3"));
        TestContext explicit = TestContext.local().evaluator(e -> vars.getOrDefault(e.substring(0, e.indexOf(' ')), ""));
        ModuleResult r = run(explicit, module("whichpy"), Map.of());
        assertThat(r.toMap()).as(r.toMap().toString()).containsEntry("exe", "/usr/bin/python3").doesNotContainKey("ansible_facts");
        assertThat(explicit.warnings()).containsExactly("Module invocation had junk after the JSON data: after");

        vars.put("ansible_python_interpreter", "auto_silent");
        ModuleResult discovered = run(explicit, module("whichpy"), Map.of());
        assertThat(discovered.toMap()).containsEntry("exe", "/usr/bin/python3")
                .containsEntry("ansible_facts", Map.of("discovered_interpreter_python", "/usr/bin/python3"));

        vars.put("ansible_python_interpreter", "/nonexistent/python");
        ModuleResult missing = run(explicit, module("whichpy"), Map.of());
        assertThat(missing.toMap().get("msg")).asString().startsWith("The module failed to execute correctly, you probably need to set the interpreter.");
    }

    @Test
    void otherShebangsHonourTheirInterpreterVariable() throws Exception {
        Path m = Files.writeString(dir.resolve("shmod"), "#!/no/such/fancysh\necho '{\"changed\": false, \"ok\": 1}'\n");
        m.toFile().setExecutable(true);
        Map<String, Object> vars = Map.of("ansible_fancysh_interpreter", "/bin/sh");
        TestContext c = TestContext.local().evaluator(e -> vars.getOrDefault(e.substring(0, e.indexOf(' ')), ""));
        assertThat(run(c, module("shmod"), Map.of()).toMap()).containsEntry("ok", 1L);
    }

    @Test
    void filesAnsibleIgnoresAreNoModulesAndANameEndsAtTheLastDot() throws Exception {
        for (String f : List.of("ping.ini", "a.ini", "notes.txt", "b.yml")) Files.writeString(dir.resolve(f), "#!/bin/sh\necho '{\"where\": \"" + f + "\"}'\n");
        Files.writeString(dir.resolve("ping.py"), "#!/bin/sh\necho '{\"where\": \"ping.py\"}'\n");
        Files.writeString(dir.resolve("my.tool.sh"), "#!/bin/sh\necho '{\"where\": \"my.tool.sh\"}'\n");
        ModuleRegistry r = new ModuleRegistry(ExternalModules.scan(List.of(dir)));
        assertThat(run(TestContext.local(), r.find("ping"), Map.of()).toMap()).containsEntry("where", "ping.py");
        assertThat(run(TestContext.local(), r.find("my.tool"), Map.of()).toMap()).containsEntry("where", "my.tool.sh");
        assertThat(r.find("a")).isNull();
        assertThat(r.find("notes")).isNull();
    }

    @Test
    void thePlaybooksAndItsRolesLibrariesAreSearchedFromAnyWorkingDirectory() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project/library"));
        Path m = Files.writeString(project.resolve("greet.sh"), "#!/bin/sh\n. \"$1\"\necho \"{\\\"changed\\\": false, \\\"msg\\\": \\\"hi $who\\\"}\"\n");
        m.toFile().setExecutable(true);
        Path roleLibrary = Files.createDirectories(dir.resolve("project/roles/r1/library"));
        Files.copy(m, roleLibrary.resolve("wave.sh")).toFile().setExecutable(true);
        Files.createDirectories(dir.resolve("project/roles/r1/tasks"));
        Files.writeString(dir.resolve("project/roles/r1/tasks/main.yml"), "- wave: who=role\n  register: w\n- debug: var=w.msg\n");
        Files.writeString(dir.resolve("project/play.yml"), "- hosts: localhost\n  gather_facts: false\n  roles: [r1]\n  tasks:\n"
                + "    - greet: who=there\n      register: r\n    - debug: var=r.msg\n");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        JplayProcess.Run run = JplayProcess.run(elsewhere, "../project/play.yml");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("\"r.msg\": \"hi there\"").contains("\"w.msg\": \"hi role\"");
    }
}
