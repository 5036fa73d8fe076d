package dev.jplay.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.PasswordResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Logs in as OpenSSH does: the keys in ssh-agent ({@code SSH_AUTH_SOCK}) first, then the identity files (each parsed once per run and shared by every connection), then the password
 * ({@code ansible_password}, {@code -k}) as password and keyboard-interactive authentication. A key that cannot be
 * used (missing, passphrase-protected) is skipped and named in the message if nothing else works.
 */
final class SshAuth {
    private final Map<Path, Object> keys = new ConcurrentHashMap<>();
    private final SshAgent agent;
    private final Function<Path, Secret> passphrases;
    private List<SshAgent.Identity> agentKeys;
    private String agentProblem;

    /** {@code agent} may be null; {@code passphrases} asks for the passphrase of an encrypted key (null: none). */
    SshAuth(SshAgent agent, Function<Path, Secret> passphrases) {
        this.agent = agent;
        this.passphrases = passphrases;
    }

    void authenticate(SSHClient c, SshOptions o, Secret password) throws IOException {
        List<AuthMethod> methods = new ArrayList<>();
        for (SshAgent.Identity id : agentKeys()) methods.add(new SshAgentAuth(agent, id));
        for (Path id : o.identityFiles()) {
            Object k = keys.computeIfAbsent(id, p -> load(c, p));
            if (k instanceof KeyProvider kp) methods.add(new AuthPublickey(kp));
        }
        if (password != null) {
            PasswordFinder finder = new PasswordFinder() {
                @Override
                public char[] reqPassword(Resource<?> resource) {
                    return password.chars();
                }

                @Override
                public boolean shouldRetry(Resource<?> resource) {
                    return false;
                }
            };
            methods.add(new AuthPassword(finder));
            methods.add(new AuthKeyboardInteractive(new PasswordResponseProvider(finder)));
        }
        try {
            c.auth(o.user(), methods);
        } catch (UserAuthException e) {
            throw new UserAuthException(denied(c, o), e);
        }
    }

    /** The agent's keys, listed once per run. */
    private synchronized List<SshAgent.Identity> agentKeys() {
        if (agentKeys == null) {
            agentKeys = List.of();
            if (agent != null) {
                try {
                    agentKeys = agent.identities();
                } catch (IOException e) {
                    agentProblem = "ssh-agent (SSH_AUTH_SOCK) cannot be used: " + e.getMessage();
                }
            }
        }
        return agentKeys;
    }

    /** A key provider, or a sentence saying why the key cannot be used. */
    private Object load(SSHClient c, Path p) {
        if (!Files.isReadable(p)) return "identity file " + p + " not accessible";
        try {
            KeyProvider kp = c.loadKeys(p.toString());
            kp.getPrivate();
            return kp;
        } catch (IOException | RuntimeException e) {
            Secret phrase = passphrases == null ? null : passphrases.apply(p);
            if (phrase == null) return "identity file " + p + " is passphrase-protected; add it to ssh-agent or run interactively";
            try {
                KeyProvider kp = c.loadKeys(p.toString(), phrase.chars());
                kp.getPrivate();
                return kp;
            } catch (IOException | RuntimeException again) {
                return "identity file " + p + " cannot be used: " + again.getMessage();
            }
        }
    }

    /** OpenSSH's "Permission denied" line, plus the identity files that could not be used. */
    private String denied(SSHClient c, SshOptions o) {
        String allowed = String.join(",", c.getUserAuth().getAllowedMethods());
        StringBuilder sb = new StringBuilder(o.user() + "@" + o.host() + ": Permission denied (" + allowed + ").");
        for (Path id : o.identityFiles()) {
            if (keys.get(id) instanceof String problem) sb.append(' ').append(problem).append('.');
        }
        if (agentProblem != null) sb.append(' ').append(agentProblem).append('.');
        return sb.toString();
    }
}
