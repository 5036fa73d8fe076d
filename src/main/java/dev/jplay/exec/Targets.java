package dev.jplay.exec;

import dev.jplay.connection.Become;
import dev.jplay.connection.Secret;
import dev.jplay.connection.ShellWords;
import dev.jplay.connection.Target;
import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.template.Scope;
import dev.jplay.template.Undefined;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves how to reach a host and whether to escalate, from its variables ({@code ansible_host},
 * {@code ansible_user}, {@code ansible_become_user} ...), the task's templated keywords, and the run's defaults,
 * with Ansible's precedence: connection variables, then keywords, then command line and configuration.
 */
final class Targets {
    private Targets() {}

    /** The connection and escalation of one task on one host. */
    record Resolved(Target target, Become become) {}

    static Resolved resolve(String host, Scope vars, Map<String, Object> keywords, RunOptions o) {
        String type = first(vars, keywords, "connection", o.connection(), "ansible_connection");
        if (type == null || type.equals("smart") || type.equals("paramiko") || type.equals("ssh")) type = "ssh";
        String user = first(vars, keywords, "remote_user", o.remoteUser(), "ansible_user", "ansible_ssh_user");
        Target target;
        if (type.equals("local")) {
            target = Target.local(host);
            if (user == null) user = System.getProperty("user.name");
        } else {
            String portText = first(vars, keywords, "port", null, "ansible_port", "ansible_ssh_port");
            List<String> keys = new ArrayList<>();
            String key = first(vars, Map.of(), "", null, "ansible_ssh_private_key_file", "ansible_private_key_file");
            if (key != null) keys.add(key);
            else keys.addAll(o.privateKeys());
            String pw = first(vars, Map.of(), "", null, "ansible_password", "ansible_ssh_pass", "ansible_ssh_password");
            List<String> args = new ArrayList<>(o.sshArgs());
            for (String v : List.of("ansible_ssh_common_args", "ansible_ssh_extra_args")) {
                String a = str(vars.get(v));
                if (a != null && !a.isBlank()) args.addAll(ShellWords.split(a));
            }
            String timeout = first(vars, keywords, "", null, "ansible_ssh_timeout", "ansible_timeout");
            String checking = first(vars, Map.of(), "", null, "ansible_host_key_checking", "ansible_ssh_host_key_checking");
            Target.HostKeyPolicy policy = checking == null ? o.hostKeys()
                    : ArgConverter.toBool(checking) ? Target.HostKeyPolicy.STRICT : Target.HostKeyPolicy.OFF;
            target = new Target(host, "ssh", first(vars, Map.of(), "", null, "ansible_host", "ansible_ssh_host"),
                    portText == null ? 0 : Integer.parseInt(portText), user, keys, pw == null ? o.connectionPassword() : Secret.of(pw),
                    args, timeout == null ? o.connectTimeout() : Duration.ofSeconds(Long.parseLong(timeout)), policy);
            String shell = first(vars, Map.of(), "", null, "jplay_persistent_shell");
            if (shell != null) target = target.withPersistentShell(ArgConverter.toBool(shell));
        }
        return new Resolved(target, become(vars, keywords, o, user));
    }

    private static Become become(Scope vars, Map<String, Object> keywords, RunOptions o, String loginUser) {
        String on = first(vars, keywords, "become", o.become() == null ? null : o.become().toString(), "ansible_become");
        if (on == null || !ArgConverter.toBool(on)) return null;
        String buser = first(vars, keywords, "become_user", o.becomeUser(), "ansible_become_user");
        String method = first(vars, keywords, "become_method", o.becomeMethod(), "ansible_become_method");
        String flags = first(vars, keywords, "become_flags", o.becomeFlags(), "ansible_become_flags");
        String pw = first(vars, Map.of(), "", null, "ansible_become_password", "ansible_become_pass");
        Become b = new Become(method, buser, flags, pw == null ? o.becomePassword() : Secret.of(pw));
        // escalating to the user we already are is a no-op: skip it (keeps fast paths such as SFTP writes)
        if (b.user().equals(loginUser) && b.flags().isEmpty()) return null;
        return b;
    }

    /** The first set value among variables (in order), then the keyword, then the default. */
    private static String first(Scope vars, Map<String, Object> keywords, String keyword, String fallback, String... varNames) {
        for (String v : varNames) {
            String s = str(vars.get(v));
            if (s != null) return s;
        }
        Object k = keywords.get(keyword);
        if (k != null) return Py.str(k);
        return fallback;
    }

    private static String str(Object v) {
        if (v == null || v instanceof Undefined) return null;
        return Py.str(v);
    }
}
