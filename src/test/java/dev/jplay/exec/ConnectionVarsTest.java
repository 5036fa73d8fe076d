package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection variables a task sees as Ansible 2.14 adds them (ansible-core's lookup_vars target): the address
 * and connection type used, below every variable that is set, and not host variables.
 */
class ConnectionVarsTest {
    @TempDir
    Path dir;

    @Test
    void aTaskSeesTheAddressAndConnectionItUses() {
        Runs r = new Runs(dir).hosts(2).file("hosts", "h1 ansible_connection=local\nh2 ansible_connection=local ansible_host=127.0.0.1\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: seen
                      set_fact:
                        host: "{{ ansible_host }}"
                        looked_up: "{{ query('vars', 'ansible_host', 'ansible_connection', 'ansible_ssh_host') }}"
                        timeout: "{{ ansible_timeout }}"
                        user: "{{ ansible_user | default('unset') }}"
                        in_hostvars: "{{ 'ansible_host' in hostvars[inventory_hostname] }}"
                """);
        assertThat(r.res("seen", "h1")).extractingByKey("ansible_facts").asString()
                .contains("host=h1", "looked_up=[h1, local, h1]", "timeout=10", "user=unset", "in_hostvars=false");
        assertThat(r.res("seen", "h2")).extractingByKey("ansible_facts").asString()
                .contains("host=127.0.0.1", "looked_up=[127.0.0.1, local, 127.0.0.1]", "in_hostvars=true");
    }
}
