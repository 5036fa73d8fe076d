package dev.jplay.connection;

import java.util.List;

/**
 * {@code ansible_connection=local}: commands run on the controller through {@code /bin/sh}, as the user running
 * jplay; files are read and written on the controller's file system directly.
 */
final class LocalType implements ConnectionType {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.local", "ansible.legacy.local");
    }

    @Override
    public Target target(String host, TargetSettings s) {
        String user = s.setting("remote_user", s.defaults().remoteUser(), "ansible_user", "ansible_ssh_user");
        return new Target(host, name(), host, 0, user == null ? System.getProperty("user.name") : user, null, null, null, null, null);
    }

    @Override
    public Connection open(Target target, SshTransport ssh) {
        return new LocalConnection(target.name());
    }
}
