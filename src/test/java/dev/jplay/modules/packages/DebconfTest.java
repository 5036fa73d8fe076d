package dev.jplay.modules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.system.FakeHost;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** debconf against stand-in debconf-show/debconf-set-selections keeping answers in a file (results as ansible-playbook 2.14's). */
class DebconfTest {
    @TempDir
    Path dir;
    FakeHost host;
    final Debconf debconf = new Debconf();

    @BeforeEach
    void setUp() {
        host = new FakeHost(dir).file("db", "jplaytest jplaytest/old:  kept\n");
        host.tool("debconf-show", "grep \"^$1 \" $S/db | sed \"s/^$1 /  /\"");
        host.tool("debconf-set-selections", "read -r p q t v; grep -v \"^$p $q:\" $S/db > $S/db.new; echo \"$p $q: $v\" >> $S/db.new; mv $S/db.new $S/db");
    }

    @Test
    void setsAnAnswerOnceWithDiffAndCheckMode() throws Exception {
        Map<String, Object> args = Map.of("name", "jplaytest", "question", "jplaytest/q1", "vtype", "string", "value", "hello");
        Map<String, Object> checked = host.context().check(true).diff(true).run(debconf, args);
        assertThat(checked).containsEntry("changed", true).containsEntry("current", Map.of("jplaytest/q1", "hello"))
                .containsEntry("previous", Map.of("jplaytest/old", "kept", "jplaytest/q1", ""))
                .containsEntry("diff", Map.of("before", Map.of("jplaytest/old", "kept", "jplaytest/q1", ""),
                        "after", Map.of("jplaytest/old", "kept", "jplaytest/q1", "hello")));
        assertThat(host.read("db")).doesNotContain("q1");
        assertThat(host.context().run(debconf, args)).containsEntry("changed", true).containsEntry("diff", Map.of());
        assertThat(host.read("db")).contains("jplaytest jplaytest/q1: hello");
        Map<String, Object> again = host.context().run(debconf, args);
        assertThat(again).containsEntry("changed", false).containsEntry("msg", "")
                .containsEntry("current", Map.of("jplaytest/old", "kept", "jplaytest/q1", "hello"));
    }

    @Test
    void booleansCompareAsDebconfWritesThem() throws Exception {
        Map<String, Object> args = Map.of("name", "jplaytest", "question", "jplaytest/b", "vtype", "boolean", "value", true);
        assertThat(host.context().run(debconf, args)).containsEntry("changed", true).containsEntry("current", Map.of("jplaytest/b", "True"));
        assertThat(host.read("db")).contains("jplaytest jplaytest/b: true");
        assertThat(host.context().run(debconf, args)).containsEntry("changed", false);
    }
}
