package dev.jplay.modules.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import dev.jplay.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * expect on a real local run (the command in a terminal made by util-linux script): the results, field for field,
 * that ansible-playbook 2.14.18 with pexpect 4.8 gave for the same scripts and arguments (recorded 2026-12-03).
 */
class ExpectTest {
    @TempDir
    Path dir;
    String ask;
    String many;

    @BeforeEach
    void scripts() throws Exception {
        Needs.executable("/usr/bin/script", "needs util-linux's script (apt-get install bsdutils)");
        ask = write("ask.sh", """
                #!/bin/sh
                printf 'Username: '; read u
                printf 'New password: '; read p
                printf 'Retype new password: '; read p2
                [ "$p" = "$p2" ] || { echo "Sorry, passwords do not match"; exit 3; }
                echo "user=$u len=${#p}"
                """);
        many = write("many.sh", "#!/bin/sh\nfor i in 1 2 3; do printf 'Question %s? ' $i; read a; echo \"got $a\"; done\n");
    }

    private String write(String name, String text) throws Exception {
        Path p = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p.toString();
    }

    static Map<String, Object> args(String command, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Map<String, Object> responses(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private Map<String, Object> run(Map<String, Object> args) throws Exception {
        return TestContext.local().run(new Expect(), args);
    }

    @Test
    void answersPasswdLikePromptsWithoutEchoingThem() throws Exception {
        Map<String, Object> r = run(args(ask, "responses", responses("Username", "alice", "(?i)password", "s3cr3t-Pw")));
        assertThat(r).containsEntry("changed", true).containsEntry("rc", 0L).containsEntry("cmd", ask).doesNotContainKey("failed")
                .containsEntry("stdout", "Username: New password: Retype new password: user=alice len=9")
                .containsEntry("stdout_lines", List.of("Username: New password: Retype new password: user=alice len=9"))
                .containsKeys("start", "end", "delta");
        assertThat(r.toString()).doesNotContain("s3cr3t-Pw");
    }

    @Test
    void givesListAnswersInTurnAndFailsWhenAskedOnceMore() throws Exception {
        assertThat(run(args(many, "responses", responses("Question", List.of("one", "two", "three")))))
                .containsEntry("stdout", "Question 1? got one\r\nQuestion 2? got two\r\nQuestion 3? got three")
                .containsEntry("stdout_lines", List.of("Question 1? got one", "Question 2? got two", "Question 3? got three"));
        assertThat(run(args(many, "responses", responses("Question", List.of("one", "two")))))
                .isEqualTo(Map.of("changed", false, "failed", true, "msg", "No remaining responses for 'Question', output was 'b' 2? got two\\r\\nQuestion''"));
    }

    @Test
    void echoShowsTheAnswersTheTerminalEchoes() throws Exception {
        assertThat(run(args(many, "echo", true, "responses", responses("Question", "x"))))
                .containsEntry("stdout", "Question 1? x\r\ngot x\r\nQuestion 2? x\r\ngot x\r\nQuestion 3? x\r\ngot x");
    }

    @Test
    void timeoutBoundsEachWaitAndKillsTheCommand() throws Exception {
        Map<String, Object> r = run(args(ask, "timeout", 1L, "responses", responses("Username", "bob")));
        assertThat(r).containsEntry("changed", true).containsEntry("failed", true).containsEntry("msg", "command exceeded timeout")
                .containsEntry("rc", null).containsEntry("stdout", "Username: New password: ");
        // silent after its last answer: the wait for the end of the output is bounded too, as pexpect's
        String pid = dir.resolve("pid").toString();
        Map<String, Object> quiet = run(args("/bin/sh -c 'printf \"go? \"; read a; echo $$ > " + pid + "; exec sleep 60'", "timeout", 1L,
                "responses", responses("go", "y")));
        assertThat(quiet).containsEntry("msg", "command exceeded timeout").containsEntry("stdout", "go? ");
        long sleeper = Long.parseLong(Files.readString(Path.of(pid)).strip());
        assertThat(gone(sleeper)).as("the command was killed").isTrue();
    }

    /** Whether the process ends within 30 s (a killed one is reaped a moment after the kill). */
    private static boolean gone(long pid) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void nonZeroExitFailsWithTheOutput() throws Exception {
        assertThat(run(args(ask, "responses", responses("Username", "bob", "New password", "a", "Retype", "b"))))
                .containsEntry("changed", true).containsEntry("failed", true).containsEntry("msg", "non-zero return code")
                .containsEntry("rc", 3L).containsEntry("stdout", "Username: New password: Retype new password: Sorry, passwords do not match");
    }

    @Test
    void createsAndRemovesSkipItRelativeToChdir() throws Exception {
        String made = dir.resolve("made").toString();
        Map<String, Object> first = run(args("/bin/sh -c 'printf \"make? \"; read a; touch " + made + "'", "creates", made,
                "responses", responses("make", "y")));
        assertThat(first).containsEntry("changed", true).containsEntry("rc", 0L);
        assertThat(Path.of(made)).exists();
        assertThat(run(args("/bin/false", "creates", made, "responses", responses("Q", "x"))))
                .isEqualTo(Map.of("changed", false, "cmd", "/bin/false", "rc", 0L, "stdout", "skipped, since " + made + " exists",
                        "stdout_lines", List.of("skipped, since " + made + " exists")));
        assertThat(run(args("/bin/false", "chdir", dir.toString(), "removes", "nothere", "responses", responses("Q", "x"))))
                .containsEntry("changed", false).containsEntry("stdout", "skipped, since nothere does not exist");
        assertThat(run(args("/bin/pwd", "chdir", dir.toString(), "creates", "nothere", "responses", responses("Q", "x"))))
                .containsEntry("changed", true).containsEntry("stdout", dir.toRealPath().toString());
    }

    @Test
    void runsNoShellAndReportsProgramsItCannotRun() throws Exception {
        assertThat(run(args("/bin/sh -c \"echo $HOME 'a  b' \\\"c\\\"; pwd\"", "responses", responses("Q", "x"))))
                .containsEntry("rc", 2L).containsEntry("msg", "non-zero return code")
                .containsEntry("stdout", "pwd: 1: Syntax error: Unterminated quoted string");
        assertThat(run(args("nosuchprog-x a", "responses", responses("Q", "x"))))
                .isEqualTo(Map.of("changed", false, "failed", true, "msg", "The command was not found or was not executable: nosuchprog-x."));
        assertThat(run(args(" ", "responses", responses("Q", "x"))))
                .isEqualTo(Map.of("changed", false, "failed", true, "msg", "no command given", "rc", 256L));
    }

    @Test
    void matchesBytesTheEarliestMatchFirst() throws Exception {
        assertThat(run(args("/bin/sh -c 'printf \"bbb aaa? \"; read a; echo \"[$a]\"'", "responses", responses("aaa", "first", "b+", "second"))))
                .containsEntry("stdout", "bbb aaa? [second]");
        // . is one byte, as in pexpect's bytes patterns: ü (two bytes) is not matched by it, \w matches ASCII only
        String fuer = "/bin/sh -c 'printf \"Passwort f\\303\\274r x: \"; read a; echo \"[$a]\"'";
        assertThat(run(args(fuer, "timeout", 1L, "responses", responses("f.r \\w: ", "no")))).containsEntry("msg", "command exceeded timeout");
        assertThat(run(args(fuer, "responses", responses("f..r \\w: ", "ü-ok")))).containsEntry("rc", 0L)
                .containsEntry("stdout", "Passwort für x: [ü-ok]");
        assertThat(run(args(fuer, "responses", responses("für", "ü")))).containsEntry("stdout", "Passwort für x: [ü]");
    }

    @Test
    void timeoutNullWaitsForEver() throws Exception {
        Map<String, Object> a = args("/bin/sh -c 'printf \"go? \"; read a; echo \"[$a]\"'", "timeout", null, "responses", responses("go", "y"));
        assertThat(run(a)).containsEntry("rc", 0L).containsEntry("stdout", "go? [y]");
    }

    /**
     * The answer never shows in a command line on the host while the command runs: the command, holding the answer
     * it read, waits (for a file the test creates) while every process's command line is searched.
     */
    @Test
    void theAnswerIsInNoCommandLineWhileTheCommandRuns() throws Exception {
        String secret = "pw-" + Long.toHexString(System.nanoTime()) + "-marker";
        Path ready = dir.resolve("ready");
        Path go = dir.resolve("go");
        String waiter = write("waiter.sh", "#!/bin/sh\nprintf 'Password: '; read p; touch " + ready + "; while [ ! -e " + go
                + " ]; do sleep 0.1; done; [ \"$p\" = '" + "' ] && exit 1; echo \"len=${#p}\"\n");
        CompletableFuture<Map<String, Object>> r = CompletableFuture.supplyAsync(() -> {
            try {
                return run(args(waiter, "responses", responses("Password", secret)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready) && System.nanoTime() < end) Thread.sleep(20);
            assertThat(ready).as("the command read its answer").exists();
            List<String> lines = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")).toList();
            assertThat(lines).as("the scan sees the running command").anyMatch(l -> l.contains("waiter.sh"));
            assertThat(lines).noneMatch(l -> l.contains(secret));
        } finally {
            Files.createFile(go);
        }
        Map<String, Object> done = r.get(60, TimeUnit.SECONDS);
        assertThat(done).containsEntry("rc", 0L).containsEntry("stdout", "Password: len=" + secret.length());
        assertThat(done.toString()).doesNotContain(secret);
    }
}
