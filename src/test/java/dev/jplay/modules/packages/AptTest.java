package dev.jplay.modules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.system.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptTest {
    @TempDir
    Path dir;
    FakeHost host;
    Apt apt;

    @BeforeEach
    void setUp() {
        host = FakeApt.install(dir);
        host.file("avail", "nginx 1.18\ncurl 7.81\nlibfoo1 2.0\nlibfoo-dev 2.0\n");
        apt = new Apt(host.state().resolve("stamp").toString(), host.state().resolve("lists").toString());
    }

    @Test
    void installsOnceThenIsIdempotent() throws Exception {
        Map<String, Object> r = host.context().run(apt, Map.of("name", List.of("nginx", "curl")));
        assertThat(r).containsEntry("changed", true).containsEntry("cache_updated", false);
        assertThat(host.read("dpkg")).contains("nginx install ok installed 1.18", "curl install ok installed 7.81");
        assertThat(host.calls()).anyMatch(c -> c.startsWith("apt-get -y -q -o Dpkg::Options::=--force-confdef "
                + "-o Dpkg::Options::=--force-confold install nginx curl"));
        assertThat(host.calls()).contains("apt-mark manual nginx curl");
        host.clear();
        Map<String, Object> again = host.context().run(apt, Map.of("name", "nginx:amd64,curl"));
        assertThat(again).containsEntry("changed", false);
        assertThat(host.calls()).noneMatch(c -> c.startsWith("apt-get"));
    }

    @Test
    void checkModeSimulates() throws Exception {
        Map<String, Object> r = host.context().check(true).run(apt, Map.of("name", "nginx"));
        assertThat(r).containsEntry("changed", true);
        assertThat(host.read("dpkg")).isEmpty();
        assertThat(host.calls()).anyMatch(c -> c.startsWith("apt-get") && c.contains(" -s ")).noneMatch(c -> c.startsWith("apt-mark"));
    }

    @Test
    void pinnedVersionAndLatest() throws Exception {
        host.file("dpkg", "nginx install ok installed 1.10\n");
        assertThat(host.context().run(apt, Map.of("name", "nginx"))).containsEntry("changed", false);
        Map<String, Object> up = host.context().run(apt, Map.of("name", "nginx", "state", "latest"));
        assertThat(up).as(host.calls().toString()).containsEntry("changed", true);
        assertThat(host.read("dpkg")).contains("nginx install ok installed 1.18");
        assertThat(host.context().run(apt, Map.of("name", "nginx", "state", "latest"))).containsEntry("changed", false);
        Map<String, Object> pin = host.context().run(apt, Map.of("name", "nginx=1.10", "allow_downgrade", true));
        assertThat(pin).containsEntry("changed", true);
        assertThat(host.calls()).anyMatch(c -> c.contains("--allow-downgrades install nginx=1.10"));
        assertThat(host.context().run(apt, Map.of("name", "nginx=1.1*"))).containsEntry("changed", false);
    }

    @Test
    void globsExpandToAvailablePackages() throws Exception {
        Map<String, Object> r = host.context().run(apt, Map.of("name", "libfoo*"));
        assertThat(r).containsEntry("changed", true);
        assertThat(host.read("dpkg")).contains("libfoo-dev install", "libfoo1 install");
        assertThat(host.context().run(apt, Map.of("name", "libfoo*"))).containsEntry("changed", false);
        assertThat(host.context().run(apt, Map.of("name", "nomatch*")))
                .containsEntry("failed", true).containsEntry("msg", "No package matching 'nomatch*' is available");
    }

    @Test
    void unknownPackageFails() throws Exception {
        assertThat(host.context().run(apt, Map.of("name", "nosuch")))
                .containsEntry("failed", true).containsEntry("msg", "No package matching 'nosuch' is available");
    }

    @Test
    void removeAndPurge() throws Exception {
        host.file("dpkg", "nginx install ok installed 1.18\ncurl deinstall ok config-files 7.81\n");
        assertThat(host.context().run(apt, Map.of("name", "curl", "state", "absent"))).containsEntry("changed", false);
        assertThat(host.context().run(apt, Map.of("name", "nginx", "state", "absent"))).containsEntry("changed", true);
        assertThat(host.read("dpkg")).contains("nginx deinstall ok config-files");
        assertThat(host.context().run(apt, Map.of("name", "nginx", "state", "absent"))).containsEntry("changed", false);
        host.clear();
        assertThat(host.context().run(apt, Map.of("name", List.of("nginx", "curl"), "state", "absent", "purge", true)))
                .containsEntry("changed", true);
        assertThat(host.calls()).anyMatch(c -> c.contains("--purge remove nginx curl"));
        assertThat(host.read("dpkg")).isEmpty();
    }

    @Test
    void cacheValidTimeSkipsFreshCache() throws Exception {
        Map<String, Object> r = host.context().run(apt, Map.of("update_cache", true));
        assertThat(r).containsEntry("changed", true).containsEntry("cache_updated", true);
        assertThat(host.calls()).contains("apt-get update -q");
        assertThat((Long) r.get("cache_update_time")).isGreaterThan(0L);
        host.clear();
        Map<String, Object> fresh = host.context().run(apt, Map.of("update_cache", true, "cache_valid_time", 3600));
        assertThat(fresh).containsEntry("changed", false).containsEntry("cache_updated", false);
        assertThat(host.calls()).isEmpty();
        Files.setLastModifiedTime(host.state().resolve("stamp"), FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
        Map<String, Object> check = host.context().check(true).run(apt, Map.of("update_cache", true, "cache_valid_time", 3600));
        assertThat(check).containsEntry("changed", true);
        assertThat(host.calls()).isEmpty();
    }

    @Test
    void upgradeReportsFromAptOutput() throws Exception {
        host.file("pending", "x\n");
        assertThat(host.context().run(apt, Map.of("upgrade", "dist"))).containsEntry("changed", true);
        assertThat(host.calls()).anyMatch(c -> c.endsWith("dist-upgrade"));
        assertThat(host.context().run(apt, Map.of("upgrade", "dist"))).containsEntry("changed", false);
    }

    @Test
    void installsDebFileOnce() throws Exception {
        Path deb = dir.resolve("tool_1.0.deb");
        Files.writeString(deb, "tool\n1.0\n");
        Map<String, Object> r = host.context().run(apt, Map.of("deb", deb.toString()));
        assertThat(r).containsEntry("changed", true);
        assertThat(host.read("dpkg")).contains("tool install ok installed 1.0");
        assertThat(host.context().run(apt, Map.of("deb", deb.toString()))).containsEntry("changed", false);
        assertThat(host.context().run(apt, Map.of("deb", deb.toString(), "state", "absent")))
                .containsEntry("msg", "deb only supports state=present");
    }

    @Test
    void diffShowsAptGetsPlan() throws Exception {
        Map<String, Object> r = host.context().diff(true).run(apt, Map.of("name", "curl"));
        assertThat(r).containsEntry("diff", Map.of("prepared", "Setting up curl (7.81) ...\n")).containsEntry("changed", true);
        assertThat(Apt.prepared("Reading package lists...\nReading state information...\nThe following NEW packages will be installed:\n"
                + "  curl\n1 upgraded, 1 newly installed, 0 to remove\nSetting up curl\n"))
                .isEqualTo("The following NEW packages will be installed:\n  curl\n1 upgraded, 1 newly installed, 0 to remove");
    }

    @Test
    void badSpecIsRefused() throws Exception {
        assertThat(host.context().run(apt, Map.of("name", "a=1=2"))).containsEntry("msg", "invalid package spec: a=1=2");
    }
}
