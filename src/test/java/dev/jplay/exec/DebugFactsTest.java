package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code debug} result that shows a variable named {@code ansible_facts} sets no facts, as ansible-core 2.14's
 * strategy skips debug's ansible_facts (ansible/ansible#74060; the debug target's nosetfacts.yml).
 */
class DebugFactsTest {
    @TempDir
    Path dir;

    @Test
    void debugOfAnsibleFactsSetsNoFacts() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - set_fact: {ansible_facts: {nonfact: 1}}
                    - {name: before, debug: {msg: "{{ nonfact is defined }}"}}
                    - debug: var=ansible_facts
                    - {name: after, debug: {msg: "{{ nonfact is defined }}"}}
                """);
        assertThat(r.res("before", "h1")).containsEntry("msg", false);
        assertThat(r.res("after", "h1")).containsEntry("msg", false);
    }
}
