package dev.jplay.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH connection against an in-JVM sshd: commands, streams, SFTP writes, host keys, auth, timeouts, reuse. */
class SshConnectionTest {
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
        connections = new Connections(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        connections.close();
        server.close();
    }

    private static Connection conn() throws ConnectionException {
        return connections.get(server.target("h1", knownHosts, Target.HostKeyPolicy.STRICT));
    }

    @Test
    void runsCommandsWithSeparateStreamsAndExitStatus() throws Exception {
        ExecResult r = conn().exec(ExecRequest.of("echo out; echo err >&2; exit 3"));
        assertThat(r.rc()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("out\n");
        assertThat(r.err()).isEqualTo("err\n");
    }

    @Test
    void drainsLargeStderrWhileReadingStdout() throws Exception {
        ExecResult r = conn().exec(ExecRequest.of("head -c 3000000 /dev/zero | tr '\\0' e >&2; echo done"));
        assertThat(r.stderr()).hasSize(3_000_000);
        assertThat(r.out()).isEqualTo("done\n");
    }

    @Test
    void feedsStdinAndEnvironmentAndChdir() throws Exception {
        ExecRequest req = ExecRequest.of("cat; echo \"$GREETING\"; pwd").withStdin("piped\n".getBytes(StandardCharsets.UTF_8))
                .withEnv(java.util.Map.of("GREETING", "hi 'there'")).withChdir(dir.toString());
        assertThat(conn().exec(req).out()).isEqualTo("piped\nhi 'there'\n" + dir.toRealPath() + "\n");
    }

    @Test
    void reusesOneConnectionPerTarget() throws Exception {
        assertThat(conn()).isSameAs(conn());
    }

    @Test
    void runsManyCommandsAtOnceOnOneConnection() throws Exception {
        Connection c = conn();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                results.add(pool.submit(() -> c.exec(ExecRequest.of("echo " + n)).out()));
            }
            for (int i = 0; i < 64; i++) assertThat(results.get(i).get()).isEqualTo(i + "\n");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesFilesAtomicallyWithModeAndKeepsTheReplacedMode() throws Exception {
        Path f = dir.resolve("written.txt");
        conn().put("one\n".getBytes(StandardCharsets.UTF_8), f.toString(), new FileAttrs("0640", null, null), null);
        assertThat(Files.readString(f)).isEqualTo("one\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        conn().put("two\n".getBytes(StandardCharsets.UTF_8), f.toString(), FileAttrs.NONE, null);
        assertThat(Files.readString(f)).isEqualTo("two\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".jplay-"));
        }
        assertThat(conn().get(f.toString(), null)).isEqualTo("two\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void streamsControllerFilesBothWays() throws Exception {
        Path src = dir.resolve("big.bin");
        byte[] data = new byte[1_500_000];
        new java.util.Random(7).nextBytes(data);
        Files.write(src, data);
        Path dest = dir.resolve("copy.bin");
        conn().put(src, dest.toString(), new FileAttrs("0600", null, null), null);
        Path back = dir.resolve("back.bin");
        conn().get(dest.toString(), back, null);
        assertThat(Files.readAllBytes(back)).isEqualTo(data);
    }

    @Test
    void symbolicModesAreAppliedThroughTheShell() throws Exception {
        Path f = dir.resolve("sym.txt");
        conn().put("x".getBytes(StandardCharsets.UTF_8), f.toString(), new FileAttrs("u=rw,go=", null, null), null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    void writingIntoAMissingDirectoryFailsAsATransferError() {
        assertThatThrownBy(() -> conn().put(new byte[1], dir.resolve("no/such/file").toString(), FileAttrs.NONE, null))
                .isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(((ConnectionException) e).kind()).isEqualTo(ConnectionException.Kind.TRANSFER))
                .hasMessageContaining("cannot write " + dir.resolve("no/such/file"));
    }

    @Test
    void killsACommandThatRunsPastItsTimeout() {
        assertThatThrownBy(() -> conn().exec(ExecRequest.of("sleep 30").withTimeout(Duration.ofMillis(300))))
                .isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(((ConnectionException) e).kind()).isEqualTo(ConnectionException.Kind.TIMEOUT));
    }

    @Test
    void refusesAnUnknownHostKeyWhenStrict() throws Exception {
        Path empty = Files.writeString(dir.resolve("kh-empty"), "");
        assertThatThrownBy(() -> connections.get(server.target("strict", empty, Target.HostKeyPolicy.STRICT)))
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Failed to connect to the host via ssh: Host key verification failed: no ECDSA host key is known for [127.0.0.1]:" + server.port())
                .hasMessageContaining("SHA256:");
    }

    @Test
    void acceptNewRecordsTheKeyAndThenTrustsIt() throws Exception {
        Path kh = dir.resolve("kh-new");
        try (Connections fresh = new Connections(dir)) {
            fresh.get(server.target("new", kh, Target.HostKeyPolicy.ACCEPT_NEW)).exec(ExecRequest.of("true"));
        }
        assertThat(Files.readString(kh)).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 ");
        try (Connections again = new Connections(dir)) {
            assertThat(again.get(server.target("new", kh, Target.HostKeyPolicy.STRICT)).exec(ExecRequest.of("echo ok")).out()).isEqualTo("ok\n");
        }
    }

    @Test
    void alwaysRefusesAChangedHostKey() throws Exception {
        Path kh = dir.resolve("kh-changed");
        String other = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=";
        Files.writeString(kh, "[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 " + other + "\n");
        assertThatThrownBy(() -> connections.get(server.target("changed", kh, Target.HostKeyPolicy.ACCEPT_NEW)))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("REMOTE HOST IDENTIFICATION HAS CHANGED for [127.0.0.1]:" + server.port())
                .hasMessageContaining("ssh-keygen -R");
    }

    @Test
    void saysPermissionDeniedWhenNoKeyWorks() throws Exception {
        Target t = server.target("denied", knownHosts, Target.HostKeyPolicy.STRICT);
        Target noKey = new Target("denied", "ssh", t.address(), t.port(), t.user(), List.of(dir.resolve("missing_key").toString()), null,
                t.sshArgs(), null, t.hostKeys());
        assertThatThrownBy(() -> connections.get(noKey))
                .hasMessageStartingWith("Failed to connect to the host via ssh: " + t.user() + "@127.0.0.1: Permission denied (")
                .hasMessageContaining("identity file " + dir.resolve("missing_key") + " not accessible");
    }

    @Test
    void logsInWithAPassword() throws Exception {
        Target t = server.target("pw", knownHosts, Target.HostKeyPolicy.STRICT);
        Target pw = new Target("pw", "ssh", t.address(), t.port(), t.user(), List.of(dir.resolve("missing_key").toString()), Secret.of("s3cret"),
                t.sshArgs(), null, t.hostKeys());
        assertThat(connections.get(pw).exec(ExecRequest.of("echo in")).out()).isEqualTo("in\n");
    }

    @Test
    void saysConnectionRefusedForAClosedPort() throws Exception {
        int closed;
        try (var s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Target t = new Target("closed", "ssh", "127.0.0.1", closed, "nobody", List.of(), null, List.of("-F", "none"), null, Target.HostKeyPolicy.STRICT);
        assertThatThrownBy(() -> connections.get(t))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("Failed to connect to the host via ssh: connect to host 127.0.0.1 port " + closed + ": Connection refused");
    }

    @Test
    void reachesAHostThroughAJumpHost() throws Exception {
        Path innerDir = Files.createDirectories(dir.resolve("inner"));
        Files.copy(server.clientKey, innerDir.resolve("id_ed25519"));
        Files.copy(Path.of(server.clientKey + ".pub"), innerDir.resolve("id_ed25519.pub"));
        try (TestSshServer inner = TestSshServer.start(innerDir)) {
            Path kh = dir.resolve("kh-jump");
            Files.writeString(kh, server.knownHostsLine() + "\n" + inner.knownHostsLine() + "\n");
            String user = System.getProperty("user.name");
            Target t = new Target("inner", "ssh", "127.0.0.1", inner.port(), user, List.of(server.clientKey.toString()), null,
                    List.of("-F", "none", "-o", "UserKnownHostsFile=" + kh, "-o", "IdentityFile=" + server.clientKey,
                            "-J", user + "@127.0.0.1:" + server.port()), null, Target.HostKeyPolicy.STRICT);
            assertThat(connections.get(t).exec(ExecRequest.of("echo through")).out()).isEqualTo("through\n");
        }
    }
}
