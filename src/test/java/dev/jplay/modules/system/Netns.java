package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ForwardingConnection;
import dev.jplay.connection.LocalConnection;
import dev.jplay.connection.ShellCommand;
import dev.jplay.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh network namespace ({@code ip netns add}) for tests that change network state (iptables): its commands run
 * through {@code ip netns exec}, so the machine's own tables are never touched. Needs root; skips saying so.
 */
final class Netns extends ForwardingConnection {
    private final String name;

    private Netns(String name) {
        super(new LocalConnection("netns"));
        this.name = name;
    }

    /** A new namespace; without root or without {@code tool} the test is skipped (failed in CI) with the reason. */
    static Netns create(String tag, String tool) throws Exception {
        Needs.root("needs root (ip netns add) to test " + tool + " in its own namespace");
        Needs.that(Files.isExecutable(Path.of("/usr/sbin/" + tool)) || Files.isExecutable(Path.of("/sbin/" + tool)),
                "needs " + tool + " (apt-get install " + tool + "; ./test installs it)");
        Netns n = new Netns("jplay-t-" + tag + "-" + ProcessHandle.current().pid());
        n.ip("add");
        return n;
    }

    /** Runs a command in the namespace (for assertions); returns its stdout. */
    String sh(String command) throws Exception {
        ExecResult r = exec(ExecRequest.of(command));
        if (r.rc() != 0) throw new IllegalStateException(command + ": rc " + r.rc() + " " + r.err());
        return r.out();
    }

    private void ip(String verb) throws Exception {
        Process p = new ProcessBuilder(List.of("ip", "netns", verb, name)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("ip netns " + verb + " " + name + ": " + out);
    }

    @Override
    public String host() {
        return name;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public ExecResult exec(ExecRequest req) throws ConnectionException {
        String sh = req.executable() == null ? "/bin/sh" : req.executable();
        return inner.exec(new ExecRequest("ip netns exec " + name + " " + sh + " -c " + ShellCommand.quote(req.command()), req.stdin(),
                req.env(), req.chdir(), req.become(), req.timeout(), null, req.listener(), req.dialog()));
    }

    @Override
    public void close() {
        try {
            ip("delete");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            inner.close();
        }
    }
}
