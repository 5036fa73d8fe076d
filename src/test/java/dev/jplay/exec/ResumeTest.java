package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.output.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumed runs on local-connection hosts: a host fails at a gate task (its gate file missing), the gate is opened,
 * and the journal's resume continues each host where it stopped. Every task appends to a per-host file, so the
 * files say how often each task ran.
 */
class ResumeTest {
    @TempDir
    Path dir;
    Runs runs;

    @BeforeEach
    void hosts() throws IOException {
        runs = new Runs(dir).hosts(3);
        Files.createDirectories(dir.resolve("out"));
    }

    private void open(String gate) throws IOException {
        Files.writeString(dir.resolve("gate-" + gate), "");
    }

    private String out(String name) throws IOException {
        Path p = dir.resolve("out").resolve(name);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    private static String step(String name, String file) {
        return "    - name: " + name + "\n      ansible.builtin.shell: echo " + name + " >> {{ playbook_dir }}/out/{{ inventory_hostname }}." + file + "\n";
    }

    private static final String GATE = """
                - name: gate
                  ansible.builtin.command: test -e {{ playbook_dir }}/gate-{{ inventory_hostname }}
            """;

    @Test
    void skipsWhatEachHostCompletedRunsStatefulTasksAgainAndPendingHandlersFirst() throws IOException {
        String pb = """
                - name: one
                  hosts: all
                  gather_facts: false
                  tasks:
                    - name: configure
                      ansible.builtin.command: touch {{ playbook_dir }}/out/{{ inventory_hostname }}.conf
                      notify: restart
                    - name: probe
                      ansible.builtin.command: echo probed-{{ inventory_hostname }}
                      register: probe
                      changed_when: false
                """ + step("count", "count") + GATE + """
                    - name: uses probe
                      ansible.builtin.shell: echo {{ probe.stdout }} >> {{ playbook_dir }}/out/{{ inventory_hostname }}.after
                  handlers:
                    - name: restart
                      ansible.builtin.shell: echo restarted >> {{ playbook_dir }}/out/{{ inventory_hostname }}.handler
                - name: two
                  hosts: all
                  gather_facts: false
                  tasks:
                """ + step("later", "later");
        open("h1");
        open("h3");
        runs.journal(false).run(pb);
        assertThat(runs.result.exitCode()).isEqualTo(2);
        assertThat(out("h2.handler")).as("a failed host's handlers do not run (as in Ansible)").isEmpty();

        open("h2");
        Recorder rec = new Runs(dir).journal(true).run(pb).rec;
        assertThat(rec.banners()).containsExactly("configure", "probe", "count", "HANDLER restart", "gate", "uses probe", "later");
        assertThat(rec.statuses()).containsExactlyInAnyOrder(
                "configure h1 skipped", "configure h2 skipped", "configure h3 skipped",
                "probe h1 ok", "probe h2 ok", "probe h3 ok",
                "count h1 skipped", "count h2 skipped", "count h3 skipped",
                "restart h2 changed",
                "gate h1 skipped", "gate h3 skipped", "gate h2 changed",
                "uses probe h1 skipped", "uses probe h3 skipped", "uses probe h2 changed",
                "later h1 skipped", "later h3 skipped", "later h2 changed");
        assertThat(rec.result("configure", "h1")).containsEntry("skip_reason", "completed in the run being resumed");
        for (String h : new String[] {"h1", "h2", "h3"}) {
            assertThat(out(h + ".count")).isEqualTo("count\n");
            assertThat(out(h + ".handler")).isEqualTo("restarted\n");
            assertThat(out(h + ".after")).as("the registered probe ran again").isEqualTo("probed-" + h + "\n");
            assertThat(out(h + ".later")).isEqualTo("later\n");
        }
        Journal j = Journal.load(Journal.fileFor(java.util.List.of(dir.resolve("site.yml"))));
        assertThat(j.header("status")).isEqualTo("complete");
        assertThat(j.status("h2")).isEqualTo("ok");
    }

    @Test
    void includesInALoopResumeAtTheItemThatStopped() throws IOException {
        runs.file("part.yml", """
                - name: part step
                  ansible.builtin.shell: echo {{ item }} >> {{ playbook_dir }}/out/{{ inventory_hostname }}.parts
                - name: part gate
                  ansible.builtin.command: test -e {{ playbook_dir }}/gate-{{ inventory_hostname }}-{{ item }}
                """);
        String pb = """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: each part
                      ansible.builtin.include_tasks: part.yml
                      loop: [a, b]
                """;
        for (String g : new String[] {"h1-a", "h1-b", "h2-a", "h3-a", "h3-b"}) open(g);
        runs.journal(false).run(pb);
        assertThat(runs.result.exitCode()).isEqualTo(2);
        open("h2-b");
        Runs again = new Runs(dir).journal(true).run(pb);
        assertThat(again.result.exitCode()).isZero();
        for (String h : new String[] {"h1", "h2", "h3"}) assertThat(out(h + ".parts")).as(h).isEqualTo("a\nb\n");
        assertThat(again.rec.statuses()).contains("part gate h2 changed").doesNotContain("part step h2 changed");
    }

    @Test
    void runOnceTasksAndSerialBatchesThatNeverStartedAreHandled() throws IOException {
        String pb = """
                - hosts: all
                  serial: 1
                  gather_facts: false
                  tasks:
                    - name: once
                      ansible.builtin.shell: echo once >> {{ playbook_dir }}/out/once
                      run_once: true
                """ + step("each", "each") + GATE;
        open("h1");
        open("h3");
        runs.journal(false).run(pb);
        assertThat(runs.result.exitCode()).isEqualTo(2);
        assertThat(out("h3.each")).as("the batch of h2 failed entirely: the play stopped before h3").isEmpty();
        open("h2");
        Runs again = new Runs(dir).journal(true).run(pb);
        assertThat(again.result.exitCode()).isZero();
        // serial 1: run_once runs once per batch; h3's batch never ran before
        assertThat(out("once")).isEqualTo("once\nonce\nonce\n");
        for (String h : new String[] {"h1", "h2", "h3"}) assertThat(out(h + ".each")).as(h).isEqualTo("each\n");
        assertThat(again.rec.status("gate", "h1")).isEqualTo(Status.SKIPPED);
    }

    @Test
    void aRunThatReachesNoHostLeavesNoJournalBesideThePlaybook() {
        runs.journal(false).run("""
                - hosts: nobody
                  tasks:
                    - ansible.builtin.command: "true"
                """);
        assertThat(runs.result.exitCode()).isZero();
        assertThat(dir.resolve(".jplay")).as("as ansible-playbook, nothing is written beside the playbook").doesNotExist();
    }

    @Test
    void hostsThatFailedFactGatheringAreInTheJournal() throws IOException {
        runs.file("hosts", "h1 ansible_connection=ssh ansible_host=127.0.0.1 ansible_port=1\n");
        runs.journal(false).run("""
                - hosts: all
                  tasks:
                    - ansible.builtin.command: "true"
                """);
        assertThat(runs.result.exitCode()).isEqualTo(4);
        Journal j = Journal.load(Journal.fileFor(java.util.List.of(dir.resolve("site.yml"))));
        assertThat(j.status("h1")).isEqualTo("unreachable");
    }
}
