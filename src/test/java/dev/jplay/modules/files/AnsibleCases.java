package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.data.Json;
import dev.jplay.modules.Module;
import dev.jplay.modules.TestContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cases recorded from ansible 2.14 ({@code ansible localhost -m MODULE}): initial file, args, and what Ansible left
 * (changed, msg, failed, final content). Each case is replayed on a real file, then run again (must be unchanged)
 * and in check mode on the initial content (must report the same changed and leave the file alone).
 */
final class AnsibleCases {
    private AnsibleCases() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(String name) throws Exception {
        try (InputStream in = AnsibleCases.class.getResourceAsStream("/modules/files/" + name)) {
            return (List<Map<String, Object>>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    static void replay(Module module, Map<String, Object> c, Path dir) throws Exception {
        String name = (String) c.get("name");
        Path p = dir.resolve(name.replaceAll("\\W", "_"));
        String initial = (String) c.get("initial");
        Map<String, Object> args = new LinkedHashMap<>((Map<String, Object>) c.get("args"));
        args.put("path", p.toString());

        reset(p, initial);
        Map<String, Object> check = TestContext.local().check(true).run(module, args);
        assertThat(check.get("changed")).as(name + " (check)").isEqualTo(c.get("changed"));
        assertThat(read(p)).as(name + " (check leaves file)").isEqualTo(initial);

        Map<String, Object> r = TestContext.local().run(module, args);
        assertThat(r.get("changed")).as(name).isEqualTo(c.get("changed"));
        assertThat(r.getOrDefault("msg", "")).as(name + " msg").isEqualTo(((String) c.get("msg")).replace("{path}", p.toString()));
        assertThat(Boolean.TRUE.equals(r.get("failed"))).as(name + " failed").isEqualTo(c.get("failed"));
        assertThat(read(p)).as(name + " content").isEqualTo(c.get("result"));
        if (!Boolean.TRUE.equals(c.get("failed"))) {
            assertThat(TestContext.local().run(module, args).get("changed")).as(name + " second run").isEqualTo(false);
        }
    }

    private static void reset(Path p, String content) throws Exception {
        Files.deleteIfExists(p);
        if (content != null) Files.writeString(p, content);
    }

    private static String read(Path p) throws Exception {
        return Files.exists(p) ? Files.readString(p) : null;
    }
}
