package dev.jplay.modules.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnarchiveTest {
    @TempDir
    Path tmp;

    private Path ctl;

    @BeforeEach
    void archives() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content/app/bin"));
        Files.writeString(content.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.writeString(tmp.resolve("content/app/README"), "read me\n");
        ctl = Files.createDirectories(tmp.resolve("ctl/files"));
        sh("tar -czf " + ctl.resolve("app.tar.gz") + " -C " + tmp.resolve("content") + " app");
        sh("tar -cJf " + ctl.resolve("app.tar.xz") + " -C " + tmp.resolve("content") + " app");
        sh("cd " + tmp.resolve("content") + " && zip -qr " + ctl.resolve("app.zip") + " app");
    }

    private static void sh(String cmd) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void controllerArchivesUnpackOnceThenUnchanged() throws Exception {
        for (String name : List.of("app.tar.gz", "app.tar.xz", "app.zip")) {
            Path dest = Files.createDirectories(tmp.resolve("dest-" + name));
            TestContext ctx = TestContext.local().controllerDir(ctl.getParent());
            Map<String, Object> args = Map.of("src", name, "dest", dest.toString(), "list_files", true);
            assertThat(TestContext.local().controllerDir(ctl.getParent()).check(true).run(new Unarchive(), args))
                    .as(name).containsEntry("changed", true);
            assertThat(dest.resolve("app")).doesNotExist();
            Map<String, Object> r = ctx.run(new Unarchive(), args);
            assertThat(r).as(name).containsEntry("changed", true).containsEntry("handler", Unarchive.handler(name));
            assertThat((List<Object>) r.get("files")).as(name).contains("app/bin/run.sh", "app/README");
            assertThat(Files.readString(dest.resolve("app/README"))).isEqualTo("read me\n");
            assertThat(ctx.run(new Unarchive(), args)).as(name + " again").containsEntry("changed", false);
            Files.writeString(dest.resolve("app/README"), "edited");
            assertThat(ctx.run(new Unarchive(), args)).as(name + " repaired").containsEntry("changed", true);
            assertThat(Files.readString(dest.resolve("app/README"))).isEqualTo("read me\n");
        }
        try (var s = Files.list(Path.of("/tmp"))) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".jplay-unarchive-"))).isEmpty();
        }
    }

    @Test
    void remoteSrcWithModeCreatesAndErrors() throws Exception {
        Path dest = Files.createDirectories(tmp.resolve("d"));
        Map<String, Object> args = Map.of("src", ctl.resolve("app.tar.gz").toString(), "dest", dest.toString(), "remote_src", true,
                "mode", "u=rwX,go=rX");
        assertThat(TestContext.local().run(new Unarchive(), args)).containsEntry("changed", true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("app/README")))).isEqualTo("rw-r--r--");
        assertThat(TestContext.local().run(new Unarchive(), args)).containsEntry("changed", false);

        assertThat(TestContext.local().run(new Unarchive(), Map.of("src", ctl.resolve("app.zip").toString(), "dest", dest.toString(),
                "remote_src", true, "creates", dest.resolve("app").toString())))
                .containsEntry("skipped", true).containsEntry("msg", "skipped, since " + dest.resolve("app") + " exists");
        assertThat(TestContext.local().run(new Unarchive(), Map.of("src", ctl.resolve("app.zip").toString(),
                "dest", tmp.resolve("nodir").toString(), "remote_src", true)))
                .containsEntry("failed", true).containsEntry("msg", "Destination '" + tmp.resolve("nodir") + "' is not a directory");
    }
}
