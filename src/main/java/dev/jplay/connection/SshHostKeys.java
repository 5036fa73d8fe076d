package dev.jplay.connection;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Host key checking as OpenSSH does it, over every known_hosts file that applies (plain and hashed entries):
 * a known key passes; a changed key is always refused; an unknown key is refused ({@code STRICT}), recorded in
 * the first user file ({@code ACCEPT_NEW}) or let through ({@code OFF}). Remembers why it refused, so the
 * connection can tell the user exactly that, with the key's SHA256 fingerprint.
 */
final class SshHostKeys implements HostKeyVerifier {
    private final List<OpenSSHKnownHosts> files = new ArrayList<>();
    private final Path firstUserFile;
    private final Target.HostKeyPolicy policy;
    private volatile String refusal;

    SshHostKeys(List<Path> knownHosts, Target.HostKeyPolicy policy) throws IOException {
        this.policy = policy;
        this.firstUserFile = knownHosts.isEmpty() ? null : knownHosts.get(0);
        for (Path p : knownHosts) {
            if (Files.isReadable(p)) files.add(new Quiet(p.toFile()));
        }
    }

    /** Why the last key was refused (a message for the user), or null. */
    String refusal() {
        return refusal;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String host = port == 22 ? hostname : "[" + hostname + "]:" + port;
        boolean changed = false;
        for (OpenSSHKnownHosts f : files) {
            Quiet q = (Quiet) f;
            q.changed = false;
            if (f.verify(hostname, port, key)) return true;
            changed |= q.changed;
        }
        String type = label(key);
        if (changed) {
            refusal = "REMOTE HOST IDENTIFICATION HAS CHANGED for " + host + ": it now offers the " + type + " key "
                    + fingerprint(key) + ", which does not match known_hosts. If the host was rebuilt, remove the old key with "
                    + "'ssh-keygen -R " + host + "' and connect again.";
            return policy == Target.HostKeyPolicy.OFF;
        }
        if (policy == Target.HostKeyPolicy.OFF) return true;
        if (policy == Target.HostKeyPolicy.ACCEPT_NEW && firstUserFile != null) return record(host, key);
        refusal = "Host key verification failed: no " + type + " host key is known for " + host + " (" + fingerprint(key)
                + ") and strict checking is on. Add it with 'ssh-keyscan -p " + port + " " + hostname + " >> ~/.ssh/known_hosts', "
                + "or set host_key_checking = False (or StrictHostKeyChecking=accept-new).";
        return false;
    }

    private boolean record(String host, PublicKey key) {
        try {
            Files.createDirectories(firstUserFile.toAbsolutePath().getParent());
            if (!Files.exists(firstUserFile)) Files.createFile(firstUserFile);
            OpenSSHKnownHosts kh = new Quiet(firstUserFile.toFile());
            kh.write(new OpenSSHKnownHosts.HostEntry(null, host, KeyType.fromKey(key), key));
            return true;
        } catch (IOException e) {
            refusal = "cannot record the host key of " + host + " in " + firstUserFile + ": " + e.getMessage();
            return false;
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        List<String> out = new ArrayList<>();
        for (OpenSSHKnownHosts f : files) out.addAll(f.findExistingAlgorithms(hostname, port));
        return out;
    }

    /** {@code SHA256:...} as {@code ssh-keygen -l} prints it. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            byte[] d = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ED25519, RSA, ECDSA ... as OpenSSH names key types in messages. */
    static String label(PublicKey key) {
        String t = KeyType.fromKey(key).toString();
        if (t.startsWith("ecdsa")) return "ECDSA";
        return t.replace("ssh-", "").toUpperCase(Locale.ROOT);
    }

    /** A known_hosts file that notes a changed key instead of logging a stack trace about it. */
    private static final class Quiet extends OpenSSHKnownHosts {
        boolean changed;

        Quiet(File f) throws IOException {
            super(f);
        }

        @Override
        protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
            changed = true;
            return false;
        }

        @Override
        protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
            return false;
        }
    }
}
