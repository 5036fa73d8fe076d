package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** until with failed_when, float delays and templated set_fact names, as ansible-core 2.14 runs them (its loop-until target). */
class UntilFailedWhenTest {
    @TempDir
    Path dir;

    @Test
    void failedWhenDecidesEvenWhenRetriesRunOut() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: retried
                      shell: 'true'
                      register: cwa
                      until: 1 == 0
                      retries: 1
                      delay: 0.5
                      failed_when: cwa.attempts > 6
                    - name: looped
                      shell: 'true'
                      register: looped
                      until: 1 == 0
                      retries: 1
                      delay: 0.1
                      failed_when: looped.attempts > 6
                      loop: [1]
                """);
        assertThat(r.res("retried", "h1")).containsEntry("failed", true).containsEntry("failed_when_result", false).containsEntry("attempts", 1L);
        assertThat(r.recap("h1")).isEqualTo("2 2 0 0 0 0 0");
    }

    @Test
    void setFactTemplatesItsNames() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: named
                      set_fact:
                        "path_{{ idx }}": "{{ item }}"
                      loop: [a, b]
                      loop_control:
                        index_var: idx
                    - name: show
                      debug:
                        msg: "{{ path_0 }}{{ path_1 }}"
                """);
        assertThat(r.res("show", "h1")).containsEntry("msg", "ab");
    }
}
