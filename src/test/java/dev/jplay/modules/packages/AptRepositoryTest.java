package dev.jplay.modules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.system.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptRepositoryTest {
    static final String DOCKER = "deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu jammy stable";
    @TempDir
    Path dir;
    FakeHost host;
    AptRepository module;
    Path main;
    Path listD;

    @BeforeEach
    void setUp() throws Exception {
        host = FakeApt.install(dir);
        main = dir.resolve("sources.list");
        listD = dir.resolve("sources.list.d");
        Files.createDirectories(listD);
        Files.writeString(main, "deb http://archive.ubuntu.com/ubuntu jammy main\n# deb http://archive.ubuntu.com/ubuntu jammy universe\n");
        module = new AptRepository(main.toString(), listD.toString());
    }

    @Test
    void suggestsAnsiblesFileName() {
        assertThat(SourcesList.suggestName(DOCKER.substring(0, 3) + DOCKER.substring(DOCKER.indexOf(']') + 1)))
                .isEqualTo("download_docker_com_linux_ubuntu");
        assertThat(SourcesList.suggestName("deb http://user:pw@apt.example.org/debian bookworm main")).isEqualTo("apt_example_org_debian");
    }

    @Test
    void addsNewSourceFileWithDiffThenIsIdempotent() throws Exception {
        Map<String, Object> r = host.context().diff(true).run(module, Map.of("repo", DOCKER));
        assertThat(r).containsEntry("changed", true).containsEntry("repo", DOCKER).containsEntry("state", "present");
        Path f = listD.resolve("download_docker_com_linux_ubuntu.list");
        assertThat(Files.readString(f)).isEqualTo(DOCKER + "\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> diffs = (List<Map<String, Object>>) r.get("diff");
        assertThat(diffs).hasSize(2); // Ansible lists every sources file
        Map<String, Object> diff = diffs.stream().filter(d -> d.get("after_header").equals(f.toString())).findFirst().orElseThrow();
        assertThat(diff).containsEntry("before", "").containsEntry("before_header", "/dev/null").containsEntry("after", DOCKER + "\n");
        assertThat(host.calls()).contains("apt-get update -q");
        host.clear();
        assertThat(host.context().run(module, Map.of("repo", DOCKER))).containsEntry("changed", false);
        assertThat(host.calls()).isEmpty();
    }

    @Test
    void reenablesDisabledLineAndHonoursFilename() throws Exception {
        String universe = "deb http://archive.ubuntu.com/ubuntu jammy universe";
        assertThat(host.context().check(true).run(module, Map.of("repo", universe))).containsEntry("changed", true);
        assertThat(Files.readString(main)).contains("# deb");
        assertThat(host.context().run(module, Map.of("repo", universe, "update_cache", false))).containsEntry("changed", true);
        assertThat(Files.readString(main)).isEqualTo("deb http://archive.ubuntu.com/ubuntu jammy main\n" + universe + "\n");
        assertThat(host.context().run(module, Map.of("repo", "deb http://x.org/d stable main", "filename", "xorg", "update_cache", false)))
                .containsEntry("changed", true);
        assertThat(listD.resolve("xorg.list")).hasContent("deb http://x.org/d stable main");
    }

    @Test
    void ppaExpandsAndReceivesItsKey() throws Exception {
        host.tool("curl", "echo '{\"name\": \"ppa\", \"signing_key_fingerprint\": \"14AA40EC0831756756D7F66C4F4EA0AAE5267A6C\"}'");
        host.tool("apt-key", "[ \"$1\" = export ] && { echo 'gpg: WARNING: nothing exported' >&2; exit 0; }; echo ok");
        Map<String, Object> args = Map.of("repo", "ppa:ondrej/php", "codename", "jammy", "update_cache", false);
        Map<String, Object> r = host.context().run(module, args);
        assertThat(r).containsEntry("changed", true);
        assertThat(listD.resolve("ppa_ondrej_php_jammy.list")).hasContent("deb http://ppa.launchpad.net/ondrej/php/ubuntu jammy main");
        assertThat(host.calls()).contains("apt-key adv --recv-keys --no-tty --keyserver hkp://keyserver.ubuntu.com:80 "
                + "14AA40EC0831756756D7F66C4F4EA0AAE5267A6C");
        host.clear();
        assertThat(host.context().run(module, args)).containsEntry("changed", false);
        assertThat(host.calls()).isEmpty();
    }

    @Test
    void removesSourceAndEmptyFile() throws Exception {
        Files.writeString(listD.resolve("x.list"), "deb http://x.org/d stable main\n");
        Map<String, Object> r = host.context().diff(true).run(module, Map.of("repo", "deb  http://x.org/d stable main",
                "state", "absent", "update_cache", false));
        assertThat(r).containsEntry("changed", true);
        assertThat(listD.resolve("x.list")).doesNotExist();
        assertThat(host.context().run(module, Map.of("repo", "deb http://x.org/d stable main", "state", "absent")))
                .containsEntry("changed", false);
        assertThat(host.context().run(module, Map.of("repo", "foo bar"))).containsEntry("msg", "Invalid repository string: foo bar");
        assertThat(List.of(module.spec().name())).containsExactly("apt_repository");
    }
}
