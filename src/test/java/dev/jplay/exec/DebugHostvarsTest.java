package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debug: var=hostvars['other']} shows the other host's variables, without {@code hostvars} itself (it
 * overflowed the stack: each host's variables held hostvars again). Checked with ansible-playbook 2.14.18.
 */
class DebugHostvarsTest {
    @TempDir
    Path dir;

    @Test
    void debugOfAnotherHostsHostvarsShowsItsVariables() {
        Runs r = new Runs(dir).hosts(2).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - set_fact: {mine: "{{ inventory_hostname }}"}
                    - {name: dump, debug: "var=hostvars['h2']", when: inventory_hostname == 'h1'}
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> h2 = (Map<String, Object>) r.res("dump", "h1").get("hostvars['h2']");
        assertThat(h2).containsEntry("mine", "h2").containsEntry("inventory_hostname", "h2")
                .containsKey("groups").doesNotContainKey("hostvars");
    }
}
