package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The old-style {@code include} as ansible-core 2.14 runs it: static when its file is literal, it has no loop and no
 * dynamic include is above it; its {@code k=v} words are vars of the included tasks (below set_fact), its own
 * {@code vars} are include params (above set_fact).
 */
class OldIncludeTest {
    @TempDir
    Path dir;

    @Test
    void wordsAfterTheFileAreVarsAndTheIncludeIsStatic() {
        Runs r = new Runs(dir).file("inc.yml", "- name: show\n  debug: msg=\"{{ a }} {{ a | type_debug }}\"\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - include: inc.yml a=1
                    - set_fact: a=101
                    - include: inc.yml a={{ a }}
                    - include: inc.yml a=5
                      vars: {a: 201}
                """);
        assertThat(r.rec.of(dev.jplay.output.Event.HostResult.class).stream().map(h -> h.result().get("msg")))
                .containsExactly("1 str", null, "101 str", "201 int");
        assertThat(r.rec.banners()).containsExactly("show", "set_fact", "show", "show"); // static: no include task of its own
        assertThat(r.recap("h1")).isEqualTo("4 0 0 0 0 0 0");
    }

    @Test
    void staticIncludeInHandlersBringsHandlersByName() {
        Runs r = new Runs(dir).file("more.yml", "- name: inner\n  debug: msg=inner\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - command: "true"
                      notify: inner
                  handlers:
                    - include: more.yml
                """);
        assertThat(r.rec.banners()).containsExactly("command", "HANDLER inner");
        assertThat(r.result.exitCode()).isZero();
    }

    @Test
    void underADynamicIncludeItIsDynamic() {
        Runs r = new Runs(dir).file("leaf.yml", "- name: leaf\n  debug: msg={{ b }}\n")
                .file("mid.yml", "- include: leaf.yml b=2\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - include_tasks: mid.yml
                """);
        assertThat(r.rec.banners()).containsExactly("include_tasks", "include", "leaf");
        assertThat(r.res("leaf", "h1")).containsEntry("msg", "2");
    }

    @Test
    void theFreeFormNameWinsOverFileAsInAnsible() {
        Runs r = new Runs(dir).file("a.yml", "- name: a\n  debug: msg=A\n").file("b.yml", "- name: b\n  debug: msg=B\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - include_tasks: a.yml
                      args:
                        file: b.yml
                """);
        assertThat(r.rec.banners()).containsExactly("include_tasks", "a");
    }
}
