package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.data.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fact_caching=jsonfile}: facts written per host, found by the next run (gathering=smart skips them), expired, flushed. */
class FactCacheTest {
    @TempDir
    Path dir;

    private static final String USE_FACTS = """
            - hosts: all
              tasks:
                - assert:
                    that:
                      - ansible_distribution is defined
                      - ansible_facts.os_family is defined
                      - hostvars.h1.ansible_kernel is defined
            """;

    @Test
    @SuppressWarnings("unchecked")
    void factsOutliveTheRunAndSmartGatheringSkipsCachedHosts() throws Exception {
        Path cache = dir.resolve("cache");
        FactCache fc = FactCache.of("jsonfile", cache.toString(), 3600, "ansible_facts");
        Runs r = new Runs(dir).run("- hosts: all\n  tasks: [{debug: msg=hi}]\n", o -> o.with(o.facts().withCache(fc)));
        assertThat(r.recap("h1")).startsWith("2 0 0 0");
        Map<String, Object> saved = (Map<String, Object>) Json.parse(Files.readString(cache.resolve("ansible_factsh1")));
        assertThat(saved).containsKeys("ansible_distribution", "ansible_kernel", "module_setup");

        Runs smart = new Runs(dir).run(USE_FACTS, o -> o.with(new FactOptions("smart", null, fc, false)));
        assertThat(smart.recap("h1")).as("no gathering task, the assert passes on cached facts").isEqualTo("1 0 0 0 0 0 0");

        Files.setLastModifiedTime(cache.resolve("ansible_factsh1"), FileTime.from(Instant.now().minusSeconds(7200)));
        Runs expired = new Runs(dir).run(USE_FACTS, o -> o.with(new FactOptions("explicit", null, fc, false)));
        assertThat(expired.recap("h1")).as("expired facts are not loaded").isEqualTo("0 0 0 1 0 0 0");

        new Runs(dir).run("- hosts: all\n  tasks: [{debug: msg=hi}]\n", o -> o.with(o.facts().withCache(fc)));
        new Runs(dir).run("- hosts: all\n  gather_facts: false\n  tasks: []\n", o -> o.with(new FactOptions(null, null, fc, true)));
        assertThat(cache.resolve("ansible_factsh1")).doesNotExist();
    }

    @Test
    void settingsAreCheckedAsAnsibleDoes() {
        assertThat(FactCache.of(null, null, 0, null)).isEqualTo(FactCache.MEMORY);
        assertThatThrownBy(() -> FactCache.of("jsonfile", null, 0, null)).hasMessageContaining("requires the 'fact_caching_connection'");
        assertThatThrownBy(() -> FactCache.of("redis", "x", 0, null)).hasMessageContaining("not supported by jplay");
    }
}
