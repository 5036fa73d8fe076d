package dev.jplay.exec;

import dev.jplay.connection.Become;
import dev.jplay.connection.Connection;
import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.FileAttrs;
import dev.jplay.connection.ForwardingConnection;
import dev.jplay.connection.Target;
import dev.jplay.data.Json;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.output.Event;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code -vv} and more show about one task on one host, as {@link Event.Verbose} lines prefixed with the host:
 * <pre>
 * -vv    &lt;lab01&gt; shell as root@10.38.0.11, become root (sudo): changed in 132 ms
 * -vvv   &lt;lab01&gt; ARGS {"_raw_params": "uname -n"}
 *        &lt;lab01&gt; EXEC uname -n
 *        &lt;lab01&gt; rc=0, 6 bytes out, 0 bytes err, in 12 ms
 *        &lt;lab01&gt; PUT /etc/motd (120 bytes) in 8 ms
 * -vvvv  &lt;lab01&gt; SSH OpenSSH_9.2p1, kex curve25519-sha256, cipher aes128-ctr, ... (once per host and run)
 * </pre>
 * A {@code no_log} task shows neither its arguments nor its commands; the values of parameters the module marks
 * no_log (passwords) are masked in both.
 */
final class Trace {
    private final Engine e;
    private final String host;
    private final String action;
    private final Targets.Resolved resolved;
    private final boolean noLog;
    private final NoLogValues secrets;
    private final long start = System.nanoTime();

    private Trace(Engine e, String host, String action, Targets.Resolved resolved, boolean noLog, NoLogValues secrets) {
        this.e = e;
        this.secrets = secrets;
        this.host = host;
        this.action = action;
        this.resolved = resolved;
        this.noLog = noLog;
    }

    /** A trace of the task when the run's verbosity asks for one, else null. */
    static Trace of(Engine e, String host, String action, Targets.Resolved resolved, ModuleArgs args, boolean noLog, NoLogValues secrets) {
        if (e.options().mode().verbosity() < 2) return null;
        Trace t = new Trace(e, host, action, resolved, noLog, secrets);
        Map<String, Object> given = new LinkedHashMap<>();
        args.all().forEach((k, v) -> {
            if (v != null) given.put(k, v);
        });
        t.line(3, "ARGS " + (noLog ? "(hidden: no_log)" : Json.write(secrets.shown(given))));
        return t;
    }

    /** {@code c}, reporting at {@code -vvv} what runs through it, and at {@code -vvvv} how it was made (once per host). */
    Connection watch(Connection c) {
        if (e.options().mode().verbosity() >= 4 && e.state().described.add(host)) {
            String how = c.describe();
            if (how != null) line(4, resolved.target().type().toUpperCase(java.util.Locale.ROOT) + " " + how);
        }
        return e.options().mode().verbosity() >= 3 ? new Watched(c) : c;
    }

    /** The task is done on this host. */
    void done(Map<String, Object> result) {
        String status = Boolean.TRUE.equals(result.get("unreachable")) ? "unreachable" : Boolean.TRUE.equals(result.get("failed")) ? "failed"
                : Boolean.TRUE.equals(result.get("skipped")) ? "skipped" : Boolean.TRUE.equals(result.get("changed")) ? "changed" : "ok";
        line(2, action + " " + who() + ": " + status + " in " + millis(start) + " ms");
    }

    private String who() {
        Target t = resolved.target();
        String login = t.isLocal() ? "local" : !t.type().equals("ssh") ? t.type() + " " + t.address() : "as " + (t.user() == null ? "(default user)" : t.user()) + "@" + (t.address() == null ? t.name() : t.address());
        Become b = resolved.become();
        return b == null ? login : login + ", become " + b.user() + " (" + b.method() + ")";
    }

    private void line(int level, String text) {
        e.output().on(new Event.Verbose("<" + host + "> " + text, level, host));
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Reports each command and transfer; everything else goes straight through. */
    private final class Watched extends ForwardingConnection {
        Watched(Connection c) {
            super(c);
        }

        @Override
        public ExecResult exec(ExecRequest req) throws ConnectionException {
            StringBuilder sb = new StringBuilder("EXEC ").append(noLog ? "(hidden: no_log)" : secrets.scrub(req.command()));
            if (req.chdir() != null) sb.append("  [in ").append(req.chdir()).append(']');
            if (req.become() != null) sb.append("  [become ").append(req.become().user()).append(" (").append(req.become().method()).append(")]");
            if (req.stdin() != null) sb.append("  [").append(req.stdin().length).append(" bytes on stdin]");
            if (req.dialog() != null) sb.append("  [answers on stdin: ").append(req.dialog()).append(']');
            line(3, sb.toString());
            long t = System.nanoTime();
            try {
                ExecResult r = inner.exec(req);
                line(3, "rc=" + r.rc() + ", " + r.stdout().length + " bytes out, " + r.stderr().length + " bytes err, in " + millis(t) + " ms");
                return r;
            } catch (ConnectionException ex) {
                line(3, "failed after " + millis(t) + " ms: " + ex.getMessage());
                throw ex;
            }
        }

        @Override
        public void put(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
            long t = System.nanoTime();
            inner.put(data, path, attrs, become);
            line(3, "PUT " + path + " (" + data.length + " bytes) in " + millis(t) + " ms");
        }

        @Override
        public void put(Path localFile, String path, FileAttrs attrs, Become become) throws ConnectionException {
            long t = System.nanoTime();
            inner.put(localFile, path, attrs, become);
            line(3, "PUT " + localFile + " TO " + path + " in " + millis(t) + " ms");
        }

        @Override
        public byte[] get(String path, Become become) throws ConnectionException {
            long t = System.nanoTime();
            byte[] data = inner.get(path, become);
            line(3, "FETCH " + path + " (" + data.length + " bytes) in " + millis(t) + " ms");
            return data;
        }

        @Override
        public void get(String path, Path localFile, Become become) throws ConnectionException {
            long t = System.nanoTime();
            inner.get(path, localFile, become);
            line(3, "FETCH " + path + " TO " + localFile + " in " + millis(t) + " ms");
        }
    }
}
