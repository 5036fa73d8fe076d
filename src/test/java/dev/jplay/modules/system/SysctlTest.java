package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlTest {
    @TempDir
    Path dir;
    FakeHost host;
    Path conf;
    final Sysctl sysctl = new Sysctl();

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir).file("live", "vm.swappiness 60\nnet.ipv4.ip_forward 0\n");
        host.tool("sysctl", """
                set_key() { grep -v "^$1 " $S/live > $S/l.new; echo "$1 $2" >> $S/l.new; mv $S/l.new $S/live; }
                while [ $# -gt 0 ]; do case "$1" in
                  -e) shift;;
                  -n) awk -v k="$2" '$1==k {print $2}' $S/live; exit 0;;
                  -w) kv=$2; k=${kv%%=*}; v=${kv#*=}; v=$(echo $v | tr -d '"'); set_key "$k" "$v"; echo "$k = $v"; exit 0;;
                  -p) grep -v '^#' "$2" | grep = | while IFS='=' read -r k v; do set_key "$k" "$v"; echo "$k = $v"; done; exit 0;;
                  *) shift;; esac; done""");
        conf = dir.resolve("sysctl.conf");
        Files.writeString(conf, "# kernel\n  vm.swappiness = 60\nfs.file-max=1000\nvm.swappiness=70\n");
    }

    @Test
    void writesFileReloadsAndIsIdempotent() throws Exception {
        Map<String, Object> args = Map.of("name", "vm.swappiness", "value", "10", "sysctl_file", conf.toString());
        Map<String, Object> r = host.context().diff(true).run(sysctl, args);
        assertThat(r).containsEntry("changed", true);
        assertThat(Files.readString(conf)).isEqualTo("# kernel\nvm.swappiness=10\nfs.file-max=1000\n");
        assertThat(host.calls()).containsExactly("sysctl -e -n vm.swappiness", "sysctl -p " + conf);
        assertThat(host.read("live")).contains("vm.swappiness 10");
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = (Map<String, Object>) r.get("diff");
        assertThat(diff).containsEntry("after", "# kernel\nvm.swappiness=10\nfs.file-max=1000\n");
        host.clear();
        assertThat(host.context().run(sysctl, args)).containsEntry("changed", false);
        assertThat(host.calls()).containsExactly("sysctl -e -n vm.swappiness");
    }

    @Test
    void checkModeWritesNothing() throws Exception {
        String before = Files.readString(conf);
        Map<String, Object> r = host.context().check(true).run(sysctl,
                Map.of("name", "net.ipv4.ip_forward", "value", true, "sysctl_set", true, "sysctl_file", conf.toString()));
        assertThat(r).containsEntry("changed", true);
        assertThat(Files.readString(conf)).isEqualTo(before);
        assertThat(host.calls()).containsExactly("sysctl -e -n net.ipv4.ip_forward");
    }

    @Test
    void sysctlSetWithoutReload() throws Exception {
        Map<String, Object> args = Map.of("name", "net.ipv4.ip_forward", "value", "yes", "sysctl_set", true, "reload", false,
                "sysctl_file", conf.toString());
        assertThat(host.context().run(sysctl, args)).containsEntry("changed", true);
        assertThat(host.calls()).contains("sysctl -w net.ipv4.ip_forward=1");
        assertThat(Files.readString(conf)).endsWith("net.ipv4.ip_forward=1\n");
        assertThat(host.context().run(sysctl, args)).containsEntry("changed", false);
    }

    @Test
    void absentRemovesTheKey() throws Exception {
        Map<String, Object> args = Map.of("name", "fs.file-max", "state", "absent", "reload", false, "sysctl_file", conf.toString());
        assertThat(host.context().run(sysctl, args)).containsEntry("changed", true);
        assertThat(Files.readString(conf)).doesNotContain("fs.file-max");
        assertThat(host.context().run(sysctl, args)).containsEntry("changed", false);
    }

    @Test
    void missingFileIsCreated() throws Exception {
        Path fresh = dir.resolve("d/99-jplay.conf");
        Map<String, Object> args = Map.of("name", "vm.swappiness", "value", "60", "sysctl_file", fresh.toString());
        assertThat(host.context().run(sysctl, args)).containsEntry("changed", true);
        assertThat(Files.readString(fresh)).isEqualTo("vm.swappiness=60\n");
        assertThat(host.context().run(sysctl, args)).containsEntry("changed", false);
    }
}
