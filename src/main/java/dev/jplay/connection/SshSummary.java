package dev.jplay.connection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.NegotiatedAlgorithms;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * What {@code -vvvv} shows about an SSH connection, in one readable line instead of the SSH library's debug log:
 * the server's version, the negotiated algorithms, the host key's fingerprint (as {@code ssh-keygen -l} prints it),
 * the user and how long connecting and authenticating took. It watches a client's handshake without taking part:
 * its host key check always defers to the real one.
 */
final class SshSummary implements HostKeyVerifier {
    private final long start = System.nanoTime();
    private volatile NegotiatedAlgorithms algorithms;
    private volatile PublicKey hostKey;

    /** Attaches to {@code c} before it connects; must come before the real host key verifier. */
    static SshSummary watch(SSHClient c) {
        SshSummary s = new SshSummary();
        c.addHostKeyVerifier(s);
        c.getTransport().addAlgorithmsVerifier(a -> {
            s.algorithms = a;
            return true;
        });
        return s;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        hostKey = key;
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of();
    }

    /** The line, once the client is authenticated as {@code user}. */
    String text(SSHClient c, String user) {
        StringBuilder sb = new StringBuilder(c.getTransport().getServerVersion());
        NegotiatedAlgorithms a = algorithms;
        if (a != null) {
            sb.append(", kex ").append(a.getKeyExchangeAlgorithm()).append(", cipher ").append(a.getClient2ServerCipherAlgorithm())
              .append(", mac ").append(a.getClient2ServerMACAlgorithm());
            if (!"none".equals(a.getClient2ServerCompressionAlgorithm())) sb.append(", compression ").append(a.getClient2ServerCompressionAlgorithm());
        }
        PublicKey k = hostKey;
        if (k != null) sb.append(", host key ").append(KeyType.fromKey(k)).append(' ').append(fingerprint(k));
        sb.append("; authenticated as ").append(user).append(" in ").append((System.nanoTime() - start) / 1_000_000).append(" ms");
        return sb.toString();
    }

    /** {@code SHA256:} and the unpadded base64 of the key blob's SHA-256, as OpenSSH prints fingerprints. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            return "";
        }
    }
}
