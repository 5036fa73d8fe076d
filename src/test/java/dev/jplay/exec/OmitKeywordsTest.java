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
}
