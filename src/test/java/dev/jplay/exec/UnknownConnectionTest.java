package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.ConnectionDefaults;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ansible_connection jplay does not know: a located warning before contact where it is written plainly, and the host's task fails as in Ansible. */
class UnknownConnectionTest {
    static final String PLAY = "- hosts: all\n  gather_facts: false\n  tasks:\n    - command: 'true'\n";
    static final String KNOWN = "the connection plugin 'carrier_pigeon' was not found; jplay connects with: ssh (also smart";

    @TempDir
    Path dir;

    /** The run goes on as Ansible's (the host's task fails); the warning came before anything ran. */
    private String warned(Runs r, String playbook, String host) {
        r.run(playbook);
        var events = r.rec.events;
        int warning = events.indexOf(events.stream().filter(e -> e instanceof dev.jplay.output.Event.Warning).findFirst().orElseThrow());
        int play = events.indexOf(events.stream().filter(e -> e instanceof dev.jplay.output.Event.PlayStarted).findFirst().orElseThrow());
        assertThat(warning).isLessThan(play);
        assertThat(r.recap(host)).isEqualTo("0 0 0 1 0 0 0");
        return r.rec.warnings().get(0);
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
    void aPlainTypeInTheInventoryIsAWarningBeforeContactAtTheHostsLine() {
        Runs r = new Runs(dir).file("hosts", "h1 ansible_connection=local\nbird ansible_connection=carrier_pigeon\n");
        assertThat(warned(r, PLAY, "bird")).startsWith(KNOWN).contains("--> " + dir.resolve("hosts") + ":2:1", "it is set for host 'bird'");
        assertThat(r.recap("h1")).isEqualTo("1 1 0 0 0 0 0");
    }

    @Test
    void groupVarsPlayVarsAndTheCommandLineAreCheckedToo() {
        Runs r = new Runs(dir).file("hosts", "[birds]\nbird\n[birds:vars]\nansible_connection=carrier_pigeon\n");
        assertThat(warned(r, PLAY, "bird")).contains(KNOWN, "group 'birds'");
        Runs p = new Runs(dir).hosts(1);
        assertThat(warned(p, "- hosts: all\n  gather_facts: false\n  vars:\n    ansible_connection: carrier_pigeon\n  tasks:\n    - command: 'true'\n", "h1"))
                .contains("site.yml:1:3", "play's vars");
        Runs c = new Runs(dir).file("hosts", "h1\n");
        c.run(PLAY, o -> o.with(new ConnectionDefaults("carrier_pigeon", null, null, null, null, null, null)));
        assertThat(c.rec.warnings().get(0)).startsWith(KNOWN).contains("-c/--connection");
        assertThat(c.recap("h1")).isEqualTo("0 0 0 1 0 0 0");
    }

    @Test
    void hostsNoPlayTargetsAreNotChecked() {
        Runs r = new Runs(dir).file("hosts", "h1 ansible_connection=local\nbird ansible_connection=carrier_pigeon\n")
                .run("- hosts: h1\n  gather_facts: false\n  tasks:\n    - command: 'true'\n");
        assertThat(r.recap("h1")).isEqualTo("1 1 0 0 0 0 0");
    }

    @Test
    void aPlainConnectionKeywordOfThePlayIsAWarning() {
        Runs r = new Runs(dir).file("hosts", "h1\n");
        assertThat(warned(r, "- hosts: all\n  gather_facts: false\n  connection: carrier_pigeon\n  tasks:\n    - command: 'true'\n", "h1"))
                .startsWith(KNOWN).contains("play's connection keyword");
    }
}
