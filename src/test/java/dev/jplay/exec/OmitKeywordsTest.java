package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.output.Event;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keyword that renders as omit is not set at its level, as in Ansible: the level above gives it, else the default. */
class OmitKeywordsTest {
    @TempDir
    Path dir;

    @Test
    void anOmittedTaskKeywordTakesTheBlocksValue() {
        Runs r = new Runs(dir).hosts(2).run("""
                - hosts: h1
                  gather_facts: false
                  serial: "{{ nope | default(omit) }}"
                  tasks:
                    - block:
                        - name: omitted
                          debug: msg=x
                          delegate_to: "{{ omit }}"
                      delegate_to: h2
                    - name: nothing above
                      debug: msg=y
                      delegate_to: "{{ omit }}"
                """);
        assertThat(r.rec.of(Event.HostResult.class).stream().map(h -> h.task().banner() + " " + h.delegatedTo()))
                .containsExactly("omitted h2", "nothing above null");
        assertThat(r.result.exitCode()).isZero();
    }

    @Test
    void anOmittedBooleanKeywordTakesTheLevelAboveInsteadOfFailingConversion() {
        Runs r = new Runs(dir).run("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - block:
                        - copy: content=x dest=%1$s/checked
                          check_mode: "{{ omit }}"
                      check_mode: true
                    - copy: content=x dest=%1$s/written
                      check_mode: "{{ omit }}"
                      run_once: "{{ omit }}"
                      no_log: "{{ omit }}"
                      ignore_errors: "{{ omit }}"
                """.formatted(dir));
        assertThat(r.recap("h1")).isEqualTo("2 2 0 0 0 0 0");
        assertThat(dir.resolve("checked")).doesNotExist();
        assertThat(dir.resolve("written")).hasContent("x");
    }
}
