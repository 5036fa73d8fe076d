package dev.jplay.connection;

import java.util.List;

/**
 * One kind of {@code ansible_connection} (ssh, local, chroot ...): its names, how a host's settings become a
 * {@link Target}, and how a target is opened. Implementations are stateless and thread-safe; a new type is one
 * class listed in {@link ConnectionTypes}.
 * <pre>
 * ConnectionType t = ConnectionTypes.find("community.general.chroot").orElseThrow();
 * Target target = t.target("/srv/image", settings);      // what the host's variables say
 * try (Connection c = t.open(target, ssh)) { c.exec(ExecRequest.of("uname -a")); }
 * </pre>
 */
public interface ConnectionType {
    /** The canonical name, also {@link Target#type()}. */
    String name();

    /**
     * Every other name playbooks may use for this type (Ansible's aliases and fully qualified names, such as
     * {@code smart} or {@code ansible.builtin.ssh}).
     */
    List<String> aliases();

    /** The target for {@code host} from its variables, the task's keywords and the run's defaults. */
    Target target(String host, TargetSettings settings);

    /**
     * Opens a connection to {@code target} (made by {@link #target}); {@code ssh} is the run's SSH transport
     * (keys, agent, ssh_config, host keys), for the types that go through SSH. Throws UNREACHABLE when the target
     * cannot be reached or used, with a message saying why.
     */
    Connection open(Target target, SshTransport ssh) throws ConnectionException;
}
