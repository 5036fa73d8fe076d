package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.source.SourceException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ansible_connection jplay does not know: a located error before contact where it is written plainly, a task failure otherwise. */
class UnknownConnectionTest {
    static final String PLAY = "- hosts: all\n  gather_facts: false\n  tasks:\n    - command: 'true'\n";
    static final String KNOWN = "the connection plugin 'carrier_pigeon' was not found; jplay connects with: ssh (also smart";

    @TempDir
    Path dir;

    private SourceException refused(Runs r, String playbook) {
        try {
            r.run(playbook);
        } catch (SourceException e) {
            assertThat(r.rec.events).as("nothing ran").isEmpty();
            return e;
        }
        throw new AssertionError("the run was not refused");
    }

    @Test
    void aTemplatedTypeFailsTheTaskWhereItIsNamingTheKnownOnes() {
        Runs r = new Runs(dir).file("hosts", "bird ansible_connection=\"{{ 'carrier_' + 'pigeon' }}\"\nh1 ansible_connection=local\n").run(PLAY);
        assertThat(r.recap("bird")).isEqualTo("0 0 0 1 0 0 0");
        assertThat(r.recap("h1")).isEqualTo("1 1 0 0 0 0 0");
        assertThat((String) r.res("command", "bird").get("msg")).startsWith(KNOWN)
                .contains("chroot (also community.general.chroot)")
                .doesNotContain("The error appears to be in"); // ansible-playbook 2.14: the message alone
    }

    @Test
    void aPlainTypeInTheInventoryIsRefusedBeforeContactAtTheHostsLine() {
        Runs r = new Runs(dir).file("hosts", "h1 ansible_connection=local\nbird ansible_connection=carrier_pigeon\n");
        SourceException e = refused(r, PLAY);
        assertThat(e.getMessage()).startsWith(KNOWN);
        assertThat(e.loc().file()).isEqualTo(dir.resolve("hosts").toString());
        assertThat(e.loc().line()).isEqualTo(2);
    }

    @Test
    void groupVarsPlayVarsAndTheCommandLineAreCheckedToo() {
        Runs r = new Runs(dir).file("hosts", "[birds]\nbird\n[birds:vars]\nansible_connection=carrier_pigeon\n");
        assertThat(refused(r, PLAY).render()).contains(KNOWN, "group 'birds'");
        Runs p = new Runs(dir).hosts(1);
        assertThat(refused(p, "- hosts: all\n  vars:\n    ansible_connection: carrier_pigeon\n  tasks: []\n").loc().line()).isEqualTo(1);
        Runs c = new Runs(dir).file("hosts", "h1\n");
        assertThatThrownBy(() -> c.run(PLAY, o -> o.toBuilder().connection("carrier_pigeon").build())).hasMessageStartingWith(KNOWN);
    }

    @Test
    void hostsNoPlayTargetsAreNotChecked() {
        Runs r = new Runs(dir).file("hosts", "h1 ansible_connection=local\nbird ansible_connection=carrier_pigeon\n")
                .run("- hosts: h1\n  gather_facts: false\n  tasks:\n    - command: 'true'\n");
        assertThat(r.recap("h1")).isEqualTo("1 1 0 0 0 0 0");
    }

    @Test
    void aPlainConnectionKeywordIsALoadError() {
        Runs r = new Runs(dir).hosts(1);
        assertThatThrownBy(() -> r.run("- hosts: all\n  tasks:\n    - command: 'true'\n      connection: carrier_pigeon\n"))
                .isInstanceOf(SourceException.class).hasMessageStartingWith(KNOWN)
                .satisfies(e -> assertThat(((SourceException) e).loc().line()).isEqualTo(4));
    }
}
