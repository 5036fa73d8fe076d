package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.data.Json;
import dev.jplay.modules.Module;
import dev.jplay.modules.TestContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the cases recorded from ansible-core 2.14 (src/test/resources/modules/system) and compares results and files. */
class AnsibleCasesTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void matchesAnsible() throws Exception {
        Map<String, Module> modules = new LinkedHashMap<>();
        for (Module m : SystemModules.all()) modules.put(m.spec().name(), m);
        String text;
        try (InputStream in = getClass().getResourceAsStream("/modules/system/ansible-2.14-cases.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${dir}", dir.toString());
        }
        List<Object> cases = (List<Object>) ((Map<String, Object>) Json.parse(text)).get("cases");
        int n = 0;
        for (Object o : cases) {
            Map<String, Object> c = (Map<String, Object>) o;
            Path caseDir = Files.createDirectories(dir);
            for (var f : ((Map<String, Object>) c.get("before")).entrySet()) {
                Path p = caseDir.resolve(f.getKey());
                Files.writeString(p, (String) f.getValue());
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Map<String, Object> result = TestContext.local().run(modules.get((String) c.get("module")), (Map<String, Object>) c.get("args"));
            String label = "case " + n++ + " (" + c.get("module") + ")";
            for (var e : ((Map<String, Object>) c.get("result")).entrySet()) {
                assertThat(result).as(label).containsEntry(e.getKey(), e.getValue());
            }
            for (var f : ((Map<String, Object>) c.get("after")).entrySet()) {
                assertThat(Files.readString(caseDir.resolve(f.getKey()))).as(label).isEqualTo(f.getValue());
            }
        }
        assertThat(n).isEqualTo(cases.size());
    }
}
