package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A play variable named as a keyword or a Jinja2 global gets Ansible's warning (ansible-core's var_reserved target). */
class ReservedNamesTest {
    @TempDir
    Path dir;

    @Test
    void aPlayVariableWithAReservedNameIsWarnedAbout() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  vars:
                    lipsum: jinja2 uses me internally
                    name: a keyword
                    fine: ok
                  tasks:
                    - debug:
                """);
        assertThat(r.rec.warnings()).containsSubsequence("Found variable using reserved name: lipsum", "Found variable using reserved name: name")
                .noneMatch(w -> w.contains("fine"));
        assertThat(r.recap("h1")).isEqualTo("1 0 0 0 0 0 0");
    }
}
