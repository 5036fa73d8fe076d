package dev.jplay.modules.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jplay.modules.Module;
import dev.jplay.modules.TestContext;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ansible Python modules found in this machine's collections and ansible-core, packed and run through a local
 * connection with this machine's python3 (as on a host). Needs the Debian {@code ansible} package (./test installs it).
 */
class PythonModulesTest {
    static PythonModules modules;
    @TempDir
    Path dir;

    @BeforeAll
    static void find() {
        AnsibleRoots roots = AnsibleRoots.find(List.of(), List.of(), true, Map.of(), Path.of(System.getProperty("user.home")));
        assumeTrue(roots.ansibleCore() != null, "needs ansible-core's module_utils on this machine (apt-get install ansible)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3 to run the modules locally");
        modules = new PythonModules(roots);
    }

    @Test
    void packsTheModuleWithEveryModuleUtilsItImportsAndNotTheControllerPackage() throws Exception {
        Module m = modules.find("community.general.ini_file");
        assertThat(m).isNotNull();
        byte[] zip = Payload.build(modules.roots(), "ansible_collections.community.general.plugins.modules.ini_file", ((PythonModule) m).file());
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("ansible/__init__.py")) assertThat(z.readAllBytes()).as("the controller's ansible/__init__.py stays home").isEmpty();
            }
        }
        assertThat(names).contains("ansible_collections/community/general/plugins/modules/ini_file.py",
                "ansible_collections/__init__.py", "ansible_collections/community/general/plugins/__init__.py",
                "ansible/module_utils/basic.py", "ansible/module_utils/common/text/converters.py", "ansible/module_utils/six/__init__.py",
                "ansible/module_utils/common/parameters.py");
        assertThat(names).noneMatch(n -> n.startsWith("ansible/plugins/") || n.startsWith("ansible/executor/"));
    }

    @Test
    void runsACollectionModuleIdempotentlyWithCheckAndDiff() throws Exception {
        Module m = modules.find("community.general.ini_file");
        Path ini = dir.resolve("app.ini");
        Map<String, Object> args = Map.of("path", ini.toString(), "section", "main", "option", "threads", "value", "4");

        Map<String, Object> check = TestContext.local().check(true).diff(true).run(m, args);
        assertThat(check).containsEntry("changed", true);
        assertThat(ini).doesNotExist();
        assertThat(check.get("diff")).asString().contains("threads = 4");

        Map<String, Object> first = TestContext.local().run(m, args);
        assertThat(first).as(first.toString()).containsEntry("changed", true).containsEntry("msg", "section and option added");
        assertThat(Files.readString(ini)).isEqualTo("\n[main]\nthreads = 4\n");
        assertThat(first.get("ansible_facts")).asString().contains("discovered_interpreter_python=/usr/bin/python3");
        assertThat(TestContext.local().run(m, args)).containsEntry("changed", false);
    }

    @Test
    void followsAnsibleRoutingForOldShortNamesAndRefusesActionPlugins() {
        assertThat(modules.find("ini_file").spec().name()).as("redirected by ansible-core's routing").isEqualTo("community.general.ini_file");
        assertThat(((PythonModule) modules.find("ini_file")).file().toString()).endsWith("community/general/plugins/modules/ini_file.py");
        assertThat(modules.find("community.general.no_such_module")).isNull();
        assertThat(modules.find("ansible.builtin.set_stats")).as("set_stats is an action plugin").isNull();
        assertThat(modules.find("ansible.builtin.git")).isNotNull();
    }

    @Test
    void aModuleFailureIsReportedWithTheModulesOwnMessage() throws Exception {
        Module m = modules.find("community.general.ini_file");
        Map<String, Object> r = TestContext.local().run(m, Map.of("section", "x"));
        assertThat(r).containsEntry("failed", true);
        assertThat(r.get("msg")).asString().contains("missing required arguments: path");
    }

    @Test
    void saysWhichInterpreterIsMissing() throws Exception {
        Module m = modules.find("community.general.ini_file");
        Map<String, Object> r = TestContext.local().evaluator(e -> e.startsWith("ansible_python_interpreter") ? "/nonexistent/python3" : "")
                .run(m, Map.of("path", dir.resolve("x.ini").toString(), "section", "s", "option", "o", "value", "v"));
        assertThat(r).containsEntry("failed", true);
        assertThat(r.get("msg")).asString().contains("community.general.ini_file").contains("/nonexistent/python3");
    }
}
