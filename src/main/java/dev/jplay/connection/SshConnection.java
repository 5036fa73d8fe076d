package dev.jplay.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * One SSH connection to one host, kept for the whole run and shared by all its tasks (at most
 * {@value #CHANNELS} commands at once, below OpenSSH's default {@code MaxSessions} of 10). Commands run as
 * {@code /bin/sh -c ...} in their own channel with stdout and stderr drained concurrently; file writes go through
 * SFTP into a temporary file beside the target that is renamed over it with {@code posix-rename} (through
 * the shell when the write needs become).
 */
final class SshConnection implements Connection {
    static final int CHANNELS = 8;
    private final String host;
    private final SSHClient client;
    private final List<SSHClient> jumps;
    private final CommandIO io;
    private final ScheduledExecutorService timer;
    private final Semaphore channels = new Semaphore(CHANNELS);
    private final SshFiles files;

    SshConnection(String host, SSHClient client, List<SSHClient> jumps, ExecutorService pool, ScheduledExecutorService timer) {
        this.host = host;
        this.client = client;
        this.jumps = List.copyOf(jumps);
        this.io = new CommandIO(pool);
        this.timer = timer;
        this.files = new SshFiles(client, this);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public boolean alive() {
        return client.isConnected() && client.isAuthenticated();
    }

    @Override
    public ExecResult exec(ExecRequest req) throws ConnectionException {
        ShellCommand.BecomePlan plan = req.become() == null ? null : ShellCommand.BecomePlan.fresh();
        String line = ShellCommand.build(req, plan);
        try {
            channels.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(ConnectionException.Kind.TIMEOUT, "interrupted", e);
        }
        try (Session s = client.startSession()) {
            Session.Command cmd = s.exec(line);
            Watchdog dog = Watchdog.start(timer, req.timeout(), () -> closeQuietly(s));
            try {
                CommandIO.Captured c = io.run(cmd.getOutputStream(), cmd.getInputStream(), cmd.getErrorStream(), req.stdin(), req.become(), plan);
                cmd.join();
                if (dog.fired()) {
                    throw new ConnectionException(ConnectionException.Kind.TIMEOUT, "command timed out after " + req.timeout().toSeconds() + " seconds");
                }
                if (c.becomeFailure() != null) throw new ConnectionException(ConnectionException.Kind.BECOME, c.becomeFailure());
                Integer rc = cmd.getExitStatus();
                return new ExecResult(rc == null ? -1 : rc, c.stdout(), c.stderr());
            } finally {
                dog.cancel();
            }
        } catch (ConnectionException e) {
            throw e;
        } catch (IOException e) {
            throw lost(e);
        } finally {
            channels.release();
        }
    }

    /** The connection failed under a running task: the host is unreachable unless it comes back on reconnect. */
    ConnectionException lost(IOException e) {
        String why = alive() ? e.getMessage() : "Shared connection to " + host + " closed.";
        return new ConnectionException(ConnectionException.Kind.UNREACHABLE, "Failed to connect to the host via ssh: " + why, e);
    }

    @Override
    public void put(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
        if (become != null || !files.available()) {
            ShellTransfer.write(this, data, path, attrs, become);
            return;
        }
        files.write(path, attrs, out -> out.write(data));
    }

    @Override
    public void put(Path localFile, String path, FileAttrs attrs, Become become) throws ConnectionException {
        if (become != null || !files.available()) {
            try {
                ShellTransfer.write(this, Files.readAllBytes(localFile), path, attrs, become);
            } catch (IOException e) {
                throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot read " + localFile + ": " + e.getMessage(), e);
            }
            return;
        }
        files.write(path, attrs, out -> {
            try (InputStream in = Files.newInputStream(localFile)) {
                in.transferTo(out);
            }
        });
    }

    @Override
    public byte[] get(String path, Become become) throws ConnectionException {
        if (become != null || !files.available()) return ShellTransfer.read(this, path, become);
        return files.read(path);
    }

    @Override
    public void get(String path, Path localFile, Become become) throws ConnectionException {
        try {
            if (become != null || !files.available()) {
                Files.write(localFile, ShellTransfer.read(this, path, become));
            } else {
                try (OutputStream out = Files.newOutputStream(localFile)) {
                    files.copyTo(path, out);
                }
            }
        } catch (IOException e) {
            if (e instanceof ConnectionException ce) throw ce;
            throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot write " + localFile + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Session s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the channel is gone already
        }
    }

    @Override
    public void close() {
        files.close();
        SshTransport.closeQuietly(client);
        for (int i = jumps.size() - 1; i >= 0; i--) SshTransport.closeQuietly(jumps.get(i));
    }
}
