package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jplay console} typed at through a real pseudo-terminal (src/test/resources/console/pty_drive.py) against
 * lab hosts: completion, cd, become, check mode, Ctrl-C, history across sessions.
 */
class ConsoleTest {
    static Lab lab;
    @TempDir
    static Path home;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.up("10.243", 2, null);
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) lab.close();
    }

    /** Runs the console with {@code steps}; returns the transcript; fails the test when a step fails. */
    private String drive(String steps) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", Path.of("src/test/resources/console/pty_drive.py").toAbsolutePath().toString(),
                steps, "--", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), "dev.jplay.cli.Main", "console", "-i", lab.inventory().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void completesNamesRunsWhereToldAndCancelsWithCtrlC() throws Exception {
        String out = drive("""
                [["expect", "root@all (2)[f:5]$ ", 30],
                 ["send", "pin\\t"], ["expect", "ping", 5], ["send", "\\r"], ["expect", "lab01, lab02 (2) | SUCCESS", 30],
                 ["expect", "$ ", 10], ["send", "command ch\\t"], ["expect", "chdir=", 5], ["send", "/tmp pwd\\r"],
                 ["expect", "/tmp", 20], ["expect", "$ ", 10],
                 ["send", "cd master\\r"], ["expect", "root@master (1)[f:5]$ ", 10],
                 ["send", "uname -n\\r"], ["expect", "lab01 | CHANGED | rc=0 >>", 20], ["expect", "$ ", 10],
                 ["send", "become on\\r"], ["expect", "root@master (1)[f:5]# ", 10],
                 ["send", "check on\\r"], ["send", "command touch /var/tmp/console-check\\r"], ["expect", "# ", 20],
                 ["send", "check off\\r"], ["send", "sleep 30\\r"], ["sleep", 2], ["send", "\\u0003"],
                 ["expect", "[cancelled]", 1], ["expect", "# ", 2],
                 ["send", "echo after-cancel\\r"], ["expect", "after-cancel", 30], ["expect", "# ", 10],
                 ["send", "exit\\r"], ["sleep", 1]]
                """);
        assertThat(out.substring(out.indexOf("cd master"))).as("after cd master only lab01 runs").doesNotContain("lab02");
        assertThat(Files.exists(lab.changes("lab01").resolve("var/tmp/console-check"))).as("check mode changed nothing").isFalse();
    }

    @Test
    void keepsHistoryAcrossSessions() throws Exception {
        drive("""
                [["expect", "$ ", 30], ["send", "echo remembered-line\\r"], ["expect", "remembered-line", 30],
                 ["expect", "$ ", 10], ["send", "exit\\r"], ["sleep", 1]]
                """);
        assertThat(Files.readString(home.resolve(".jplay_console_history"))).contains("echo remembered-line");
        drive("""
                [["expect", "$ ", 30], ["send", "\\u0012remem"], ["expect", "echo remembered-line", 5], ["send", "\\r"],
                 ["expect", "lab01, lab02 (2) | CHANGED", 30], ["send", "exit\\r"], ["sleep", 1]]
                """);
    }
}
