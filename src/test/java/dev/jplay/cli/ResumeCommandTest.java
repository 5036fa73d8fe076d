package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --resume} on the command line: what it refuses, what it says, and where it keeps the journal. */
class ResumeCommandTest {
    @TempDir
    Path dir;

    private static final String PLAYBOOK = """
            - hosts: all
              gather_facts: false
              tasks:
                - name: first
                  ansible.builtin.shell: echo first >> {{ playbook_dir }}/{{ inventory_hostname }}.out
                  tags: [a]
                - name: gate
                  ansible.builtin.command: test -e {{ playbook_dir }}/gate-{{ inventory_hostname }}
                  tags: [a]
            """;

    private JplayProcess.Run jplay(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "-i";
        all[1] = "hosts";
        System.arraycopy(args, 0, all, 2, args.length);
        return JplayProcess.run(dir, all);
    }

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("hosts"), "h1 ansible_connection=local\nh2 ansible_connection=local\n");
        Files.writeString(dir.resolve("site.yml"), PLAYBOOK);
        Files.writeString(dir.resolve("gate-h1"), "");
    }

    @Test
    void refusesWithoutAJournalOrWithCheckOrStartAtTask() throws Exception {
        JplayProcess.Run none = jplay("--resume", "site.yml");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).startsWith("ERROR! nothing to resume: no earlier run of site.yml has a journal (" + dir.resolve(".jplay"));
        assertThat(jplay("site.yml", "--resume", "-C").out()).contains("ERROR! --resume cannot be used with --check");
        assertThat(jplay("site.yml", "--resume", "--start-at-task", "gate").out()).contains("ERROR! --resume cannot be used with --start-at-task");
        assertThat(jplay("--help").out()).contains("--resume[=force]", "Continue the last run of these playbooks");
    }

    @Test
    void refusesAChangedPlaybookOrOtherTagsUnlessForcedAndSaysWhenNothingIsLeft() throws Exception {
        JplayProcess.Run first = jplay("site.yml", "-t", "a");
        assertThat(first.exit()).as(first.out()).isEqualTo(2);
        Files.writeString(dir.resolve("gate-h2"), "");

        JplayProcess.Run tags = jplay("site.yml", "--resume");
        assertThat(tags.exit()).isEqualTo(1);
        assertThat(tags.out()).contains("ERROR! cannot resume the run of site.yml started ", ": --tags changed (it was [a]) since; "
                + "run it again without --resume, or resume anyway with --resume=force");

        Files.writeString(dir.resolve("site.yml"), PLAYBOOK + "# edited\n");
        JplayProcess.Run changed = jplay("site.yml", "--resume", "-t", "a");
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.out()).contains(": site.yml changed since; run it again without --resume");

        JplayProcess.Run forced = jplay("site.yml", "--resume=force", "-t", "a");
        assertThat(forced.exit()).as(forced.out()).isZero();
        assertThat(forced.out()).contains("[WARNING]: resuming although site.yml changed (--resume=force)",
                "RESUMING the run of site.yml started ", "(exit 2)", "  h2: failed at site.yml:7:7 gate (TASK [gate])", "  h1: finished");
        assertThat(Files.readString(dir.resolve("h1.out"))).isEqualTo("first\n");
        assertThat(Files.readString(dir.resolve("h2.out"))).isEqualTo("first\n");

        JplayProcess.Run nothing = jplay("site.yml", "--resume", "-t", "a");
        assertThat(nothing.exit()).isZero();
        assertThat(nothing.out()).contains("Nothing to resume: the run of site.yml started ").contains(" completed.");
        try (var files = Files.list(dir.resolve(".jplay"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString().matches("site\\.yml-[0-9a-f]{8}\\.journal\\.json");
        }
    }
}
