package dev.jplay.connection;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to reach one host, resolved by its {@link ConnectionType} from the host's variables ({@code ansible_host},
 * {@code ansible_port}, {@code ansible_user}, {@code ansible_connection}, {@code ansible_ssh_private_key_file},
 * {@code ansible_password}, {@code ansible_ssh_common_args}, {@code ansible_ssh_extra_args}), the configuration
 * and the command line. Null/0 fields mean "not set": ssh_config and OpenSSH defaults apply.
 * {@code type} is the canonical name of the connection type ({@code ssh}, {@code local}, {@code chroot}).
 * {@code sshArgs} holds raw OpenSSH arguments ({@code -o Key=Value}, {@code -J jump}, {@code -F file}) to honour.
 * {@code persistentShell} is the host's {@code jplay_persistent_shell} (null: the run's setting).
 * {@code options} holds what only one type reads (chroot: {@code chroot_exe}).
 */
public record Target(String name, String type, String address, int port, String user, List<String> identityFiles,
                     Secret password, List<String> sshArgs, Duration connectTimeout, HostKeyPolicy hostKeys,
                     Boolean persistentShell, Map<String, String> options) {
    /** A target that follows the run's choice of persistent shells ({@code persistentShell} null), without options. */
    public Target(String name, String type, String address, int port, String user, List<String> identityFiles,
                  Secret password, List<String> sshArgs, Duration connectTimeout, HostKeyPolicy hostKeys) {
        this(name, type, address, port, user, identityFiles, password, sshArgs, connectTimeout, hostKeys, null, null);
    }

    /** The same target with {@code jplay_persistent_shell} set for it (null: the run's default). */
    public Target withPersistentShell(Boolean on) {
        return new Target(name, type, address, port, user, identityFiles, password, sshArgs, connectTimeout, hostKeys, on, options);
    }

    /** The same target with a type-specific option set ({@code value} null: removed). */
    public Target withOption(String key, String value) {
        Map<String, String> o = new TreeMap<>(options);
        if (value == null) o.remove(key);
        else o.put(key, value);
        return new Target(name, type, address, port, user, identityFiles, password, sshArgs, connectTimeout, hostKeys, persistentShell, o);
    }

    public Target {
        type = type == null || type.isEmpty() ? "ssh" : type;
        address = address == null || address.isEmpty() ? name : address;
        identityFiles = identityFiles == null ? List.of() : List.copyOf(identityFiles);
        sshArgs = sshArgs == null ? List.of() : List.copyOf(sshArgs);
        hostKeys = hostKeys == null ? HostKeyPolicy.STRICT : hostKeys;
        options = options == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public static Target local(String name) {
        return new Target(name, "local", name, 0, null, null, null, null, null, HostKeyPolicy.STRICT);
    }

    public boolean isLocal() {
        return type.equals("local");
    }

    /** What host key checking does with unknown and changed keys. A changed key is always refused. */
    public enum HostKeyPolicy {
        /** known_hosts must have the key ({@code host_key_checking=True}, OpenSSH's default). */
        STRICT,
        /** unknown keys are added to known_hosts ({@code StrictHostKeyChecking=accept-new}). */
        ACCEPT_NEW,
        /** unknown keys are accepted and not recorded ({@code host_key_checking=False}). */
        OFF
    }
}
