package dev.jplay.modules.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.LocalConnection;
import dev.jplay.modules.TestContext;
import dev.jplay.testing.CountingConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** script's creates/removes and check mode as ansible-core 2.14's action plugin (its target script, checked with ansible-playbook). */
class ScriptTest {
    @TempDir
    Path dir;

    private TestContext ctx() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("make.sh"), "#!/bin/sh\ntouch \"$1\"\necho made\n");
        return TestContext.local().controllerDir(dir);
    }

    @Test
    void createsSkipsOnceThePathExists() throws Exception {
        TestContext c = ctx();
        String made = dir.resolve("made").toString();
        Map<String, Object> first = c.run(new Script(), Map.of("_raw_params", "make.sh " + made, "creates", made));
        assertThat(first).containsEntry("changed", true).containsEntry("rc", 0L).containsEntry("stdout", "made\n");
        assertThat(c.run(new Script(), Map.of("_raw_params", "make.sh " + made, "creates", made)))
                .containsEntry("skipped", true).containsEntry("changed", false).containsEntry("msg", made + " exists, matching creates option");
        String gone = dir.resolve("gone").toString();
        assertThat(c.run(new Script(), Map.of("_raw_params", "make.sh " + made, "removes", gone)))
                .containsEntry("skipped", true).containsEntry("msg", gone + " does not exist, matching removes option");
    }

    @Test
    void takesTheRoundTripsItsPerformanceLineStates() throws Exception {
        ctx(); // writes files/make.sh
        String made = dir.resolve("counted").toString();
        Map<String, Object> plain = Map.of("_raw_params", "make.sh " + made);
        Map<String, Object> creates = Map.of("_raw_params", "make.sh " + made, "creates", made + ".2");
        assertThat(trips(plain)).as("upload, then run and remove").isEqualTo(2);
        assertThat(trips(creates)).as("creates tested first").isEqualTo(3);
    }

    private int trips(Map<String, Object> args) throws Exception {
        CountingConnection c = new CountingConnection(new LocalConnection("localhost"));
        assertThat(new TestContext(c).controllerDir(dir).run(new Script(), args)).containsEntry("changed", true);
        return c.trips();
    }

    @Test
    void checkModeRunsNothing() throws Exception {
        TestContext c = ctx().check(true);
        String made = dir.resolve("made").toString();
        assertThat(c.run(new Script(), Map.of("_raw_params", "make.sh " + made, "creates", made)))
                .containsEntry("changed", true).doesNotContainKey("skipped");
        assertThat(c.run(new Script(), Map.of("_raw_params", "make.sh " + made)))
                .containsEntry("skipped", true).containsEntry("changed", false).containsEntry("msg", "Check mode is not supported for this task.");
        assertThat(dir.resolve("made")).doesNotExist();
        assertThat(ctx().run(new Script(), Map.of("_raw_params", "make.sh x", "chdir", "rel")))
                .containsEntry("msg", "chdir rel must be an absolute path for a Unix-aware remote node");
    }
}
