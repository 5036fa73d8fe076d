package dev.jplay.connection;


import dev.jplay.testing.Needs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-JVM SSH server (Apache MINA sshd) on 127.0.0.1 for connection tests: commands run through
 * {@code /bin/sh -c} as the JVM's user, SFTP works, and only the client key made by {@link #clientKey} (or a
 * password) logs in. The client key is made with {@code ssh-keygen}, as users make theirs.
 */
final class TestSshServer implements AutoCloseable {
    final SshServer sshd;
    final Path dir;
    final Path clientKey;
    volatile String password = "s3cret";

    private TestSshServer(SshServer sshd, Path dir, Path clientKey) {
        this.sshd = sshd;
        this.dir = dir;
        this.clientKey = clientKey;
    }

    /** A server on an ephemeral port with a fresh host key under {@code dir}. */
    static TestSshServer start(Path dir) throws Exception {
        return start(dir, 0);
    }

    static TestSshServer start(Path dir, int port) throws Exception {
        Path key = clientKey(dir);
        PublicKey allowed = PublicKeyEntry.parsePublicKeyEntry(Files.readString(Path.of(key + ".pub")).strip())
                .resolvePublicKey(null, null, null);
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        SimpleGeneratorHostKeyProvider hk = new SimpleGeneratorHostKeyProvider(dir.resolve("hostkey"));
        hk.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hk.setKeySize(256);
        sshd.setKeyPairProvider(hk);
        TestSshServer server = new TestSshServer(sshd, dir, key);
        sshd.setPublickeyAuthenticator((user, k, session) -> KeyUtils.compareKeys(allowed, k));
        sshd.setPasswordAuthenticator((user, pw, session) -> pw.equals(server.password));
        sshd.setCommandFactory((channel, command) -> new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        sshd.start();
        return server;
    }

    /** An ed25519 client key made by ssh-keygen (skips the test when ssh-keygen is missing outside CI). */
    static Path clientKey(Path dir) throws IOException, InterruptedException {
        Path key = dir.resolve("id_ed25519");
        if (Files.exists(key)) return key;
        Needs.executable("/usr/bin/ssh-keygen", "needs ssh-keygen (apt-get install openssh-client) to make a client key");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", key.toString())
                .redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
        return key;
    }

    int port() {
        return sshd.getPort();
    }

    /** The server's host key as a known_hosts line for 127.0.0.1 on its port. */
    String knownHostsLine() throws Exception {
        PublicKey k = sshd.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(k);
    }

    /** A target for this server with the given known_hosts file and policy. */
    Target target(String name, Path knownHosts, Target.HostKeyPolicy policy) {
        return new Target(name, "ssh", "127.0.0.1", port(), System.getProperty("user.name"), List.of(clientKey.toString()), null,
                List.of("-o", "UserKnownHostsFile=" + knownHosts, "-F", "none"), null, policy);
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
