package dev.jplay.modules.system;

import dev.jplay.connection.Become;
import dev.jplay.connection.Connection;
import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.FileAttrs;
import dev.jplay.connection.LocalConnection;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh network namespace ({@code ip netns add}) for tests that change network state (iptables): its commands run
 * through {@code ip netns exec}, so the machine's own tables are never touched. Needs root; skips saying so.
 */
final class Netns implements Connection, AutoCloseable {
    private final String name;
    private final LocalConnection local = new LocalConnection("netns");

    private Netns(String name) {
        this.name = name;
    }

    /** A new namespace; the test is skipped (with the reason) without root or without {@code tool} on the machine. */
    static Netns create(String tag, String tool) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root (ip netns add) to test " + tool + " in its own namespace");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/" + tool)) || Files.isExecutable(Path.of("/sbin/" + tool)),
                "needs " + tool + " (apt-get install " + tool + "; ./test installs it)");
        Netns n = new Netns("jplay-t-" + tag + "-" + ProcessHandle.current().pid());
        n.ip("netns", "add", n.name);
        return n;
    }

    TestContext context() {
        return new TestContext(this);
    }

    /** Runs a command in the namespace on the controller side (for assertions); returns its stdout. */
    String sh(String command) throws Exception {
        ExecResult r = exec(ExecRequest.of(command));
        if (r.rc() != 0) throw new IllegalStateException(command + ": rc " + r.rc() + " " + r.err());
        return r.out();
    }

    private void ip(String... args) throws Exception {
        Process p = new ProcessBuilder(concat("ip", args)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("ip " + String.join(" ", args) + ": " + out);
    }

    private static java.util.List<String> concat(String first, String... rest) {
        java.util.List<String> l = new java.util.ArrayList<>();
        l.add(first);
        l.addAll(java.util.List.of(rest));
        return l;
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
        return local.exec(new ExecRequest("ip netns exec " + name + " " + sh + " -c " + ShellCommand.quote(req.command()), req.stdin(),
                req.env(), req.chdir(), req.become(), req.timeout(), null, req.listener()));
    }

    @Override
    public void put(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
        local.put(data, path, attrs, become);
    }

    @Override
    public void put(Path localFile, String path, FileAttrs attrs, Become become) throws ConnectionException {
        local.put(localFile, path, attrs, become);
    }

    @Override
    public byte[] get(String path, Become become) throws ConnectionException {
        return local.get(path, become);
    }

    @Override
    public void get(String path, Path localFile, Become become) throws ConnectionException {
        local.get(path, localFile, become);
    }

    @Override
    public void close() {
        try {
            ip("netns", "delete", name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            local.close();
        }
    }
}
