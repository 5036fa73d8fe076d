package dev.jplay.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in with ssh-agent keys and passphrase-protected keys, against the in-JVM sshd. */
class SshAuthTest {
    @TempDir
    static Path dir;
    static TestSshServer server;
    static Path knownHosts;
    static Process agent;
    static Path socket;

    @BeforeAll
    static void start() throws Exception {
        server = TestSshServer.start(dir);
        knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        socket = dir.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) Thread.sleep(20);
        run("ssh-add", server.clientKey.toString());
        Files.copy(server.clientKey, dir.resolve("encrypted"));
        run("ssh-keygen", "-q", "-p", "-P", "", "-N", "open sesame", "-f", dir.resolve("encrypted").toString());
    }

    private static void run(String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", cmd) + ": " + out).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) agent.destroy();
        server.close();
    }

    private Target withKey(String name, Path key) {
        Target t = server.target(name, knownHosts, Target.HostKeyPolicy.STRICT);
        return new Target(name, "ssh", t.address(), t.port(), t.user(), List.of(key.toString()), null, t.sshArgs(), null, t.hostKeys());
    }

    @Test
    void logsInWithAKeyHeldBySshAgent() throws Exception {
        try (Connections c = new Connections(dir, socket.toString(), null)) {
            Target t = withKey("agent", dir.resolve("no-such-key"));
            assertThat(c.get(t).exec(ExecRequest.of("echo via-agent")).out()).isEqualTo("via-agent\n");
        }
    }

    @Test
    void asksForThePassphraseOfAnEncryptedKey() throws Exception {
        try (Connections c = new Connections(dir, null, key -> Secret.of("open sesame"))) {
            assertThat(c.get(withKey("enc", dir.resolve("encrypted"))).exec(ExecRequest.of("echo unlocked")).out()).isEqualTo("unlocked\n");
        }
    }

    @Test
    void namesAnEncryptedKeyItCouldNotUse() {
        try (Connections c = new Connections(dir, null, null)) {
            assertThatThrownBy(() -> c.get(withKey("enc2", dir.resolve("encrypted"))))
                    .hasMessageContaining("Permission denied")
                    .hasMessageContaining("identity file " + dir.resolve("encrypted") + " is passphrase-protected");
        }
    }
}
