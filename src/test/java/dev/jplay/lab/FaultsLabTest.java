package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults injected into real OpenSSH hosts while jplay runs (lab/lab's fault verbs): a host stopped mid-task, sshd
 * killed and restarted, a 10 s network partition, 200 ms latency with 5 % loss, a full disk during copy and
 * template, a transfer cut halfway. The other hosts always finish; the faulted one is failed or unreachable with a
 * clear message; no file is left half-written and no temporary file stays behind; the next run reconnects. An
 * interrupted controller (SIGINT, SIGTERM) kills what it started on the hosts and starts nothing more.
 */
class FaultsLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static byte[] payload;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.up("10.237", 4, null);
        payload = new byte[2_000_000];
        new Random(7).nextBytes(payload);
        Files.write(dir.resolve("payload.bin"), payload);
        // about 1.6 MB rendered: more than the small disk holds
        Files.writeString(dir.resolve("big.j2"), "{% for i in range(20000) %}line {{ i }} of {{ inventory_hostname }} "
                + "...............................................................\n{% endfor %}");
        Files.writeString(dir.resolve("small.j2"), "host={{ inventory_hostname }}\n");
        Files.writeString(dir.resolve("become.yml"), "ansible_become_password: " + lab.becomePassword().reveal() + "\n");
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) lab.close();
    }

    /** Every host starts with the old content in /srv/app, and whatever a fault left is undone. */
    @BeforeEach
    void reset() throws Exception {
        for (String h : lab.names()) {
            lab.heal(h);
            lab.fast(h);
            lab.start(h);
            lab.ssh(h, "umount /srv/app 2>/dev/null; rm -rf /srv/app; mkdir -p /srv/app; echo old > /srv/app/payload.bin; echo old > /srv/app/app.conf");
        }
    }

    @Test
    void aFullDiskACutTransferAndAStoppedHostFailOnlyTheirHostsLeaveNoHalfFilesAndTheNextRunReconnects() throws Exception {
        String marker = "jplay-fault-" + UUID.randomUUID();
        Files.writeString(dir.resolve("b.yml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: long step
                      ansible.builtin.shell: ": %s-{{ inventory_hostname }}; sleep 2"
                    - name: copy a file
                      ansible.builtin.copy: {src: payload.bin, dest: /srv/app/payload.bin}
                      ignore_errors: "{{ inventory_hostname == 'lab01' }}"
                    - name: template
                      ansible.builtin.template: {src: big.j2, dest: /srv/app/app.conf}
                      ignore_errors: "{{ inventory_hostname == 'lab01' }}"
                    - name: copy as another user, with become
                      ansible.builtin.copy: {src: payload.bin, dest: /srv/app/payload.bin}
                      become: true
                      vars: {ansible_user: jplay}
                    - name: last step
                      ansible.builtin.command: hostname
                """.formatted(marker));
        lab.diskSmall("lab01", "/srv/app", "1m");
        lab.slow("lab02", 0, 0);
        lab.cut("lab02", 600_000); // during the 2 MB copy: the run's earlier traffic is a few KB
        JplayProcess.Running running = JplayProcess.start(dir, "-i", lab.inventory().toString(), "b.yml", "-e", "@become.yml");
        Lab.awaitProcess(marker + "-lab03", Duration.ofSeconds(60));
        lab.stop("lab03");
        JplayProcess.Run r = running.await();

        assertThat(r.exit()).as(r.out()).isEqualTo(4);
        assertThat(r.recap("lab04")).contains("ok=5", "failed=0", "unreachable=0");
        // disk full: copy and template (SFTP) and copy through the become shell fail at once, clearly
        assertThat(r.out()).contains("fatal: [lab01]: FAILED! => {\"changed\": false, \"msg\": \"cannot write /srv/app/payload.bin: No space left on device\"}",
                "fatal: [lab01]: FAILED! => {\"changed\": false, \"msg\": \"cannot write /srv/app/app.conf: No space left on device\"}");
        assertThat(r.out()).containsPattern("fatal: \\[lab01\\]: FAILED! => \\{\"changed\": false, \"msg\": \"cannot write /srv/app/payload.bin: .*No space left on device");
        assertThat(r.recap("lab01")).contains("ok=3", "failed=1", "ignored=2");
        // the connection cut halfway through the copy
        assertThat(r.out()).contains("fatal: [lab02]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                + "Shared connection to lab02 closed.\", \"unreachable\": true}");
        assertThat(r.recap("lab02")).contains("ok=1", "unreachable=1");
        // the host that went away in the middle of a command
        assertThat(r.out()).containsPattern("fatal: \\[lab03\\]: UNREACHABLE! => \\{\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: [^\"]+\", \"unreachable\": true}");
        assertThat(r.recap("lab03")).contains("ok=0", "unreachable=1");
        assertThat(r.out()).doesNotContain("Exception", "java.");

        // old content intact, no temporary file left (lab02's was removed through one more connection at the end)
        for (String h : new String[] {"lab01", "lab02"}) {
            assertThat(lab.ssh(h, "cat /srv/app/payload.bin /srv/app/app.conf; ls -A /srv/app")).as(h).isEqualTo("old\nold\napp.conf\npayload.bin\n");
        }
        assertThat(createdIn("lab02", "tmp")).isEqualTo(createdIn("lab04", "tmp"));

        // the next run reconnects to every host and finishes the work
        lab.diskRestore("lab01", "/srv/app");
        lab.fast("lab02");
        lab.start("lab03");
        JplayProcess.Run again = JplayProcess.run(dir, "-i", lab.inventory().toString(), "b.yml", "-e", "@become.yml");
        assertThat(again.exit()).as(again.out()).isZero();
        for (String h : lab.names()) {
            assertThat(again.recap(h)).contains("ok=5", "failed=0", "unreachable=0");
            assertThat(lab.ssh(h, "ls -A /srv/app; wc -c < /srv/app/payload.bin")).as(h).isEqualTo("app.conf\npayload.bin\n2000000\n");
        }
    }

    @Test
    void aTransferThroughTheBecomeShellCutHalfwayLeavesTheOldFileOnEitherPath() throws Exception {
        Files.writeString(dir.resolve("d.yml"), """
                - hosts: lab02,lab04
                  gather_facts: false
                  become: true
                  vars: {ansible_user: jplay}
                  tasks:
                    - name: copy as another user, with become
                      ansible.builtin.copy: {src: payload.bin, dest: /srv/app/payload.bin}
                """);
        List<String> tmpBefore = createdIn("lab02", "tmp");
        for (String persistent : new String[] {"true", "false"}) {
            lab.slow("lab02", 0, 0);
            lab.cut("lab02", 600_000);
            JplayProcess.Run r = JplayProcess.run(dir, "-i", lab.inventory().toString(), "d.yml", "-e", "@become.yml",
                    "-e", "jplay_persistent_shell=" + persistent);
            assertThat(r.exit()).as(r.out()).isEqualTo(4);
            assertThat(r.out()).contains("fatal: [lab02]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                    + "Shared connection to lab02 closed.\", \"unreachable\": true}");
            assertThat(r.recap("lab04")).contains("ok=1", "changed=1");
            assertThat(lab.ssh("lab02", "cat /srv/app/payload.bin; ls -A /srv/app")).as("persistent shell %s", persistent)
                    .isEqualTo("old\napp.conf\npayload.bin\n");
            assertThat(createdIn("lab02", "tmp")).as("persistent shell %s", persistent).isEqualTo(tmpBefore);
            lab.ssh("lab04", "echo old > /srv/app/payload.bin");
        }
    }

    @Test
    void aHostPartitionedInPlayOneIsFinishedByResumeWhichRunsItsPendingHandlerFirst() throws Exception {
        String marker = "jplay-fault-" + UUID.randomUUID();
        Files.writeString(dir.resolve("r.yml"), """
                - name: play one
                  hosts: all
                  gather_facts: false
                  tasks:
                    - name: write the config
                      ansible.builtin.copy: {content: "v2\\n", dest: /srv/app/app.conf}
                      notify: restart app
                    - name: long step
                      ansible.builtin.shell: ": %s-{{ inventory_hostname }}; sleep 1; echo long >> /srv/app/steps"
                    - name: after
                      ansible.builtin.shell: echo after >> /srv/app/steps
                  handlers:
                    - name: restart app
                      ansible.builtin.shell: echo restarted >> /srv/app/steps
                - name: play two
                  hosts: all
                  gather_facts: false
                  tasks:
                    - name: two
                      ansible.builtin.shell: echo two >> /srv/app/steps
                """.formatted(marker));
        // keep-alives every second: the partitioned host is unreachable after ~3 s (the default is 15 s x 3)
        String alive = "ansible_ssh_common_args='-o UserKnownHostsFile=" + lab.knownHosts()
                + " -o StrictHostKeyChecking=yes -o ServerAliveInterval=1 -o ServerAliveCountMax=2'";
        JplayProcess.Running running = JplayProcess.start(dir, "-i", lab.inventory().toString(), "r.yml", "-e", alive);
        Lab.awaitProcess(marker + "-lab02", Duration.ofSeconds(60));
        lab.partition("lab02", 0);
        JplayProcess.Run r = running.await();
        assertThat(r.exit()).as(r.out()).isEqualTo(4);
        assertThat(r.out()).contains("fatal: [lab02]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                + "Did not receive any keep-alive response for 2 seconds\", \"unreachable\": true}");
        lab.heal("lab02");

        JplayProcess.Run resumed = JplayProcess.run(dir, "-i", lab.inventory().toString(), "r.yml", "-e", alive, "--resume");
        assertThat(resumed.exit()).as(resumed.out()).isZero();
        assertThat(resumed.out()).contains("RESUMING the run of r.yml started ", "(exit 4)",
                "  lab02: unreachable at r.yml:8:7 long step (TASK [long step]); handlers to run first: restart app",
                "  lab01, lab03, lab04: finished");
        assertThat(resumed.recap("lab01")).contains("ok=0", "changed=0", "skipped=4");
        assertThat(resumed.recap("lab02")).contains("ok=4", "changed=4", "skipped=1");
        for (String h : new String[] {"lab01", "lab03", "lab04"}) {
            assertThat(lab.ssh(h, "cat /srv/app/steps")).isEqualTo("long\nafter\nrestarted\ntwo\n");
        }
        // the long step of lab02 went on during the partition (only its connection was lost), and ran again
        assertThat(lab.ssh("lab02", "cat /srv/app/app.conf /srv/app/steps")).isEqualTo("v2\nlong\nrestarted\nlong\nafter\ntwo\n");
    }

    @Test
    void aControllerStoppedBySigtermIsResumedWhereEachHostWasWithItsPendingHandlerFirst() throws Exception {
        String marker = "jplay-fault-" + UUID.randomUUID();
        Files.writeString(dir.resolve("t.yml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: write the config
                      ansible.builtin.copy: {content: "v3\\n", dest: /srv/app/app.conf}
                      notify: restart app
                    - name: register
                      ansible.builtin.command: echo registered
                      register: reg
                      changed_when: false
                    - name: long step
                      ansible.builtin.shell: ": %s-{{ inventory_hostname }}; sleep {{ 0 if resumed | default(false) else 60 }}; echo long >> /srv/app/steps"
                    - name: uses the registered value
                      ansible.builtin.shell: echo {{ reg.stdout }} >> /srv/app/steps
                  handlers:
                    - name: restart app
                      ansible.builtin.shell: echo restarted >> /srv/app/steps
                """.formatted(marker));
        JplayProcess.Run r = signalledWhileRunning(marker, "TERM", "-i", lab.inventory().toString(), "t.yml");
        assertThat(r.exit()).as(r.out()).isEqualTo(143);

        JplayProcess.Run resumed = JplayProcess.run(dir, "-i", lab.inventory().toString(), "t.yml", "-e", "resumed=true", "--resume");
        assertThat(resumed.exit()).as(resumed.out()).isZero();
        assertThat(resumed.out()).contains("RESUMING the run of t.yml started ", "(interrupted)", "  lab01: interrupted; handlers to run first: restart app");
        for (String h : lab.names()) {
            assertThat(resumed.recap(h)).contains("changed=3", "skipped=1");
            // the handler notified before the interruption ran first, then the rest, with the registered value
            assertThat(lab.ssh(h, "cat /srv/app/app.conf /srv/app/steps")).as(h).isEqualTo("v3\nrestarted\nlong\nregistered\n");
        }
        JplayProcess.Run again = JplayProcess.run(dir, "-i", lab.inventory().toString(), "t.yml", "--resume");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("Nothing to resume: the run of t.yml started ");
    }

    @ParameterizedTest(name = "SIG{0}, persistent shell {1}")
    @CsvSource({"INT, true", "INT, false", "TERM, true", "TERM, false"})
    void anInterruptedControllerKillsItsCommandsOnEveryHostAndStartsNothingMore(String signal, boolean persistent) throws Exception {
        JplayProcess.Run r = interrupted(signal, persistent);
        // ansible-playbook has no SIGTERM handler: the shell reports 128 + 15, as for jplay (SIGINT: see below)
        if (signal.equals("TERM")) assertThat(r.exit()).as(r.out()).isEqualTo(143);
        else assertThat(r.exit()).as(r.out()).isNotZero();
    }

    @Test
    void sigintExits99AsAnsiblePlaybookDoes() throws Exception {
        JplayProcess.Run r = interrupted("INT", true);
        assertThat(r.exit()).as(r.out()).isEqualTo(99);
    }

    /** Runs a long task on every host, sends the controller {@code signal}, checks nothing is left or started on any. */
    private JplayProcess.Run interrupted(String signal, boolean persistent) throws Exception {
        String marker = "jplay-fault-" + UUID.randomUUID();
        Files.writeString(dir.resolve("e.yml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: long, with a child in the background
                      ansible.builtin.shell: ": %1$s-{{ inventory_hostname }}; sleep 60 & sleep 61"
                    - name: never started
                      ansible.builtin.shell: ": %1$s-second; touch /tmp/%1$s-second"
                """.formatted(marker));
        JplayProcess.Run r = signalledWhileRunning(marker, signal, "-i", lab.inventory().toString(), "e.yml", "-e", "jplay_persistent_shell=" + persistent);
        assertThat(r.out()).contains("ERROR! User interrupted execution").doesNotContain("fatal:", "never started", "PLAY RECAP");
        for (String h : lab.names()) assertThat(createdIn(h, "tmp")).doesNotContain(marker + "-second");
        return r;
    }

    /**
     * Runs jplay with {@code args}, sends it {@code signal} once the command marked {@code marker-HOST} runs on every
     * host, and checks that none of the marked commands is left running on the hosts.
     */
    private static JplayProcess.Run signalledWhileRunning(String marker, String signal, String... args) throws Exception {
        JplayProcess.Running running = JplayProcess.start(dir, args);
        for (String h : lab.names()) Lab.awaitProcess(marker + "-" + h, Duration.ofSeconds(60));
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(running.pid())).start().waitFor()).isZero();
        JplayProcess.Run r = running.await();
        assertThat(Lab.awaitNoProcess(marker, Duration.ofSeconds(5))).as("left running on the hosts " + r.out()).isEmpty();
        return r;
    }

    /** The regular files a host created in {@code dir} (its overlay's upper layer: the controller's own files are not in it). */
    static List<String> createdIn(String host, String dir) throws IOException {
        Path d = lab.changes(host).resolve(dir);
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aTenSecondPartitionAndASlowLossyLinkOnlyMakeTheRunWait() throws Exception {
        String marker = "jplay-fault-" + UUID.randomUUID();
        Files.writeString(dir.resolve("a.yml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: long step
                      ansible.builtin.shell: ": %s-{{ inventory_hostname }}; sleep 1"
                      changed_when: false
                    - name: copy a file
                      ansible.builtin.copy: {src: small.j2, dest: /srv/app/small.txt}
                    - name: template
                      ansible.builtin.template: {src: small.j2, dest: /srv/app/app.conf}
                      notify: restarted
                  handlers:
                    - name: restarted
                      ansible.builtin.command: touch /srv/app/restarted
                """.formatted(marker));
        lab.slow("lab02", 200, 5);
        JplayProcess.Running running = JplayProcess.start(dir, "-i", lab.inventory().toString(), "a.yml");
        Lab.awaitProcess(marker + "-lab01", Duration.ofSeconds(60));
        long start = System.nanoTime();
        lab.partition("lab01", 10);
        JplayProcess.Run r = running.await();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the run waited for the partition to heal").isGreaterThan(Duration.ofSeconds(10));
        assertThat(r.exit()).as(r.out()).isZero();
        for (String h : lab.names()) {
            assertThat(r.recap(h)).contains("ok=4", "changed=3", "failed=0", "unreachable=0");
            assertThat(lab.ssh(h, "cat /srv/app/app.conf; ls /srv/app")).isEqualTo("host=" + h + "\napp.conf\npayload.bin\nrestarted\nsmall.txt\n");
        }
        JplayProcess.Run second = JplayProcess.run(dir, "-i", lab.inventory().toString(), "a.yml");
        assertThat(second.exit()).as(second.out()).isZero();
        assertThat(second.recap("lab02")).as("idempotent through the slow link").contains("ok=3", "changed=0");
    }

    @Test
    void sshdRestartedBetweenTasksIsReconnectedAndSshdKilledUnderATaskMakesOnlyThatHostUnreachable() throws Exception {
        String marker = "jplay-fault-" + UUID.randomUUID();
        Files.writeString(dir.resolve("c.yml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: first
                      ansible.builtin.command: hostname
                    - name: wait on the controller, or on lab02
                      ansible.builtin.shell: ": %s-{{ inventory_hostname }}; sleep 2"
                      delegate_to: "{{ 'lab02' if inventory_hostname == 'lab02' else 'localhost' }}"
                    - name: after sshd came back
                      ansible.builtin.command: hostname
                """.formatted(marker));
        JplayProcess.Running running = JplayProcess.start(dir, "-i", lab.inventory().toString(), "c.yml", "-l", "lab01,lab02,lab04");
        Lab.awaitProcess(marker + "-lab02", Duration.ofSeconds(60));
        lab.sshdKill("lab01");
        lab.sshdKill("lab02");
        lab.sshdStart("lab01");
        lab.sshdStart("lab02");
        JplayProcess.Run r = running.await();
        assertThat(r.exit()).as(r.out()).isEqualTo(4);
        assertThat(r.recap("lab01")).contains("ok=3", "unreachable=0");
        assertThat(r.recap("lab04")).contains("ok=3", "unreachable=0");
        assertThat(r.out()).contains("fatal: [lab02]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                + "Shared connection to lab02 closed.\", \"unreachable\": true}");
        assertThat(r.recap("lab02")).contains("ok=1", "unreachable=1");
    }
}
