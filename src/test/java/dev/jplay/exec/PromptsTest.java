package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.output.Event;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vars_prompt on a terminal: the questions Ansible 2.14's do_var_prompt asks, confirm's retry, defaults. */
class PromptsTest {
    @TempDir
    Path dir;

    /** Answers from a script, recording each question with its echo flag. */
    private static final class Scripted implements Prompter {
        final Deque<String> answers;
        final List<String> asked = new ArrayList<>();

        Scripted(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String ask(String message, boolean echo) {
            asked.add(message + (echo ? "" : " (hidden)"));
            return answers.poll();
        }
    }

    @Test
    void asksAsAnsibleAndRetriesAConfirmationThatDiffers() {
        Runs r = new Runs(dir);
        Scripted answers = new Scripted("s1", "s2", "s3", "s3", "", "typed");
        r.prompter = answers;
        r.run("""
                - hosts: all
                  gather_facts: false
                  vars: {what: colour}
                  vars_prompt:
                    - name: secret
                      prompt: "{{ what }}?"
                      confirm: true
                    - name: shown
                      prompt: size
                      default: "{{ what }}-1"
                      private: false
                    - name: bare
                  tasks:
                    - name: show
                      debug: msg="{{ secret }} {{ shown }} {{ bare }}"
                """);
        assertThat(answers.asked).containsExactly("colour?:  (hidden)", "confirm colour?:  (hidden)", "colour?:  (hidden)",
                "confirm colour?:  (hidden)", "size [colour-1]: ", "input for bare:  (hidden)");
        assertThat(r.rec.of(Event.Text.class)).extracting(Event.Text::text).containsExactly("***** VALUES ENTERED DO NOT MATCH ****");
        assertThat(r.res("show", "h1")).containsEntry("msg", "s3 colour-1 typed");
        assertThat(r.rec.warnings()).isEmpty();
    }

    @Test
    void withoutATerminalTakesDefaultsAndWarns() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  vars_prompt:
                    - {name: a, default: "1"}
                    - {name: b}
                  tasks:
                    - name: show
                      debug: msg="{{ a }} {{ b }}"
                """);
        assertThat(r.res("show", "h1")).containsEntry("msg", "1 None");
        assertThat(r.rec.warnings()).contains("Not prompting as we are not in interactive mode");
    }
}
