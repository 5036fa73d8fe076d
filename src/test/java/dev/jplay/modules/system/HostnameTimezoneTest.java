package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostnameTimezoneTest {
    @TempDir
    Path dir;
    FakeHost host;

    @BeforeEach
    void setUp() {
        host = new FakeHost(dir).file("static", "old\n").file("transient", "old\n").file("tz", "Etc/UTC\n").file("rtc", "no\n");
        host.tool("hostnamectl", """
                for a in "$@"; do case "$a" in --static) k=static;; --transient) k=transient;; esac; done
                case "$*" in *set-hostname*) eval n=\\${$#}; echo "$n" > $S/$k;; *) cat $S/$k;; esac""");
        host.tool("hostname", "echo \"$(cat $S/transient).example.com\"");
        host.tool("timedatectl", """
                case "$1" in
                  status) echo "               Local time: Wed 2026-11-25"; echo "                Time zone: $(cat $S/tz) (UTC, +0000)"; echo "          RTC in local TZ: $(cat $S/rtc)";;
                  set-timezone) echo "$2" > $S/tz;; set-local-rtc) echo "$2" > $S/rtc;;
                esac""");
    }

    @Test
    void setsHostnameWithHostnamectlWhereSystemdRuns() throws Exception {
        Hostname m = new Hostname(dir.resolve("hostname").toString(), "true");
        assertThat(host.context().check(true).run(m, Map.of("name", "web01"))).containsEntry("changed", true);
        assertThat(host.read("static")).isEqualTo("old\n");
        Map<String, Object> r = host.context().run(m, Map.of("name", "web01"));
        assertThat(r).containsEntry("changed", true).containsEntry("name", "web01")
                .containsEntry("diff", Map.of("before", "hostname = old\n", "after", "hostname = web01\n"));
        assertThat(r.get("ansible_facts")).isEqualTo(Map.of("ansible_hostname", "web01", "ansible_nodename", "web01",
                "ansible_fqdn", "web01.example.com", "ansible_domain", "example.com"));
        assertThat(host.calls()).contains("hostnamectl --pretty --static set-hostname web01", "hostnamectl --transient set-hostname web01");
        host.clear();
        assertThat(host.context().run(m, Map.of("name", "web01"))).containsEntry("changed", false).doesNotContainKey("diff");
        assertThat(host.calls()).noneMatch(c -> c.contains("set-hostname"));
    }

    @Test
    void writesTheHostnameFileWithoutSystemd() throws Exception {
        Path file = dir.resolve("etc-hostname");
        Files.writeString(file, "old\n");
        Hostname m = new Hostname(file.toString(), "false");
        assertThat(host.context().check(true).run(m, Map.of("name", "web01"))).containsEntry("changed", true);
        assertThat(file).hasContent("old");
        Map<String, Object> r = host.context().run(m, Map.of("name", "web01"));
        assertThat(r).containsEntry("changed", true).containsEntry("diff", Map.of("before", "hostname = old\n", "after", "hostname = web01\n"));
        assertThat(Files.readString(file)).isEqualTo("web01\n");
        assertThat(host.calls()).noneMatch(c -> c.startsWith("hostnamectl"));
        assertThat(host.context().run(m, Map.of("name", "web01"))).containsEntry("changed", false);
        assertThat(host.context().run(m, Map.of("name", "web01", "use", "systemd"))).containsEntry("changed", true);
        assertThat(host.calls()).contains("hostnamectl --pretty --static set-hostname web01");
    }

    @Test
    void setsTimezoneOnce() throws Exception {
        Path zi = dir.resolve("zoneinfo/Europe");
        Files.createDirectories(zi);
        Files.writeString(zi.resolve("Paris"), "");
        Timezone m = new Timezone(dir.resolve("zoneinfo").toString());
        Map<String, Object> args = Map.of("name", "Europe/Paris", "hwclock", "UTC");
        Map<String, Object> r = host.context().run(m, args);
        assertThat(r).containsEntry("changed", true).containsEntry("diff",
                Map.of("before", Map.of("hwclock", "UTC", "name", "Etc/UTC"), "after", Map.of("hwclock", "UTC", "name", "Europe/Paris")));
        assertThat(host.read("tz")).isEqualTo("Europe/Paris\n");
        assertThat(host.context().run(m, args)).containsEntry("changed", false);
        assertThat(host.context().run(m, Map.of("name", "Mars/Olympus")))
                .containsEntry("msg", "Error message:\ngiven timezone \"Mars/Olympus\" is not available");
    }
}
