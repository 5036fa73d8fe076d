package dev.jplay.exec;

import dev.jplay.connection.Become;
import dev.jplay.connection.ConnectionDefaults;
import dev.jplay.connection.ConnectionType;
import dev.jplay.connection.ConnectionTypes;
import dev.jplay.connection.Secret;
import dev.jplay.connection.Target;
import dev.jplay.connection.TargetSettings;
import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.template.Scope;
import dev.jplay.template.Undefined;
import java.util.Map;

/**
 * Resolves how to reach a host and whether to escalate, from its variables ({@code ansible_connection},
 * {@code ansible_host}, {@code ansible_user}, {@code ansible_become_user} ...), the task's templated keywords, and
 * the run's defaults, with Ansible's precedence: connection variables, then keywords, then command line and
 * configuration. The connection type ({@link ConnectionTypes}) reads what it needs.
 */
final class Targets {
    private Targets() {}

    /** The connection and escalation of one task on one host. */
    record Resolved(Target target, Become become) {}

    static Resolved resolve(String host, Scope vars, Map<String, Object> keywords, RunOptions o) {
        Settings s = new Settings(vars, keywords, o.connection());
        String name = s.setting("connection", o.connection().type(), "ansible_connection");
        ConnectionType type = ConnectionTypes.find(name == null ? "ssh" : name)
                .orElseThrow(() -> new SourceException(ConnectionTypes.unknown(name), Loc.UNKNOWN));
        Target target = type.target(host, s);
        return new Resolved(target, become(vars, keywords, o.become(), target.user()));
    }

    /** A host's settings as its scope, the task's keywords and the run's defaults give them. */
    private record Settings(Scope vars, Map<String, Object> keywords, ConnectionDefaults defaults) implements TargetSettings {
        @Override
        public String variable(String... variables) {
            return first(vars, Map.of(), "", null, variables);
        }

        @Override
        public String setting(String keyword, String fallback, String... variables) {
            return first(vars, keywords, keyword, fallback, variables);
        }

        @Override
        public Boolean flag(String... variables) {
            String v = variable(variables);
            return v == null ? null : ArgConverter.toBool(v);
        }
    }

    private static Become become(Scope vars, Map<String, Object> keywords, BecomeDefaults d, String loginUser) {
        String on = first(vars, keywords, "become", d.become() == null ? null : d.become().toString(), "ansible_become");
        if (on == null || !ArgConverter.toBool(on)) return null;
        String buser = first(vars, keywords, "become_user", d.user(), "ansible_become_user");
        String method = first(vars, keywords, "become_method", d.method(), "ansible_become_method");
        String flags = first(vars, keywords, "become_flags", d.flags(), "ansible_become_flags");
        String pw = first(vars, Map.of(), "", null, "ansible_become_password", "ansible_become_pass");
        Become b = new Become(method, buser, flags, pw == null ? d.password() : Secret.of(pw));
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
