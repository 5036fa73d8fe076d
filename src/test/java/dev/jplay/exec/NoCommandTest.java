package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * command/shell without a command (only args such as chdir) is warned about while loading, but the task runs the
 * module, which fails with its own result (rc 256), as ansible-core 2.14's command module does (command_shell target).
 */
class NoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theModuleFailsWithRc256() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: nothing
                      command:
                      args: {chdir: /}
                      ignore_errors: true
                """);
        assertThat(r.res("nothing", "h1")).containsEntry("failed", true).containsEntry("msg", "no command given").containsEntry("rc", 256L);
    }
}
