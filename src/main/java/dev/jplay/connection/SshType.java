package dev.jplay.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ansible_connection=ssh} (also {@code smart} and {@code paramiko}, which jplay serves with the same
 * SSH client): one sshj connection per host, persistent shells, SFTP transfers. See docs/connection.md.
 */
final class SshType implements ConnectionType {
    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public List<String> aliases() {
        return List.of("smart", "paramiko", "paramiko_ssh", "ansible.builtin.ssh", "ansible.legacy.ssh",
                "ansible.builtin.paramiko_ssh", "ansible.legacy.paramiko_ssh");
    }

    @Override
    public Target target(String host, TargetSettings s) {
        ConnectionDefaults d = s.defaults();
        String user = s.setting("remote_user", d.remoteUser(), "ansible_user", "ansible_ssh_user");
        String port = s.setting("port", null, "ansible_port", "ansible_ssh_port");
        List<String> keys = new ArrayList<>();
        String key = s.variable("ansible_ssh_private_key_file", "ansible_private_key_file");
        if (key != null) keys.add(key);
        else keys.addAll(d.privateKeys());
        String pw = s.variable("ansible_password", "ansible_ssh_pass", "ansible_ssh_password");
        List<String> args = new ArrayList<>(d.sshArgs());
        for (String v : List.of("ansible_ssh_common_args", "ansible_ssh_extra_args")) {
            String a = s.variable(v);
            if (a != null && !a.isBlank()) args.addAll(ShellWords.split(a));
        }
        String timeout = s.setting("", null, "ansible_ssh_timeout", "ansible_timeout");
        Boolean checking = s.flag("ansible_host_key_checking", "ansible_ssh_host_key_checking");
        Target.HostKeyPolicy policy = checking == null ? d.hostKeys() : checking ? Target.HostKeyPolicy.STRICT : Target.HostKeyPolicy.OFF;
        Target t = new Target(host, name(), s.variable("ansible_host", "ansible_ssh_host"), port == null ? 0 : Integer.parseInt(port),
                user, keys, pw == null ? d.password() : Secret.of(pw), args,
                timeout == null ? d.connectTimeout() : Duration.ofSeconds(Long.parseLong(timeout)), policy);
        Boolean shell = s.flag("jplay_persistent_shell");
        return shell == null ? t : t.withPersistentShell(shell);
    }

    @Override
    public Connection open(Target target, SshTransport ssh) throws ConnectionException {
        return ssh.open(target);
    }
}
