package dev.jplay.modules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** getent, package_facts, service_facts and gather_facts on this machine and on recorded tool outputs. */
class MoreFactModulesTest {
    @Test
    @SuppressWarnings("unchecked")
    void getentSplitsAsAnsibleAndFailsOnAMissingKey() throws Exception {
        Map<String, Object> r = TestContext.local().run(new Getent(), Map.of("database", "passwd", "key", "root"));
        Map<String, Object> db = (Map<String, Object>) ((Map<String, Object>) r.get("ansible_facts")).get("getent_passwd");
        assertThat((List<Object>) db.get("root")).startsWith("x", "0", "0");
        assertThat(TestContext.local().run(new Getent(), Map.of("database", "passwd", "key", "no-such-user-jplay")))
                .containsEntry("failed", true).containsEntry("msg", "One or more supplied key could not be found in the database.");
        assertThat(TestContext.local().run(new Getent(), Map.of("database", "passwd", "key", "no-such-user-jplay", "fail_key", false)))
                .doesNotContainKey("failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void packageFactsFromDpkgAndRpmOutputs() {
        String dpkg = "ii \tbash\t5.2.15-2+b7\tamd64\tshells\t\nrc \told\t1.0\tall\tutils\t\nii \tlibc6\t2.36-9\tamd64\tlibs\tDebian\n";
        String rpm = "bash\t5.1.8\t9.el9\t(none)\tx86_64\nkernel\t5.14.0\t427.el9\t(none)\tx86_64\nkernel\t5.14.0\t362.el9\t(none)\tx86_64\n";
        Map<String, Object> p = PackageFacts.parse(dpkg, rpm, "Debian");
        assertThat(p).doesNotContainKey("old");
        assertThat((List<Object>) p.get("libc6")).containsExactly(new TreeMap<>(Map.of("arch", "amd64", "category", "libs", "name", "libc6",
                "origin", "Debian", "source", "apt", "version", "2.36-9")));
        assertThat((List<Object>) p.get("kernel")).hasSize(2);
        assertThat(((List<Map<String, Object>>) p.get("bash")).get(1)).containsEntry("source", "rpm").containsEntry("release", "9.el9")
                .containsEntry("epoch", null);
    }

    @Test
    void serviceFactsFromSysvAndSystemd() {
        Map<String, Object> sysv = new TreeMap<>();
        ServiceFacts.sysv(" [ - ]  dbus\n [ ? ]  hwclock.sh\n [ + ]  ssh\n", sysv);
        assertThat(sysv).containsOnlyKeys("dbus", "ssh");
        assertThat(sysv.get("ssh")).isEqualTo(Map.of("name", "ssh", "source", "sysv", "state", "running"));
        Map<String, Object> sd = new TreeMap<>();
        ServiceFacts.systemd("ssh.service loaded active running OpenBSD Secure Shell server\ncron.service loaded inactive dead Cron\n",
                "ssh.service enabled enabled\ncron.service disabled enabled\ngetty@.service enabled enabled\nrescue.service static -\n", sd);
        assertThat(sd.get("ssh.service")).isEqualTo(Map.of("name", "ssh.service", "source", "systemd", "state", "running", "status", "enabled"));
        assertThat(sd.get("cron.service")).isEqualTo(Map.of("name", "cron.service", "source", "systemd", "state", "stopped", "status", "disabled"));
        assertThat(sd).containsKey("rescue.service").doesNotContainKey("getty@.service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void gatherFactsRunsSetupWithItsArguments() throws Exception {
        Map<String, Object> r = TestContext.local().run(new GatherFacts(new Setup()), Map.of("parallel", true, "gather_subset", List.of("!all"),
                "filter", List.of("ansible_system")));
        assertThat(((Map<String, Object>) r.get("ansible_facts"))).containsEntry("ansible_system", "Linux");
    }
}
