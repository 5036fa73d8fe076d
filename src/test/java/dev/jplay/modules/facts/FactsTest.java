package dev.jplay.modules.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fact parsing on fixed script output, Ansible's subset rules, and a local run of the real script. */
class FactsTest {
    @TempDir
    Path dir;

    @Test
    void subsetsFollowAnsiblesRules() {
        assertThat(Subsets.resolve(List.of("!all"))).containsExactlyInAnyOrderElementsOf(Subsets.MIN);
        assertThat(Subsets.resolve(List.of("!all", "!min", "local"))).containsExactly("local");
        assertThat(Subsets.resolve(List.of("network", "!hardware"))).contains("network", "platform", "distribution").doesNotContain("hardware");
        assertThat(Subsets.resolve(List.of("all", "!virtual"))).contains("hardware", "loadavg").doesNotContain("virtual");
        assertThat(Subsets.resolve(List.of("!all", "mounts"))).contains("hardware");
        assertThatThrownBy(() -> Subsets.resolve(List.of("dmi"))).hasMessageStartingWith("Bad subset 'dmi' given to Ansible.");
    }

    @Test
    void kernelCommandLineAsBothOfAnsiblesReadings() {
        String line = "BOOT_IMAGE=/vmlinuz root=UUID=abc ro quiet console=tty0 console=ttyS0,115200 opt=\"a b\"";
        assertThat(SystemFacts.cmdline(line, false)).containsEntry("ro", true).containsEntry("console", "ttyS0,115200")
                .containsEntry("root", "UUID=abc").containsEntry("opt", "\"a b\"");
        assertThat(SystemFacts.cmdline(line, true)).containsEntry("console", List.of("tty0", "ttyS0,115200"));
    }

    @Test
    void localFactsAreJsonIniOrAnError() {
        assertThat(LocalFacts.value("j", "{\"a\": [1]}")).isEqualTo(Map.of("a", List.of(1L)));
        assertThat(LocalFacts.value("i", "[general]\nColor = blue\nsize: 3\n")).isEqualTo(Map.of("general", Map.of("color", "blue", "size", "3")));
        assertThat(LocalFacts.value("x", "not a fact")).isEqualTo("error loading facts as JSON or ini - please check content: x.fact");
    }

    @Test
    void sizesAndVirtualizationFromRawLines() {
        assertThat(DeviceFacts.human(0)).isEqualTo("0.00 Bytes");
        assertThat(DeviceFacts.human(21474836480L)).isEqualTo("20.00 GB");
        FactSet f = new FactSet();
        VirtualFacts.collect(RawFacts.parse("exists\t/.dockerenv\nexists\t/dev/kvm\ndmi\tsys_vendor=QEMU\n"), f);
        assertThat(f.values()).containsEntry("ansible_virtualization_type", "docker").containsEntry("ansible_virtualization_role", "guest")
                .containsEntry("ansible_virtualization_tech_guest", List.of("docker", "container", "kvm"))
                .containsEntry("ansible_virtualization_tech_host", List.of("kvm"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScriptRunsHereAndGivesTheCoreFactsWithTheirTypes() throws Exception {
        Files.writeString(dir.resolve("x.fact"), "{\"k\": \"v\"}");
        Path dead = Files.createSymbolicLink(dir.resolve("dead.fact"), dir.resolve("nowhere"));
        Map<String, Object> r = TestContext.local().run(new Setup(), Map.of("fact_path", dir.toString()));
        Map<String, Object> f = (Map<String, Object>) r.get("ansible_facts");
        assertThat(f.get("ansible_local")).as("a dangling symlink is reported as Python's os.stat fails").isEqualTo(Map.of("x", Map.of("k", "v"),
                "dead", "Could not stat fact (" + dead + "): [Errno 2] No such file or directory: '" + dead + "'"));
        assertThat(f.get("ansible_system")).isEqualTo("Linux");
        assertThat(f.get("ansible_user_uid")).isInstanceOf(Long.class);
        assertThat(f.get("ansible_memtotal_mb")).isInstanceOf(Long.class);
        assertThat((Map<String, Object>) f.get("ansible_date_time")).containsKeys("epoch", "iso8601", "tz");
        assertThat(f).containsKeys("ansible_distribution", "ansible_os_family", "ansible_mounts", "ansible_devices", "ansible_interfaces",
                "ansible_default_ipv4", "ansible_virtualization_type", "gather_subset", "module_setup");
        Map<String, Object> min = (Map<String, Object>) TestContext.local().run(new Setup(), Map.of("gather_subset", List.of("!all"),
                "filter", List.of("ansible_distribution*"))).get("ansible_facts");
        assertThat(min.keySet()).allMatch(k -> k.startsWith("ansible_distribution") || k.equals("discovered_interpreter_python"));
    }
}
