package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assemble on real fragment directories: Ansible's newline and delimiter rules, filters, idempotence, check and diff. */
class AssembleTest {
    @TempDir
    Path dir;

    @Test
    void concatenatesFragmentsInNameOrderAsAnsible() throws Exception {
        Path src = Files.createDirectories(dir.resolve("frags"));
        Files.writeString(src.resolve("10-b"), "b1\nb2");
        Files.writeString(src.resolve("01-a"), "a\n");
        Files.writeString(src.resolve(".hidden"), "h\n");
        Files.writeString(src.resolve("20-c.bak"), "c\n");
        Path dest = dir.resolve("out.conf");
        Map<String, Object> args = Map.of("src", src.toString(), "dest", dest.toString(), "delimiter", "### \\n--", "ignore_hidden", true,
                "regexp", "^\\d+-[a-z]$");
        Map<String, Object> check = TestContext.local().check(true).diff(true).run(new Assemble(), args);
        assertThat(check).containsEntry("changed", true);
        assertThat(dest).doesNotExist();
        assertThat(TestContext.local().run(new Assemble(), args)).containsEntry("changed", true);
        assertThat(Files.readString(dest)).isEqualTo("a\n### \n--\nb1\nb2");
        assertThat(TestContext.local().run(new Assemble(), args)).containsEntry("changed", false);

        Map<String, Object> plain = Map.of("src", src.toString(), "dest", dest.toString(), "mode", "0640");
        assertThat(TestContext.local().run(new Assemble(), plain)).containsEntry("changed", true).containsEntry("mode", "0640");
        assertThat(Files.readString(dest)).isEqualTo("h\na\nb1\nb2\nc\n");
    }

    @Test
    void aMissingSourceDirectoryFails() throws Exception {
        assertThat(TestContext.local().run(new Assemble(), Map.of("src", dir.resolve("nope").toString(), "dest", dir.resolve("x").toString())))
                .containsEntry("failed", true);
    }
}
