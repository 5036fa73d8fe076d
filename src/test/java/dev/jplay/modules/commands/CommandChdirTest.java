package dev.jplay.modules.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chdir} as ansible-core 2.14's command module: entered before creates/removes and check mode, and a directory
 * that cannot be entered fails with "Unable to change directory before execution: [Errno N] ...: b'dir'" (no rc).
 */
class CommandChdirTest {
    @TempDir
    Path dir;

    @Test
    void aMissingDirectoryFailsWithAnsiblesMessageBeforeAnythingRuns() throws Exception {
        String missing = dir.resolve("nope").toString();
        Map<String, Object> r = TestContext.local().run(Command.command(), Map.of("_raw_params", "touch made", "chdir", missing,
                "creates", "/"));
        assertThat(r).containsEntry("failed", true).containsEntry("changed", false).containsEntry("rc", null)
                .containsEntry("msg", "Unable to change directory before execution: [Errno 2] No such file or directory: b'" + missing + "'");
        assertThat(dir.resolve("made")).doesNotExist();
    }

    @Test
    void aFileIsNotADirectoryEvenInCheckMode() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Map<String, Object> r = TestContext.local().check(true).run(Command.shell(), Map.of("_raw_params", "echo hi", "chdir", file.toString()));
        assertThat(r).containsEntry("failed", true)
                .containsEntry("msg", "Unable to change directory before execution: [Errno 20] Not a directory: b'" + file + "'");
    }

    @Test
    void createsIsRelativeToChdirAndCheckModeStillSkips() throws Exception {
        Files.writeString(dir.resolve("there"), "x");
        TestContext c = TestContext.local();
        assertThat(c.run(Command.command(), Map.of("_raw_params", "touch made", "chdir", dir.toString(), "creates", "there")))
                .containsEntry("changed", false).containsEntry("msg", "Did not run command since 'there' exists");
        assertThat(c.check(true).run(Command.command(), Map.of("_raw_params", "touch made", "chdir", dir.toString())))
                .containsEntry("skipped", true).containsEntry("msg", "Command would have run if not in check mode");
        assertThat(c.check(false).run(Command.command(), Map.of("_raw_params", "touch made", "chdir", dir.toString())))
                .containsEntry("changed", true).containsEntry("rc", 0L);
        assertThat(dir.resolve("made")).exists();
    }

    @Test
    void theCommandsPwdIsThePhysicalDirectoryAsAfterPythonsChdir() throws Exception {
        Files.createDirectories(dir.resolve("www_root/site"));
        Files.createSymbolicLink(dir.resolve("www"), dir.resolve("www_root"));
        Map<String, Object> r = TestContext.local().run(Command.shell(), Map.of("_raw_params", "dirname \"$PWD\"",
                "chdir", dir.resolve("www/site").toString()));
        assertThat(r).containsEntry("stdout", dir.toRealPath().resolve("www_root").toString());
    }
}
