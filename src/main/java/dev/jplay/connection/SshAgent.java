package dev.jplay.connection;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.common.Buffer;

/**
 * A client for the running ssh-agent ({@code SSH_AUTH_SOCK}): lists its keys and asks it to sign, so private keys
 * held by the agent never enter jplay. Speaks the agent protocol over the unix socket; one request at a time.
 */
final class SshAgent {
    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    /** Sign flags: RSA keys sign with SHA-256 (rsa-sha2-256), since OpenSSH refuses SHA-1 ssh-rsa signatures. */
    static final int RSA_SHA2_256 = 2;

    /** One key the agent holds: the public key blob and its comment. */
    record Identity(byte[] blob, String comment) {}

    private final Path socket;

    SshAgent(Path socket) {
        this.socket = socket;
    }

    /** The agent of this session, or null when {@code SSH_AUTH_SOCK} is not set. */
    static SshAgent fromEnvironment(String sock) {
        return sock == null || sock.isBlank() ? null : new SshAgent(Path.of(sock));
    }

    List<Identity> identities() throws IOException {
        Buffer.PlainBuffer reply = call(new Buffer.PlainBuffer().putByte(REQUEST_IDENTITIES));
        byte type = readByte(reply);
        if (type != IDENTITIES_ANSWER) throw new IOException("ssh-agent refused to list keys (reply " + type + ")");
        try {
            long n = reply.readUInt32();
            List<Identity> out = new ArrayList<>();
            for (long i = 0; i < n; i++) out.add(new Identity(reply.readBytes(), reply.readString()));
            return out;
        } catch (Buffer.BufferException e) {
            throw new IOException("malformed ssh-agent reply", e);
        }
    }

    /** The signature blob (string algorithm, string signature) of {@code data} made with the key {@code blob}. */
    byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
        Buffer.PlainBuffer req = new Buffer.PlainBuffer().putByte(SIGN_REQUEST).putBytes(blob).putBytes(data).putUInt32(flags);
        Buffer.PlainBuffer reply = call(req);
        byte type = readByte(reply);
        if (type == FAILURE) throw new IOException("ssh-agent refused to sign (is the key confirmed or expired?)");
        if (type != SIGN_RESPONSE) throw new IOException("unexpected ssh-agent reply " + type);
        try {
            return reply.readBytes();
        } catch (Buffer.BufferException e) {
            throw new IOException("malformed ssh-agent reply", e);
        }
    }

    private Buffer.PlainBuffer call(Buffer.PlainBuffer request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            byte[] body = request.getCompactData();
            ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
            while (out.hasRemaining()) ch.write(out);
            ByteBuffer len = readFully(ch, 4);
            int n = len.getInt();
            if (n < 1 || n > 256 * 1024) throw new IOException("bad ssh-agent reply length " + n);
            return new Buffer.PlainBuffer(readFully(ch, n).array());
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) throw new IOException("ssh-agent closed the connection");
        }
        return b.flip();
    }

    private static byte readByte(Buffer.PlainBuffer b) throws IOException {
        try {
            return b.readByte();
        } catch (Buffer.BufferException e) {
            throw new IOException("empty ssh-agent reply", e);
        }
    }
}
