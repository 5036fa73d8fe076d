package dev.jplay.playbook;

import dev.jplay.connection.ConnectionTypes;
import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.template.Templar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the values of keywords where they are written (play, block, role entry, task): a value of the wrong type
 * that can never be right ({@code delegate_to: {a: 1}}) is a load error, as in Ansible; a value Ansible converts only
 * when a task runs ({@code become: maybe}, {@code port: abc}, an unknown connection type or become method) is a
 * problem of every task under it, reported before any host is contacted (see {@link Validation}). Templates are
 * checked when rendered.
 */
final class KeywordValues {
    private KeywordValues() {}

    static final Set<String> BOOLEANS = Set.of("become", "ignore_errors", "ignore_unreachable", "any_errors_fatal", "no_log",
            "run_once", "check_mode", "diff", "delegate_facts");
    static final Set<String> INTEGERS = Set.of("port", "timeout", "retries", "delay", "async", "poll", "throttle");
    static final Set<String> STRINGS = Set.of("name", "remote_user", "become_user", "become_method", "become_flags", "become_exe",
            "connection", "delegate_to");

    /** Connection types Ansible has that jplay does not (those jplay has: {@link ConnectionTypes}). */
    private static final Set<String> OTHER_CONNECTIONS = Set.of("docker", "winrm", "psrp", "network_cli", "httpapi", "netconf",
            "kubectl", "lxc", "lxd", "podman", "buildah", "jail", "zone", "libvirt_lxc", "qemu", "funcd", "iocage",
            "saltstack", "aws_ssm", "community.docker.docker", "community.general.lxc", "ansible.netcommon.network_cli");
    /** Become methods jplay implements. */
    static final Set<String> BECOME_METHODS = Set.of("sudo", "su", "ansible.builtin.sudo", "ansible.builtin.su");
    private static final Set<String> OTHER_BECOME = Set.of("doas", "dzdo", "ksu", "machinectl", "pbrun", "pfexec", "pmrun", "runas",
            "sesu", "enable");

    /** The problems of the keyword values in {@code ds}; throws for values that are wrong whatever happens. */
    static List<SourceException> check(Map<String, Object> ds) {
        List<SourceException> out = new ArrayList<>();
        for (var e : ds.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (v == null || Templar.isTemplate(v)) continue;
            Loc at = Raw.valueLoc(ds, k);
            if (STRINGS.contains(k) && (v instanceof Map || v instanceof List)) {
                throw new SourceException("The field '" + k + "' is supposed to be a string type, however the incoming data structure is "
                        + Raw.kind(v), at);
            }
            SourceException p = problem(k, v, at);
            if (p != null) out.add(p);
        }
        return out;
    }

    /**
     * The problem Ansible finds when a task runs with keyword {@code k} set to the literal {@code v} (written at
     * {@code at}), or null: a value that is no boolean or no int, an unknown connection type or become method.
     */
    static SourceException problem(String k, Object v, Loc at) {
        if (BOOLEANS.contains(k)) return isBool(v) ? null : notBool(k, v, at);
        if (INTEGERS.contains(k)) {
            if (isInt(v)) return null;
            return k.equals("throttle")
                    ? new SourceException("Failed to convert the throttle value to an integer: " + Py.str(v), at, null, null, Kind.ERROR)
                    : invalid(k.equals("async") ? "async_val" : k, v, "an int.The error was: invalid literal for int() with base 10: '" + Py.str(v) + "'", "use a whole number", at);
        }
        if (k.equals("connection")) return ConnectionTypes.isKnown(Py.str(v)) ? null : connection(Py.str(v), at);
        if (k.equals("become_method")) return BECOME_METHODS.contains(Py.str(v)) ? null : becomeMethod(Py.str(v), at);
        return null;
    }

    /** Ansible's words for a boolean field whose value {@code v} is no boolean. */
    static SourceException notBool(String field, Object v, Loc at) {
        return invalid(field, v, "an bool.The error was: The value '" + Py.str(v) + "' is not a valid boolean.",
                "use true or false (also yes/no, on/off, 1/0)", at);
    }

    static SourceException invalid(String field, Object v, String type, String hint, Loc at) {
        return new SourceException("the field '" + field + "' has an invalid value (" + Py.str(v) + "), and could not be converted to "
                + type, at, hint, null, Kind.TASK);
    }

    /** An unknown or unsupported connection type (Ansible fails each task that uses it). */
    static SourceException connection(String name, Loc at) {
        String known = "jplay connects with: " + ConnectionTypes.known();
        if (OTHER_CONNECTIONS.contains(name)) {
            return new SourceException("the connection type '" + name + "' is not supported by jplay", at, known, null, Kind.TASK);
        }
        return new SourceException("the connection plugin '" + name + "' was not found", at, known, null, Kind.TASK);
    }

    /** An unknown or unsupported become method (Ansible fails each task that becomes with it). */
    static SourceException becomeMethod(String name, Loc at) {
        String known = "jplay becomes with: sudo, su";
        if (OTHER_BECOME.contains(name)) {
            return new SourceException("the become method '" + name + "' is not supported by jplay", at, known, null, Kind.TASK);
        }
        return new SourceException("Invalid become method specified, could not find matching plugin: '" + name + "'", at, known, null, Kind.TASK);
    }

    static boolean isBool(Object v) {
        if (v instanceof Map || v instanceof List) return false;
        try {
            ArgConverter.toBool(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isInt(Object v) {
        if (v instanceof Map || v instanceof List || v instanceof Boolean) return false;
        try {
            ArgConverter.toKeywordInt(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
