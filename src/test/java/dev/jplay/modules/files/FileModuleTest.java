package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModuleTest {
    @TempDir
    Path tmp;

    private final FileModule file = new FileModule();

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void directoryCreatedOnceWithDiff() throws Exception {
        Path d = tmp.resolve("a/b");
        Map<String, Object> args = Map.of("path", d.toString(), "state", "directory", "mode", "0750");
        Map<String, Object> r = TestContext.local().check(true).run(file, args);
        assertThat(r).containsEntry("changed", true);
        assertThat(Files.exists(d)).isFalse();
        assertThat(r.get("diff")).isEqualTo(Map.of("before", Map.of("path", d.toString(), "state", "absent"),
                "after", Map.of("path", d.toString(), "state", "directory")));
        r = TestContext.local().run(file, args);
        assertThat(r).containsEntry("changed", true).containsEntry("state", "directory").containsEntry("mode", "0750");
        assertThat(perms(d)).isEqualTo("rwxr-x---");
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", false);
    }

    @Test
    void missingParentsGetTheDirectoryModeToo() throws Exception {
        Path d = tmp.resolve("p/q/r");
        Map<String, Object> r = TestContext.local().run(file, Map.of("path", d.toString(), "state", "directory", "mode", "0700"));
        assertThat(r).containsEntry("changed", true);
        assertThat(perms(tmp.resolve("p"))).isEqualTo("rwx------");
        assertThat(perms(tmp.resolve("p/q"))).isEqualTo("rwx------");
        assertThat(perms(d)).isEqualTo("rwx------");
    }

    @Test
    void touchWithPreservedTimesLeavesAnExistingFileAlone() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "x");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_500_000_000_000L);
        Files.setLastModifiedTime(f, old);
        Map<String, Object> keep = Map.of("path", f.toString(), "state", "touch", "modification_time", "preserve",
                "access_time", "preserve");
        assertThat(TestContext.local().run(file, keep)).containsEntry("changed", false);
        assertThat(Files.getLastModifiedTime(f)).isEqualTo(old);
        assertThat(TestContext.local().run(file, Map.of("path", f.toString(), "state", "touch"))).containsEntry("changed", true);
        assertThat(Files.getLastModifiedTime(f)).isNotEqualTo(old);
    }

    @Test
    void explicitTimesAreSetOnceInTheGivenFormat() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "x");
        Map<String, Object> args = Map.of("path", f.toString(), "state", "file", "modification_time", "03/04/2021 05:06",
                "modification_time_format", "%m/%d/%Y %H:%M");
        Map<String, Object> r = TestContext.local().check(true).run(file, args);
        assertThat(r).containsEntry("changed", true);
        r = TestContext.local().run(file, args);
        assertThat(r).containsEntry("changed", true);
        long want = java.time.LocalDateTime.of(2021, 3, 4, 5, 6).atZone(java.time.ZoneId.systemDefault()).toEpochSecond();
        assertThat(Files.getLastModifiedTime(f).toMillis()).isEqualTo(want * 1000);
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", false);
        assertThat(TestContext.local().run(file, Map.of("path", f.toString(), "modification_time", "bogus")))
                .containsEntry("failed", true).containsEntry("msg", "Error while obtaining timestamp for time bogus using format "
                        + "%Y%m%d%H%M.%S: time data 'bogus' does not match format '%Y%m%d%H%M.%S'");
    }

    @Test
    void explicitTimeThroughAFollowedLinkSetsTheTargetAndShowsTheTimeDiff() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "x");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_500_000_000_000L));
        Path l = Files.createSymbolicLink(tmp.resolve("l"), f);
        Map<String, Object> args = Map.of("path", l.toString(), "state", "file", "modification_time", "2020-09-13 12:26:40",
                "modification_time_format", "%Y-%m-%d %H:%M:%S", "mode", "0640");
        long want = java.time.LocalDateTime.of(2020, 9, 13, 12, 26, 40).atZone(java.time.ZoneId.systemDefault()).toEpochSecond();
        Map<String, Object> r = TestContext.local().diff(true).run(file, args);
        assertThat(r).containsEntry("changed", true).containsEntry("path", f.toString()).containsEntry("state", "file");
        assertThat(r.get("diff")).isEqualTo(Map.of("before", Map.of("path", f.toString(), "mode", "0644", "mtime", 1.5E9),
                "after", Map.of("path", f.toString(), "mode", "0640", "mtime", (double) want)));
        assertThat(Files.getLastModifiedTime(f).toMillis()).isEqualTo(want * 1000);
        assertThat(perms(f)).isEqualTo("rw-r-----");
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", false);
    }

    @Test
    void modeChangeOfExistingFileShowsModeDiff() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "x");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, Object> args = Map.of("path", f.toString(), "mode", "u=rw,go=");
        assertThat(TestContext.local().check(true).run(file, args)).containsEntry("changed", true).containsEntry("mode", "0600");
        assertThat(perms(f)).isEqualTo("rw-r--r--");
        Map<String, Object> r = TestContext.local().run(file, args);
        assertThat(r).containsEntry("changed", true).containsEntry("mode", "0600").containsEntry("state", "file");
        assertThat(r.get("diff")).isEqualTo(Map.of("before", Map.of("path", f.toString(), "mode", "0644"),
                "after", Map.of("path", f.toString(), "mode", "0600")));
        assertThat(perms(f)).isEqualTo("rw-------");
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", false);
    }

    @Test
    void stateFileOnMissingPathFails() throws Exception {
        Path f = tmp.resolve("nope");
        assertThat(TestContext.local().run(file, Map.of("path", f.toString())))
                .containsEntry("failed", true).containsEntry("msg", "file (" + f + ") is absent, cannot continue");
    }

    @Test
    void absentRemovesTree() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("d/e"));
        Files.writeString(d.resolve("f"), "x");
        Map<String, Object> args = Map.of("path", tmp.resolve("d").toString(), "state", "absent");
        assertThat(TestContext.local().check(true).run(file, args)).containsEntry("changed", true);
        assertThat(Files.exists(d)).isTrue();
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", true).containsEntry("state", "absent");
        assertThat(Files.exists(tmp.resolve("d"))).isFalse();
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", false);
    }

    @Test
    void symlinkAndHardLink() throws Exception {
        Path target = Files.writeString(tmp.resolve("target"), "x");
        Path link = tmp.resolve("link");
        Map<String, Object> args = Map.of("path", link.toString(), "src", "target", "state", "link");
        Map<String, Object> r = TestContext.local().run(file, args);
        assertThat(r).containsEntry("changed", true).containsEntry("dest", link.toString()).containsEntry("state", "link");
        assertThat(Files.readSymbolicLink(link).toString()).isEqualTo("target");
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", false);

        Path hard = tmp.resolve("hard");
        Map<String, Object> hargs = Map.of("path", hard.toString(), "src", target.toString(), "state", "hard");
        assertThat(TestContext.local().run(file, hargs)).containsEntry("changed", true);
        assertThat(Files.isSameFile(hard, target)).isTrue();
        assertThat(TestContext.local().run(file, hargs)).containsEntry("changed", false);

        Path plain = Files.writeString(tmp.resolve("plain"), "p");
        assertThat(TestContext.local().run(file, Map.of("path", plain.toString(), "src", "target", "state", "link")))
                .containsEntry("failed", true).containsEntry("msg", "refusing to convert from file to symlink for " + plain);
    }

    @Test
    void touchCreatesThenAlwaysChanges() throws Exception {
        Path f = tmp.resolve("t");
        Map<String, Object> args = Map.of("path", f.toString(), "state", "touch", "mode", "0600");
        assertThat(TestContext.local().check(true).run(file, args)).containsEntry("changed", true);
        assertThat(Files.exists(f)).isFalse();
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", true).containsEntry("mode", "0600");
        assertThat(perms(f)).isEqualTo("rw-------");
    }

    @Test
    void recurseAppliesToAllEntries() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("r/sub"));
        Path f = Files.writeString(d.resolve("f"), "x");
        Map<String, Object> args = Map.of("path", tmp.resolve("r").toString(), "state", "directory", "recurse", true, "mode", "u=rwX,go=rX");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", true);
        assertThat(perms(f)).isEqualTo("rw-r--r--");
        assertThat(perms(d)).isEqualTo("rwxr-xr-x");
        assertThat(TestContext.local().run(file, args)).containsEntry("changed", false);
    }
}
