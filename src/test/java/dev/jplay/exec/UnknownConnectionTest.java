package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownConnectionTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownTypeFailsTheTaskWhereItIsNamingTheKnownOnes() {
        Runs r = new Runs(dir).file("hosts", "bird ansible_connection=carrier_pigeon\nh1 ansible_connection=local\n")
                .run("- hosts: all\n  gather_facts: false\n  tasks:\n    - command: 'true'\n");
        assertThat(r.recap("bird")).isEqualTo("0 0 0 1 0 0 0");
        assertThat(r.recap("h1")).isEqualTo("1 1 0 0 0 0 0");
        assertThat((String) r.res("command", "bird").get("msg"))
                .startsWith("the connection plugin 'carrier_pigeon' was not found; jplay connects with: ssh (also smart")
                .contains("chroot (also community.general.chroot)")
                .doesNotContain("The error appears to be in"); // ansible-playbook 2.14: the message alone
    }
}
