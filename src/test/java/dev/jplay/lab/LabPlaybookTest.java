package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs of the jplay command line over SSH against 10 real OpenSSH lab hosts. */
class LabPlaybookTest {
    static Lab lab;
    @TempDir
    static Path dir;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.up("10.242", 10, null);
        Files.writeString(dir.resolve("site.yml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: leave a mark once
                      ansible.builtin.command: touch /var/tmp/jplay-mark
                      args:
                        creates: /var/tmp/jplay-mark
                    - name: ten megabytes on stderr
                      ansible.builtin.shell: head -c 10485760 /dev/zero | tr '\\0' x >&2; echo fine
                      register: noisy
                      changed_when: false
                    - name: all of it arrived
                      ansible.builtin.assert:
                        that:
                          - noisy.stderr | length == 10485760
                          - noisy.stdout == 'fine'
                """);
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) lab.close();
    }

    @Test
    void changesEveryHostOnceThenNothingAndCountsAStoppedHostAsUnreachable() throws Exception {
        String inv = lab.inventory().toString();
        JplayProcess.Run first = JplayProcess.run(dir, "-i", inv, "site.yml", "-f", "10");
        assertThat(first.exit()).as(first.out()).isZero();
        for (String h : lab.names()) {
            assertThat(first.recap(h)).contains("ok=3", "changed=1", "failed=0");
            assertThat(Files.exists(lab.changes(h).resolve("var/tmp/jplay-mark"))).isTrue();
        }
        assertThat(Files.exists(Path.of("/var/tmp/jplay-mark"))).as("the lab host's writes stay in its overlay").isFalse();

        JplayProcess.Run second = JplayProcess.run(dir, "-i", inv, "site.yml", "-f", "10");
        assertThat(second.exit()).isZero();
        for (String h : lab.names()) assertThat(second.recap(h)).contains("ok=3", "changed=0");

        lab.stop("lab03");
        try {
            JplayProcess.Run third = JplayProcess.run(dir, "-i", inv, "site.yml", "-f", "10");
            assertThat(third.exit()).as(third.out()).isEqualTo(4);
            assertThat(third.out()).contains("fatal: [lab03]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                    + "connect to host " + lab.address(3) + " port 22: Connection refused\", \"unreachable\": true}");
            assertThat(third.recap("lab03")).contains("ok=0", "unreachable=1");
            assertThat(third.recap("lab10")).contains("ok=3", "unreachable=0");
        } finally {
            lab.start("lab03");
        }
    }

    @Test
    void refusesAHostWhoseKeyChanged() throws Exception {
        Path kh = dir.resolve("known_hosts_changed");
        String other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC9yoQYlRZKv6pJg4tnsoW7bl7rFxr6bqh0tAhjcUm7s";
        Files.writeString(kh, lab.address(1) + " " + other + "\n");
        JplayProcess.Run r = JplayProcess.run(dir, "-i", lab.inventory().toString(), "site.yml", "-l", "lab01",
                "-e", "ansible_ssh_common_args='-o UserKnownHostsFile=" + kh + "'");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.out()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED for " + lab.address(1));
    }
}
