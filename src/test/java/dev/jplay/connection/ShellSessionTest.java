package dev.jplay.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands through persistent shells against an in-JVM sshd whose channels run a real /bin/sh: framing that no
 * output can break, stdin, environment and chdir per command, timeouts and interrupts that kill the command's
 * whole process group (and nothing else), a pool for concurrent commands, and reuse of one shell.
 */
class ShellSessionTest {
    @TempDir
    static Path dir;
    static TestSshServer server;
    static Path knownHosts;
    static Connections connections;

    @BeforeAll
    static void start() throws Exception {
        server = TestSshServer.start(dir);
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        connections = new Connections(dir).persistentShell(true);
    }

    @AfterAll
    static void stop() throws Exception {
        connections.close();
        server.close();
    }

    private static Connection conn() throws ConnectionException {
        return connections.get(server.target("h1", knownHosts, Target.HostKeyPolicy.STRICT));
    }

    private static long shellPid() throws Exception {
        // the nearest ancestor whose $0 is jplay-shell: the persistent shell's loop
        String find = "p=$$; while [ \"$p\" -gt 1 ]; do tr '\\0' '\\n' < /proc/$p/cmdline | grep -qx jplay-shell && { echo $p; exit; }; "
                + "p=$(sed 's/.*) . //' /proc/$p/stat | cut -d' ' -f1); done; echo 0";
        return Long.parseLong(conn().exec(ExecRequest.of(find)).out().strip());
    }

    @Test
    void runsCommandsInOneLongLivedShell() throws Exception {
        long first = shellPid();
        assertThat(first).isPositive();
        for (int i = 0; i < 20; i++) assertThat(shellPid()).isEqualTo(first);
        ExecResult r = conn().exec(ExecRequest.of("echo out; echo err >&2; exit 3"));
        assertThat(r.rc()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("out\n");
        assertThat(r.err()).isEqualTo("err\n");
    }

    @Test
    void outputIsBinarySafeAndCannotBreakTheFraming() throws Exception {
        ExecResult r = conn().exec(ExecRequest.of("printf 'a\\000b\\377'; printf 'no newline' >&2"));
        assertThat(r.stdout()).containsExactly('a', 0, 'b', 0xff);
        assertThat(r.err()).isEqualTo("no newline");
        // quotes, newlines, a syntax error and `exit` stay inside the command
        assertThat(conn().exec(ExecRequest.of("echo 'two\nlines'; echo \"$NL\"x")).out()).isEqualTo("two\nlines\nx\n");
        assertThat(conn().exec(ExecRequest.of("echo 'unclosed")).rc()).isEqualTo(2);
        assertThat(conn().exec(ExecRequest.of("exit 7")).rc()).isEqualTo(7);
        assertThat(conn().exec(ExecRequest.of("cat")).out()).isEmpty(); // stdin is /dev/null, not the shell's input
        assertThat(conn().exec(ExecRequest.of("echo still")).out()).isEqualTo("still\n");
    }

    @Test
    void feedsStdinAndEnvironmentAndChdirPerCommand() throws Exception {
        byte[] data = new byte[300_000];
        new java.util.Random(3).nextBytes(data);
        ExecResult r = conn().exec(ExecRequest.of("cat; echo \"$GREETING\"; pwd").withStdin(data)
                .withEnv(Map.of("GREETING", "hi 'there'")).withChdir(dir.toString()));
        byte[] tail = ("hi 'there'\n" + dir.toRealPath() + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(java.util.Arrays.copyOf(r.stdout(), data.length)).isEqualTo(data);
        assertThat(java.util.Arrays.copyOfRange(r.stdout(), data.length, r.stdout().length)).isEqualTo(tail);
        // nothing leaks into the next command: no variable, no directory
        assertThat(conn().exec(ExecRequest.of("echo \"[$GREETING]\"")).out()).isEqualTo("[]\n");
        // a command that reads only part of its input leaves the rest out of the next command
        assertThat(conn().exec(ExecRequest.of("head -c 2").withStdin("abcdef".getBytes(StandardCharsets.UTF_8))).out()).isEqualTo("ab");
        assertThat(conn().exec(ExecRequest.of("echo next")).out()).isEqualTo("next\n");
    }

    @Test
    void drainsLargeStderrWhileReadingStdout() throws Exception {
        assertThat(WindowKeeper.supported()).as("flow control in the safe order needs sshj's channel window").isTrue();
        ExecResult r = conn().exec(ExecRequest.of("head -c 3000000 /dev/zero | tr '\\0' e >&2; head -c 2000000 /dev/zero; echo done"));
        assertThat(r.stderr()).hasSize(3_000_000);
        assertThat(r.stdout()).hasSize(2_000_005);
    }

    @Test
    void aTimeoutKillsTheCommandsWholeProcessGroupAndOnlyIt() throws Exception {
        Path pids = dir.resolve("pids");
        long shell = shellPid();
        assertThatThrownBy(() -> conn().exec(ExecRequest.of("sleep 41 & echo $! > " + pids + "; sleep 42")
                .withTimeout(Duration.ofMillis(500))))
                .isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(((ConnectionException) e).kind()).isEqualTo(ConnectionException.Kind.TIMEOUT));
        long child = Long.parseLong(Files.readString(pids).strip());
        assertThat(gone(child)).as("the background sleep 41 was killed too").isTrue();
        assertThat(shellPid()).as("the shell itself lives on").isEqualTo(shell);
    }

    @Test
    void anInterruptKillsTheRemoteCommand() throws Exception {
        Path pids = dir.resolve("pids2");
        Connection c = conn();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ExecResult> f = pool.submit(() -> c.exec(ExecRequest.of("echo $$ > " + pids + "; exec sleep 43")));
            long pid = waitForPid(pids);
            f.cancel(true);
            assertThat(gone(pid)).isTrue();
            assertThat(c.exec(ExecRequest.of("echo fine")).out()).isEqualTo("fine\n");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancelRunningKillsEveryRunningCommand() throws Exception {
        Connection c = conn();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<ExecResult>> fs = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path p = dir.resolve("cancel" + i);
                files.add(p);
                fs.add(pool.submit(() -> c.exec(ExecRequest.of("echo $$ > " + p + "; exec sleep 44"))));
            }
            List<Long> started = new ArrayList<>();
            for (Path p : files) started.add(waitForPid(p));
            connections.cancelRunning();
            for (Future<ExecResult> f : fs) assertThat(f.get().rc()).isEqualTo(137);
            for (long pid : started) assertThat(gone(pid)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutPersistentShellsATimeoutStillKillsTheRemoteCommand() throws Exception {
        Path pids = dir.resolve("pids3");
        Connection c = connections.get(server.target("h3", knownHosts, Target.HostKeyPolicy.STRICT).withPersistentShell(false));
        assertThatThrownBy(() -> c.exec(ExecRequest.of("sleep 45 & echo $! > " + pids + "; sleep 46")
                .withTimeout(Duration.ofMillis(500))))
                .isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(((ConnectionException) e).kind()).isEqualTo(ConnectionException.Kind.TIMEOUT));
        assertThat(gone(Long.parseLong(Files.readString(pids).strip()))).isTrue();
    }

    @Test
    void aHostCanTurnItOff() throws Exception {
        Connection c = connections.get(server.target("h2", knownHosts, Target.HostKeyPolicy.STRICT).withPersistentShell(false));
        assertThat(c.exec(ExecRequest.of("tr '\\0' ' ' < /proc/$PPID/cmdline")).out()).doesNotContain("jplay-shell");
    }

    private static long waitForPid(Path file) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(file) && !Files.readString(file).isBlank()) return Long.parseLong(Files.readString(file).strip());
            Thread.sleep(25);
        }
        throw new AssertionError("the command never started");
    }

    /** The process exited (or is a zombie nobody reaped yet). */
    static boolean gone(long pid) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            try {
                String s = Files.readString(stat);
                if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) return true; // killed, not yet reaped
            } catch (java.io.IOException e) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
    }
}
