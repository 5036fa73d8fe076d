package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.LocalConnection;
import dev.jplay.modules.Module;
import dev.jplay.modules.TestContext;
import dev.jplay.testing.CountingConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round trips per task that the PERFORMANCE lines of file and yum_repository state, counted on a real (local) host. */
class FileRoundTripTest {
    @TempDir
    Path tmp;

    private final FileModule file = new FileModule();

    /** The round trips the task took; it must succeed with {@code changed} as given. */
    private static int trips(Module m, Map<String, Object> args, boolean changed) throws Exception {
        CountingConnection c = new CountingConnection(new LocalConnection("localhost"));
        Map<String, Object> r = new TestContext(c).diff(true).run(m, args);
        assertThat(r).as("%s", args).containsEntry("changed", changed).doesNotContainKey("failed");
        return c.trips();
    }

    @Test
    void fileTakesOneRoundTripWhenNothingChangesAndTwoWhenSomethingDoes() throws Exception {
        String f = Files.writeString(tmp.resolve("f"), "x").toString();
        assertThat(trips(file, Map.of("path", f, "state", "touch"), true)).isEqualTo(2);
        Map<String, Object> mode = Map.of("path", f, "state", "file", "mode", "0600");
        assertThat(trips(file, mode, true)).isEqualTo(2);
        assertThat(trips(file, mode, false)).isEqualTo(1);
        Map<String, Object> times = Map.of("path", f, "state", "file", "modification_time", "202101010000.00");
        assertThat(trips(file, times, true)).isEqualTo(2);
        assertThat(trips(file, times, false)).isEqualTo(1);
        assertThat(trips(file, Map.of("path", tmp.resolve("d/e").toString(), "state", "directory"), true)).isEqualTo(2);
    }

    @Test
    void followedLinkAndTimesOnACreatedPathTakeTheStatedExtraRoundTrips() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "x");
        String link = Files.createSymbolicLink(tmp.resolve("l"), f).toString();
        Map<String, Object> mode = Map.of("path", link, "state", "file", "mode", "0600");
        assertThat(trips(file, mode, true)).isEqualTo(3);
        assertThat(trips(file, mode, false)).isEqualTo(2);
        Map<String, Object> touch = Map.of("path", tmp.resolve("new").toString(), "state", "touch", "modification_time", "202101010000.00");
        assertThat(trips(file, touch, true)).isEqualTo(4);
        Map<String, Object> dir = Map.of("path", tmp.resolve("dir").toString(), "state", "directory", "access_time", "202101010000.00");
        assertThat(trips(file, dir, true)).isEqualTo(4);
    }

    @Test
    void yumRepositoryReadsInOneRoundTripAndWritesInOne() throws Exception {
        String dir = Files.createDirectories(tmp.resolve("repos")).toString();
        Map<String, Object> repo = Map.of("name", "x", "description", "x", "baseurl", "http://x", "reposdir", dir);
        assertThat(trips(new YumRepository(), repo, true)).isEqualTo(2);
        assertThat(trips(new YumRepository(), repo, false)).isEqualTo(1);
    }
}
