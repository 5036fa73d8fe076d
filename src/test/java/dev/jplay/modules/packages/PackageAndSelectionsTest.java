package dev.jplay.modules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.system.FakeHost;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageAndSelectionsTest {
    @TempDir
    Path dir;

    @Test
    void packageRunsApt() throws Exception {
        FakeHost host = FakeApt.install(dir).file("avail", "htop 3.0\n");
        Package pkg = new Package(new Apt(dir.resolve("stamp").toString(), dir.resolve("lists").toString()));
        assertThat(host.context().run(pkg, Map.of("name", "htop", "state", "present"))).containsEntry("changed", true);
        assertThat(host.read("dpkg")).contains("htop install ok installed 3.0");
        assertThat(host.context().run(pkg, Map.of("name", "htop", "state", "installed"))).containsEntry("changed", false);
        assertThat(host.context().run(pkg, Map.of("name", "htop", "state", "absent"))).containsEntry("changed", true);
    }

    @Test
    void holdsAPackage() throws Exception {
        FakeHost host = new FakeHost(dir).file("sel", "kubelet install\n");
        host.tool("dpkg", """
                case "$1" in
                  --get-selections) grep "^$2 " $S/sel | tr ' ' '\\t';;
                  --set-selections) read -r n s; grep -v "^$n " $S/sel > $S/s.new; echo "$n $s" >> $S/s.new; mv $S/s.new $S/sel;;
                esac""");
        DpkgSelections sel = new DpkgSelections();
        Map<String, Object> check = host.context().check(true).run(sel, Map.of("name", "kubelet", "selection", "hold"));
        assertThat(check).containsEntry("changed", true).containsEntry("before", "install").containsEntry("after", "hold");
        assertThat(host.calls()).containsExactly("dpkg --get-selections kubelet");
        assertThat(host.context().run(sel, Map.of("name", "kubelet", "selection", "hold"))).containsEntry("changed", true);
        assertThat(host.read("sel")).contains("kubelet hold");
        assertThat(host.context().run(sel, Map.of("name", "kubelet", "selection", "hold"))).containsEntry("changed", false);
        assertThat(host.context().run(sel, Map.of("name", "kubeadm", "selection", "hold")))
                .containsEntry("before", "not present").containsEntry("changed", true);
    }
}
