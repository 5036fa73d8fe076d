package dev.jplay.connection;

import java.time.Duration;
import java.util.List;

/**
 * The run's connection defaults from the command line and ansible.cfg ({@code -c}, {@code -u}, {@code --private-key},
 * {@code --ssh-common-args}, {@code -k}, {@code -T}, {@code host_key_checking}), used where a host says nothing.
 * Null means "not set".
 *
 * @param type the connection type ({@code -c}), or null for {@code ssh}
 */
public record ConnectionDefaults(String type, String remoteUser, List<String> privateKeys, List<String> sshArgs, Secret password,
                                 Duration connectTimeout, Target.HostKeyPolicy hostKeys) {
    public ConnectionDefaults {
        privateKeys = privateKeys == null ? List.of() : List.copyOf(privateKeys);
        sshArgs = sshArgs == null ? List.of() : List.copyOf(sshArgs);
    }

    public ConnectionDefaults withRemoteUser(String user) {
        return new ConnectionDefaults(type, user, privateKeys, sshArgs, password, connectTimeout, hostKeys);
    }

    /** No defaults: OpenSSH's and ssh_config's apply. */
    public static ConnectionDefaults none() {
        return new ConnectionDefaults(null, null, null, null, null, null, null);
    }
}
