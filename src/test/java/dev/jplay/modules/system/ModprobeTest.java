package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModprobeTest {
    @TempDir
    Path dir;
    FakeHost host;
    Modprobe module;
    Path load;
    Path opts;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir).file("modules", "ext4 1 0 - Live 0x0\n");
        host.tool("modprobe", """
                case "$1" in -r) grep -v "^$2 " $S/modules > $S/m.new; mv $S/m.new $S/modules;;
                  -n) ;; *) echo "$1 1 0 - Live 0x0" >> $S/modules;; esac""");
        load = dir.resolve("modules-load.d");
        opts = dir.resolve("modprobe.d");
        Files.createDirectories(load);
        Files.createDirectories(opts);
        Files.writeString(opts.resolve("old.conf"), "options dummy numdummies=1\noptions other x=1\n");
        module = new Modprobe(host.state().resolve("modules").toString(), load.toString(), opts.toString());
    }

    @Test
    void loadsPersistentlyThenIsIdempotent() throws Exception {
        Map<String, Object> args = Map.of("name", "dummy", "params", "numdummies=2", "persistent", "present");
        Map<String, Object> check = host.context().check(true).run(module, args);
        assertThat(check).containsEntry("changed", true);
        assertThat(host.calls()).containsExactly("modprobe -n dummy numdummies=2");
        assertThat(load.resolve("dummy.conf")).doesNotExist();
        Map<String, Object> r = host.context().run(module, args);
        assertThat(r).containsEntry("changed", true).containsEntry("name", "dummy").containsEntry("params", "numdummies=2")
                .containsEntry("state", "present");
        assertThat(host.read("modules")).contains("dummy 1");
        assertThat(load.resolve("dummy.conf")).hasContent("dummy");
        assertThat(opts.resolve("dummy.conf")).hasContent("options dummy numdummies=2");
        assertThat(opts.resolve("old.conf")).hasContent("#options dummy numdummies=1\noptions other x=1");
        host.clear();
        assertThat(host.context().run(module, args)).containsEntry("changed", false);
        assertThat(host.calls()).isEmpty();
    }

    @Test
    void unloadsAndRemovesPersistence() throws Exception {
        Files.writeString(load.resolve("ext4.conf"), "ext4\nloop\n");
        Map<String, Object> args = Map.of("name", "ext4", "state", "absent", "persistent", "absent");
        assertThat(host.context().run(module, args)).containsEntry("changed", true);
        assertThat(host.calls()).contains("modprobe -r ext4");
        assertThat(load.resolve("ext4.conf")).hasContent("#ext4\nloop");
        assertThat(host.context().run(module, args)).containsEntry("changed", false);
    }
}
