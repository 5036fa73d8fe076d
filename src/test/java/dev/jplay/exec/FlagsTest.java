package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.source.SourceException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boolean keywords that cannot be templated or converted fail the task where it is, as in Ansible; never a silent false. */
class FlagsTest {
    @TempDir
    Path dir;

    private static String play(String keyword) {
        return "- hosts: all\n  gather_facts: false\n  tasks:\n    - command: 'false'\n      " + keyword + "\n    - debug: msg=next\n";
    }

    private String msg(Runs r, String host) {
        return (String) r.res("command", host).get("msg");
    }

    @Test
    void anUndefinedIgnoreErrorsFailsTheTaskNamingTheFieldAndTheWrittenValueStillIgnoresIt() {
        Runs r = new Runs(dir).hosts(2).run(play("ignore_errors: '{{ nope }}'"));
        assertThat(msg(r, "h1")).startsWith("The field 'ignore_errors' has an invalid value, which includes an undefined variable. "
                + "The error was: 'nope' is undefined")
                .contains("The error appears to be in '" + dir.resolve("site.yml") + "': line 4, column 7");
        assertThat(r.recap("h1")).isEqualTo("2 0 0 0 0 0 1");
        assertThat(r.recap("h2")).isEqualTo("2 0 0 0 0 0 1");
    }

    @Test
    void aValueThatIsNoBooleanFailsTheTask() {
        Runs r = new Runs(dir).run(play("check_mode: maybe"));
        assertThat(msg(r, "h1")).startsWith("the field 'check_mode' has an invalid value (maybe), and could not be converted to an bool."
                + "The error was: The value 'maybe' is not a valid boolean.").doesNotContain("java.");
        assertThat(r.recap("h1")).isEqualTo("0 0 0 1 0 0 0");
    }

    @Test
    void anUndefinedAnyErrorsFatalFailsEveryHostAndEndsThePlay() {
        Runs r = new Runs(dir).hosts(2).run(play("any_errors_fatal: '{{ nope }}'"));
        assertThat(msg(r, "h2")).startsWith("The field 'any_errors_fatal' has an invalid value");
        assertThat(r.recap("h1")).isEqualTo("0 0 0 1 0 0 0");
        assertThat(r.recap("h2")).isEqualTo("0 0 0 1 0 0 0");
    }

    @Test
    void anUndefinedRunOnceEndsTheRunWithAnErrorAtTheTask() {
        Runs r = new Runs(dir).hosts(2);
        assertThatThrownBy(() -> r.run(play("run_once: '{{ nope }}'")))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("The field 'run_once' has an invalid value, which includes an undefined variable")
                .satisfies(ex -> assertThat(((SourceException) ex).loc().line()).isEqualTo(4));
    }

    @Test
    void aSkippedTaskIsNotChecked() {
        Runs r = new Runs(dir).run(play("ignore_errors: maybe\n      when: false"));
        assertThat(r.recap("h1")).isEqualTo("1 0 0 0 1 0 0");
    }

    @Test
    void anUnrenderableNoLogStillHidesTheFailure() {
        Runs r = new Runs(dir).run(play("no_log: '{{ nope }}'\n      ignore_errors: true"));
        assertThat(r.res("command", "h1")).containsEntry("_ansible_no_log", true);
        assertThat(r.recap("h1")).isEqualTo("2 0 0 0 0 0 1");
    }

    @Test
    void forceHandlersThatIsNoBooleanIsAnErrorAtThePlay() {
        Runs r = new Runs(dir);
        assertThatThrownBy(() -> r.run("- hosts: all\n  gather_facts: false\n  force_handlers: maybe\n  tasks:\n    - debug: msg=x\n"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("the field 'force_handlers' has an invalid value (maybe)");
    }

    @Test
    void aTemplatedValueThatIsNoBooleanIsNamedAsWritten() {
        Runs r = new Runs(dir).run("- hosts: all\n  gather_facts: false\n  vars:\n    v: maybe\n  tasks:\n"
                + "    - command: 'true'\n      check_mode: '{{ v }}'\n");
        assertThat(msg(r, "h1")).startsWith("the field 'check_mode' has an invalid value ({{ v }}), and could not be converted to an bool.");
    }

    @Test
    void gatherFactsThatIsNoBooleanIsAnErrorAtThePlayNamingTheField() {
        Runs r = new Runs(dir);
        assertThatThrownBy(() -> r.run("- hosts: all\n  gather_facts: '{{ v }}'\n  vars:\n    v: maybe\n  tasks:\n    - debug: msg=x\n"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("the field 'gather_facts' has an invalid value ({{ v }}), and could not be converted to an bool.")
                .satisfies(ex -> assertThat(((SourceException) ex).loc().line()).isEqualTo(1));
    }

    @Test
    void aLoopControlExtendedThatIsNoBooleanFailsTheTaskAndTheRunGoesOn() {
        Runs r = new Runs(dir).run("- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg={{ item }}\n      loop: [1]\n"
                + "      loop_control:\n        extended: maybe\n      ignore_errors: true\n    - debug: msg=next\n");
        assertThat((String) r.res("debug", "h1").get("msg")).startsWith("the field 'extended' has an invalid value (maybe)");
        assertThat(r.recap("h1")).isEqualTo("2 0 0 0 0 0 1");
    }

    @Test
    void aTemplatedDelegateFactsThatIsNoBooleanFailsTheTaskBeforeItRuns() {
        Runs r = new Runs(dir).run("- hosts: all\n  gather_facts: false\n  vars:\n    v: maybe\n  tasks:\n"
                + "    - set_fact: a=1\n      delegate_to: h1\n      delegate_facts: '{{ v }}'\n      ignore_errors: true\n    - debug: msg=next\n");
        assertThat((String) r.res("set_fact", "h1").get("msg")).startsWith("the field 'delegate_facts' has an invalid value ({{ v }})")
                .contains("The error appears to be in '" + dir.resolve("site.yml") + "': line 6, column 7");
        assertThat(r.recap("h1")).isEqualTo("2 0 0 0 0 0 1");
    }
}
