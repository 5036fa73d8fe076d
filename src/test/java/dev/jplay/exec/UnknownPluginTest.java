package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter or test that does not exist, found while loading: the task fails where Ansible 2.14 fails it, with the
 * message evaluation gives there (ansible-core's templating target), and a name passed only as an argument
 * ({@code select('nosuch')}) fails only if that call runs.
 */
class UnknownPluginTest {
    @TempDir
    Path dir;

    @Test
    void templateModuleNamesJinjasErrorForAnInvalidTestName() {
        Runs r = new Runs(dir).file("bad.j2", "{{ [{\"failed\": false}] | selectattr(\"failed\", \"asdf \", true) }}\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: render
                      template: {src: bad.j2, dest: "{{ playbook_dir }}/out"}
                      ignore_errors: true
                """);
        assertThat(r.res("render", "h1")).containsEntry("failed", true)
                .containsEntry("msg", "TemplateSyntaxError: Could not load \"asdf \": 'invalid plugin name: ansible.builtin.asdf '\n  line 0");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownFilterInAnArgumentFailsWithAnsiblesTemplatingError() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: show
                      debug: msg="{{ 1 | nosuch }}"
                      ignore_errors: true
                """);
        assertThat(r.res("show", "h1")).containsEntry("failed", true)
                .containsEntry("msg", "template error while templating string: Could not load \"nosuch\": 'nosuch'. String: {{ 1 | nosuch }}");
    }

    @Test
    void aTestNamedInAnArgumentFailsOnlyWhenItIsCalled() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: empty
                      debug: msg="{{ [] | select('nosuch') | list }}"
                    - name: called
                      debug: msg="{{ [1] | select('nosuch') | list }}"
                      ignore_errors: true
                """);
        assertThat(r.res("empty", "h1")).containsEntry("msg", java.util.List.of());
        assertThat(r.res("called", "h1")).containsEntry("failed", true);
    }

    @Test
    void anUnknownFilterInTheNameStillFailsTheTask() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - debug: msg=first
                    - name: "x {{ 1 | nosuch }}"
                      debug: msg=hi
                      ignore_errors: true
                """);
        assertThat(r.recap("h1")).isEqualTo("2 0 0 0 0 0 1"); // an ignored failure counts as ok too;
    }
}
