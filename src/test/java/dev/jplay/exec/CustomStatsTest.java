package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.output.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code set_stats} data is kept for the recap as ansible-core 2.14's strategy and AggregateStats keep it
 * (values checked with ansible-playbook 2.14.18 and ANSIBLE_SHOW_CUSTOM_STATS=yes).
 */
class CustomStatsTest {
    @TempDir
    Path dir;

    @Test
    void aggregatesPerRunAndPerHostAsAnsibleDoes() {
        Runs r = new Runs(dir).hosts(2).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - set_stats: {data: {my_int: 10, l: [1], d: {x: 1}, s: "a"}}
                    - set_stats: {data: {my_int: 15, l: [2], d: {y: 2}, s: "b", f: 1.5}}
                    - set_stats: {data: {ph: 1}, per_host: true}
                    - set_stats: {data: {ph: 2, my_int: "str"}, per_host: true}
                    - set_stats: {data: {nag: 1}, aggregate: false}
                      run_once: true
                    - set_stats: {data: {ro: 1}, per_host: true}
                      run_once: true
                    - set_stats: {data: {lp: "{{ item }}"}}
                      loop: [1, 2]
                    - set_stats: {data: {my_int: 1.5, failed: 1}}
                      failed_when: true
                      ignore_errors: true
                    - set_stats: {data: {my_int: "x"}}
                """);
        Map<String, Map<String, Object>> custom = r.rec.of(Event.Recap.class).get(0).custom();
        Map<String, Object> perHost = Map.of("my_int", "str", "ph", 3L, "ro", 1L);
        assertThat(custom).containsOnlyKeys("h1", "h2", "_run");
        assertThat(custom.get("h1")).isEqualTo(perHost);
        assertThat(custom.get("h2")).isEqualTo(perHost);
        assertThat(custom.get("_run")).isEqualTo(Map.of("d", Map.of("x", 1L, "y", 2L), "f", 3.0, "l", List.of(1L, 1L, 2L, 2L),
                "lp", 6L, "my_int", 50L, "nag", 1L, "s", "aabb"));
    }
}
