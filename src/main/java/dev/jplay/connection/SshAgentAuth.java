package dev.jplay.connection;

import java.io.IOException;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * Public key authentication with one key held by ssh-agent: the request carries the signature at once (the
 * agent signs session id + request), so each key costs one round trip. RSA keys are signed as rsa-sha2-256.
 */
final class SshAgentAuth extends AbstractAuthMethod {
    private final SshAgent agent;
    private final SshAgent.Identity id;

    SshAgentAuth(SshAgent agent, SshAgent.Identity id) {
        super("publickey");
        this.agent = agent;
        this.id = id;
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        String keyType;
        try {
            keyType = new Buffer.PlainBuffer(id.blob()).readString();
        } catch (Buffer.BufferException e) {
            throw new UserAuthException("malformed key from ssh-agent", e);
        }
        boolean rsa = keyType.equals("ssh-rsa");
        String alg = rsa ? "rsa-sha2-256" : keyType;
        SSHPacket req = super.buildReq();
        req.putBoolean(true).putString(alg).putBytes(id.blob());
        byte[] signed = new Buffer.PlainBuffer().putBytes(params.getTransport().getSessionID()).putBuffer(req).getCompactData();
        try {
            req.putBytes(agent.sign(id.blob(), signed, rsa ? SshAgent.RSA_SHA2_256 : 0));
        } catch (IOException e) {
            throw new UserAuthException("ssh-agent key " + id.comment() + ": " + e.getMessage(), e);
        }
        return req;
    }

    @Override
    public String toString() {
        return "ssh-agent key " + id.comment();
    }
}
