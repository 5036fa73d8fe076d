package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountTest {
    @TempDir
    Path dir;
    FakeHost host;
    Path fstab;
    String data;
    final Mount module = new Mount();

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir).file("mounts", "");
        host.tool("mountpoint", "grep -qx \"$2\" $S/mounts");
        host.tool("mount", """
                eval p=\\${$#}
                case "$*" in *remount*) exit 0;; esac
                grep -qx "$p" $S/mounts && { echo "mount: $p: already mounted" >&2; exit 32; }; echo "$p" >> $S/mounts""");
        host.tool("umount", "grep -vx \"$1\" $S/mounts > $S/m.new; mv $S/m.new $S/mounts");
        fstab = dir.resolve("fstab");
        Files.writeString(fstab, "# /etc/fstab\nUUID=abc / ext4 errors=remount-ro 0 1\n");
        data = dir.resolve("data").toString();
    }

    private Map<String, Object> args(String state, String opts) {
        return Map.of("path", data, "src", "/dev/vdb1", "fstype", "ext4", "opts", opts, "state", state, "fstab", fstab.toString());
    }

    @Test
    void mountsAndWritesFstabThenIsIdempotent() throws Exception {
        Map<String, Object> check = host.context().check(true).run(module, args("mounted", "noatime"));
        assertThat(check).containsEntry("changed", true);
        assertThat(host.calls()).containsExactly("mountpoint -q " + data);
        assertThat(Files.readString(fstab)).doesNotContain("vdb1");
        Map<String, Object> r = host.context().run(module, args("mounted", "noatime"));
        assertThat(r).containsEntry("changed", true).containsEntry("name", data).containsEntry("opts", "noatime")
                .containsEntry("src", "/dev/vdb1").containsEntry("fstype", "ext4").containsEntry("boot", "yes");
        assertThat(Files.readString(fstab)).isEqualTo("# /etc/fstab\nUUID=abc / ext4 errors=remount-ro 0 1\n/dev/vdb1 " + data + " ext4 noatime 0 0\n");
        assertThat(Path.of(data)).isDirectory();
        assertThat(host.calls()).contains("mount -T " + fstab + " " + data);
        host.clear();
        assertThat(host.context().run(module, args("mounted", "noatime"))).containsEntry("changed", false);
        assertThat(host.calls()).containsExactly("mountpoint -q " + data);
        assertThat(host.context().run(module, args("mounted", "noatime,nodev"))).containsEntry("changed", true);
        assertThat(host.calls()).anyMatch(c -> c.startsWith("mount -o remount"));
        assertThat(Files.readString(fstab)).contains(" ext4 noatime,nodev 0 0\n");
    }

    @Test
    void unmountAndAbsent() throws Exception {
        host.context().run(module, args("mounted", "defaults"));
        assertThat(host.context().run(module, args("unmounted", "defaults"))).containsEntry("changed", true);
        assertThat(host.read("mounts")).isEmpty();
        assertThat(host.context().run(module, args("unmounted", "defaults"))).containsEntry("changed", false);
        assertThat(Files.readString(fstab)).contains("vdb1");
        assertThat(host.context().run(module, args("absent", "defaults"))).containsEntry("changed", true);
        assertThat(Files.readString(fstab)).doesNotContain("vdb1");
        assertThat(Path.of(data)).doesNotExist();
        assertThat(host.context().run(module, args("absent", "defaults"))).containsEntry("changed", false);
    }

    @Test
    void escapesSpacesAndHandlesPresentOnly() throws Exception {
        Map<String, Object> a = Map.of("path", "/mnt/my disk", "src", "//srv/share", "fstype", "cifs", "state", "present",
                "fstab", fstab.toString(), "boot", false, "opts", "ro");
        Map<String, Object> r = host.context().run(module, a);
        assertThat(r).containsEntry("changed", true).containsEntry("opts", "ro,noauto").containsEntry("boot", "no");
        assertThat(Files.readString(fstab)).endsWith("//srv/share /mnt/my\\040disk cifs ro,noauto 0 0\n");
        assertThat(host.calls()).noneMatch(c -> c.startsWith("mount "));
        assertThat(host.context().run(module, a)).containsEntry("changed", false);
    }
}
