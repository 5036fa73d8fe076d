package dev.jplay.exec;

import dev.jplay.connection.Target;
import dev.jplay.data.Py;
import dev.jplay.template.Scope;
import dev.jplay.template.Undefined;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connection variables Ansible adds to a task's variables once it knows how it reaches the host (its
 * connection plugin's {@code update_vars}, with the play context's aliases): {@code ansible_host} is the address
 * used (the inventory name when nothing sets it), {@code ansible_connection} the connection type, and so on. They
 * are the lowest precedence (a variable that is set wins), are seen by the task's arguments, its module and its
 * {@code changed_when}/{@code failed_when}/{@code until}, and are not host variables ({@code hostvars} has none).
 * Secrets ({@code ansible_password}) are never added; settings nothing gives (a remote user, a port) stay undefined.
 *
 * <pre>{@code
 * ConnectionVars.of(resolved.target(), hostScope, kw, options)
 * // {ansible_connection=local, ansible_host=web1, ansible_ssh_host=web1, ansible_shell_executable=/bin/sh,
 * //  ansible_pipelining=false, ansible_ssh_pipelining=false, ansible_timeout=10, ansible_ssh_timeout=10,
 * //  ansible_module_compression=ZIP_DEFLATED}
 * }</pre>
 */
final class ConnectionVars {
    private ConnectionVars() {}

    /** The variables for target {@code t}, whose own variables are {@code vars}. */
    static Map<String, Object> of(Target t, Scope vars, Map<String, Object> keywords, RunOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ansible_connection", t.type());
        Object address = vars.get("ansible_host");
        if (address instanceof Undefined || address == null) address = vars.get("ansible_ssh_host");
        if (address instanceof Undefined || address == null) address = t.address() == null ? t.name() : t.address();
        both(m, "host", address);
        Object user = keywords.get("remote_user") != null ? Py.str(keywords.get("remote_user")) : o.connection().remoteUser();
        if (user != null) both(m, "user", user);
        m.put("ansible_shell_executable", "/bin/sh");
        if (t.port() > 0) both(m, "port", (long) t.port());
        both(m, "pipelining", false);
        java.time.Duration timeout = t.connectTimeout() != null ? t.connectTimeout() : o.connection().connectTimeout();
        if (timeout != null) both(m, "timeout", timeout.toSeconds());
        m.put("ansible_module_compression", "ZIP_DEFLATED");
        return m;
    }

    /** {@code ansible_NAME} and its older alias {@code ansible_ssh_NAME}. */
    private static void both(Map<String, Object> m, String name, Object value) {
        m.put("ansible_" + name, value);
        m.put("ansible_ssh_" + name, value);
    }
}
