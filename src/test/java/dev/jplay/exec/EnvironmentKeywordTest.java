package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment keyword as ansible-core 2.14 templates it (its environment target). */
class EnvironmentKeywordTest {
    @TempDir
    Path dir;

    @Test
    void aValueNeedingTheUngatheredAnsibleEnvFactIsLeftOut() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  environment:
                    PATH: '{{ ansible_env.PATH + ":/lola" }}'
                    lola: ido
                  tasks:
                    - name: env
                      shell: echo "$lola $PATH"
                      register: out
                    - name: other undefined
                      shell: echo hi
                      environment:
                        x: "{{ nope }}"
                      ignore_errors: true
                """);
        assertThat((String) r.res("env", "h1").get("stdout")).startsWith("ido ").doesNotContain("/lola");
        assertThat(r.res("other undefined", "h1")).containsEntry("failed", true);
    }

    @Test
    void aNameIsNotTemplated() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  vars: {k: MYKEY}
                  tasks:
                    - name: env
                      shell: echo "${MYKEY-unset}"
                      environment:
                        "{{ k }}": val
                      register: out
                      ignore_errors: true
                """);
        assertThat(r.res("env", "h1").get("stdout")).isNotEqualTo("val"); // Ansible sets no MYKEY (its shell fails on "{{")
    }
}
