package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateStatTest {
    @TempDir
    Path tmp;

    @Test
    void templateRendersAndIsIdempotent() throws Exception {
        Path ctl = Files.createDirectories(tmp.resolve("ctl/templates"));
        Files.writeString(ctl.resolve("app.conf.j2"), "port={{ port }}\n");
        Path dest = tmp.resolve("app.conf");
        TestContext ctx = TestContext.local().controllerDir(tmp.resolve("ctl")).diff(true)
                .templateRenderer(p -> "port=8080\n");
        Map<String, Object> args = Map.of("src", "app.conf.j2", "dest", dest.toString(), "mode", "0600");
        Map<String, Object> r = ctx.run(new Template(), args);
        assertThat(r).containsEntry("changed", true).containsEntry("mode", "0600");
        assertThat(r.get("diff")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("before", "").containsEntry("after", "port=8080\n");
        assertThat(Files.readString(dest)).isEqualTo("port=8080\n");
        assertThat(ctx.run(new Template(), args)).containsEntry("changed", false);
    }

    @Test
    void statReportsFileAndLink() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "hello\n");
        Files.createSymbolicLink(tmp.resolve("l"), f);
        Map<String, Object> r = TestContext.local().run(new Stat(), Map.of("path", f.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> st = (Map<String, Object>) r.get("stat");
        assertThat(st).containsEntry("exists", true).containsEntry("isreg", true).containsEntry("isdir", false)
                .containsEntry("size", 6L).containsEntry("checksum", "f572d396fae9206628714fb2ce00f72e94f2258f")
                .containsEntry("pw_name", System.getProperty("user.name")).containsEntry("readable", true)
                .containsEntry("mimetype", "text/plain");
        assertThat((String) st.get("mode")).matches("0[0-7]{3}");
        assertThat(r).containsEntry("changed", false);

        @SuppressWarnings("unchecked")
        Map<String, Object> ls = (Map<String, Object>) TestContext.local().run(new Stat(), Map.of("path", tmp.resolve("l").toString())).get("stat");
        assertThat(ls).containsEntry("islnk", true).containsEntry("lnk_source", f.toString()).containsEntry("lnk_target", f.toString());
        assertThat(TestContext.local().run(new Stat(), Map.of("path", tmp.resolve("none").toString())))
                .containsEntry("stat", Map.of("exists", false));
    }
}
